"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { actorOf } from "@/lib/audit/record";
import { assertPermission } from "@/lib/auth/guard";
import { HttpError } from "@/lib/http/body";
import { formOf } from "@/lib/http/action-form";
import { setCoverageSetting } from "@/lib/provider-billing/coverage-alert";
import { deleteMapping, upsertMapping } from "@/lib/provider-billing/mappings";

/** Server actions of /reconciliation; each checks reconciliation.manage itself (admin, finance, engineer). */

async function withUser<T>(fn: (orgId: string, actor: string) => Promise<T>): Promise<void> {
  const user = await assertPermission("reconciliation.manage");
  try {
    await fn(user.orgId, actorOf({ kind: "user", userId: user.id, email: user.email }));
  } catch (err) {
    if (err instanceof HttpError) redirect(`/reconciliation?error=${encodeURIComponent([err.message, ...err.details].join(" "))}`);
    throw err;
  }
  revalidatePath("/reconciliation");
}

const text = (f: FormData, k: string) => String(f.get(k) ?? "");

export async function saveMappingAction(input: unknown): Promise<void> {
  const f = formOf(input);
  await withUser((orgId, actor) => upsertMapping(orgId, actor, { provider: text(f, "provider"), kind: text(f, "kind"), external_id: text(f, "external_id"), project: text(f, "project"), team: text(f, "team") }));
}

export async function deleteMappingAction(input: unknown): Promise<void> {
  const id = text(formOf(input), "id");
  await withUser((orgId, actor) => deleteMapping(orgId, actor, id));
}

export async function saveCoverageAlertAction(input: unknown): Promise<void> {
  const raw = text(formOf(input), "threshold_percent").trim();
  await withUser((orgId, actor) => setCoverageSetting(orgId, actor, { threshold_percent: raw === "" ? null : Number(raw) }));
}
