"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { actorOf } from "@/lib/audit/record";
import { assertPermission } from "@/lib/auth/guard";
import { HttpError } from "@/lib/http/body";
import { formOf } from "@/lib/http/action-form";
import { featureSettingSchema, saveFeatureSetting } from "@/lib/recommendations/feature-settings";
import { changeStatus } from "@/lib/recommendations/lifecycle";
import { recomputeRecommendations } from "@/lib/recommendations/recompute";

/** Server actions of the recommendation screens; each checks recommendations.manage itself. */

const back = (path: string, key: "error" | "saved", msg: string) => `${path}?${new URLSearchParams({ [key]: msg })}`;

export async function changeStatusAction(input: unknown): Promise<void> {
  const user = await assertPermission("recommendations.manage");
  const form = formOf(input);
  const id = String(form.get("id") ?? "");
  const body: Record<string, string> = { status: String(form.get("status") ?? "") };
  const reason = String(form.get("reason") ?? "").trim();
  if (reason) body.reason = reason;
  const implementedOn = String(form.get("implemented_on") ?? "");
  if (implementedOn) body.implemented_at = `${implementedOn}T00:00:00Z`;
  const path = `/recommendations/${encodeURIComponent(id)}`;
  let target = path;
  try {
    const r = await changeStatus(user.orgId, actorOf({ kind: "user", userId: user.id, email: user.email }), id, body);
    if (!r) target = back("/recommendations", "error", "No such recommendation.");
  } catch (err) {
    if (!(err instanceof HttpError)) throw err;
    target = back(path, "error", [err.message, ...err.details].join(" "));
  }
  revalidatePath("/recommendations");
  redirect(target);
}

export async function refreshAction(): Promise<void> {
  const user = await assertPermission("recommendations.manage");
  const r = await recomputeRecommendations(user.orgId);
  revalidatePath("/recommendations");
  redirect(back("/recommendations", "saved", `Recomputed: ${r.found} found, ${r.opened} new, ${r.stale} no longer found.`));
}

export async function saveFeatureSettingAction(input: unknown): Promise<void> {
  const user = await assertPermission("recommendations.manage");
  const form = formOf(input);
  const parsed = featureSettingSchema.safeParse({
    feature: String(form.get("feature") ?? ""),
    interactive: form.get("interactive") === "yes",
    owner_team: String(form.get("owner_team") ?? ""),
  });
  if (!parsed.success) redirect(back("/recommendations", "error", parsed.error.issues.map((i) => i.message).join("; ")));
  await saveFeatureSetting(user.orgId, actorOf({ kind: "user", userId: user.id, email: user.email }), parsed.data);
  revalidatePath("/recommendations");
  redirect(back("/recommendations", "saved", `Saved ${parsed.data.feature}: ${parsed.data.interactive ? "interactive" : "not interactive"}.`));
}
