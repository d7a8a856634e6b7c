"use server";

import { revalidatePath } from "next/cache";
import { redirect } from "next/navigation";
import { actorOf } from "@/lib/audit/record";
import { assertPermission } from "@/lib/auth/guard";
import { formOf } from "@/lib/http/action-form";
import { sloBodyFromForm } from "@/lib/slos/form-body";
import { sloFormResult, type SloFormState } from "@/lib/slos/form-result";
import { createSlo, deleteSlo, updateSlo } from "@/lib/slos/service";

/** Server actions of the SLO screens; each checks slos.manage itself. */

export async function createSloAction(_prev: SloFormState, input: unknown): Promise<SloFormState> {
  const user = await assertPermission("slos.manage");
  const result = await sloFormResult(() => createSlo(user.orgId, actorOf({ kind: "user", userId: user.id, email: user.email }), sloBodyFromForm(formOf(input))));
  if (!result.ok || !result.id) return result;
  revalidatePath("/slos");
  redirect(`/slos/${result.id}`);
}

export async function updateSloAction(_prev: SloFormState, input: unknown): Promise<SloFormState> {
  const user = await assertPermission("slos.manage");
  const form = formOf(input);
  const id = String(form.get("id") ?? "");
  const result = await sloFormResult(() => updateSlo(user.orgId, actorOf({ kind: "user", userId: user.id, email: user.email }), id, sloBodyFromForm(form)));
  if (!result.ok || !result.id) return result;
  revalidatePath("/slos");
  redirect(`/slos/${result.id}`);
}

export async function deleteSloAction(input: unknown): Promise<void> {
  const user = await assertPermission("slos.manage");
  await deleteSlo(user.orgId, actorOf({ kind: "user", userId: user.id, email: user.email }), String(formOf(input).get("id") ?? ""));
  revalidatePath("/slos");
  redirect("/slos");
}
