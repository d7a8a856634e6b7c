"use server";

import { revalidatePath } from "next/cache";
import { actorOf } from "@/lib/audit/record";
import { assertPermission } from "@/lib/auth/guard";
import { formOf } from "@/lib/http/action-form";
import { createDeployment, deleteDeployment } from "@/lib/selfhosted/deployments";
import { deploymentBodyFromForm, deploymentFormResult, formValues, type DeploymentFormState } from "@/lib/selfhosted/form";

/** Server actions of the Self-hosted page; each checks selfhosted.manage itself (admin, engineer). */

export async function createDeploymentAction(_prev: DeploymentFormState, input: unknown): Promise<DeploymentFormState> {
  const user = await assertPermission("selfhosted.manage");
  const form = formOf(input);
  const body = deploymentBodyFromForm(form);
  if ("invalid" in body) return { ok: false, message: "The deployment was not saved.", errors: body.invalid as string[], values: formValues(form) };
  const result = await deploymentFormResult(() => createDeployment(user.orgId, actorOf({ kind: "user", userId: user.id, email: user.email }), body));
  if (!result.ok) return { ...result, values: formValues(form) };
  revalidatePath("/self-hosted");
  return result;
}

export async function deleteDeploymentAction(input: unknown): Promise<void> {
  const user = await assertPermission("selfhosted.manage");
  await deleteDeployment(user.orgId, actorOf({ kind: "user", userId: user.id, email: user.email }), String(formOf(input).get("id") ?? ""));
  revalidatePath("/self-hosted");
}
