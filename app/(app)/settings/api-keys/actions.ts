"use server";

import { formOf } from "@/lib/http/action-form";
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { recordAudit } from "@/lib/audit/record";
import { assertPermission } from "@/lib/auth/guard";
import { SCOPES, createApiKey, revokeApiKey, setApiKeyLimits } from "@/lib/auth/api-keys";
import { limitField } from "@/lib/auth/key-limit-settings";
import type { CreateKeyState, LimitsState } from "@/components/keys/action-state";

const createSchema = z.object({
  name: z.string().trim().min(1, "name: give the key a name, e.g. the service that uses it").max(100, "name: at most 100 characters"),
  scopes: z.array(z.enum(SCOPES)).min(1, "scopes: choose at least one of ingest, read, manage"),
  requestsPerMinute: limitField("Requests per minute"),
  eventsPerDay: limitField("Events per day"),
});

const limitsSchema = z.object({
  id: z.string().min(1).max(100),
  requestsPerMinute: limitField("Requests per minute"),
  eventsPerDay: limitField("Events per day"),
});

/** The plaintext key goes back in this one response only; only its hash is stored. */
export async function createKeyAction(_prev: CreateKeyState, input: unknown): Promise<CreateKeyState> {
  const form = formOf(input);
  const user = await assertPermission("apikeys.manage");
  const parsed = createSchema.safeParse({
    name: form.get("name"),
    scopes: form.getAll("scopes"),
    requestsPerMinute: form.get("requestsPerMinute") ?? "",
    eventsPerDay: form.get("eventsPerDay") ?? "",
  });
  if (!parsed.success) return { ok: false, message: "No key was created.", errors: parsed.error.issues.map((i) => i.message) };
  const { name, scopes, requestsPerMinute, eventsPerDay } = parsed.data;
  const key = await createApiKey({ orgId: user.orgId, name, scopes, createdById: user.id, limits: { requestsPerMinute, eventsPerDay } });
  await recordAudit({ orgId: user.orgId, actor: `user:${user.email}`, action: "api_key.create", targetType: "api_key", targetId: key.id, after: { name, scopes, prefix: key.prefix, requestsPerMinute, eventsPerDay } });
  revalidatePath("/settings/api-keys");
  return { ok: true, message: `Key "${key.name}" created.`, key: key.key };
}

export async function revokeKeyAction(input: unknown): Promise<void> {
  const form = formOf(input);
  const user = await assertPermission("apikeys.manage");
  const id = z.string().min(1).max(100).safeParse(form.get("id"));
  if (!id.success) return; // the page always sends one; a hand-made call without it changes nothing
  if (await revokeApiKey(user.orgId, id.data)) await recordAudit({ orgId: user.orgId, actor: `user:${user.email}`, action: "api_key.revoke", targetType: "api_key", targetId: id.data, before: { revoked: false }, after: { revoked: true } });
  revalidatePath("/settings/api-keys");
}

/** Blank fields go back to the default; servers apply the change within 10 s (their key cache). */
export async function setKeyLimitsAction(_prev: LimitsState, input: unknown): Promise<LimitsState> {
  const form = formOf(input);
  const user = await assertPermission("apikeys.manage");
  const parsed = limitsSchema.safeParse({ id: form.get("id"), requestsPerMinute: form.get("requestsPerMinute") ?? "", eventsPerDay: form.get("eventsPerDay") ?? "" });
  if (!parsed.success) return { ok: false, message: parsed.error.issues.map((i) => i.message).join(" ") };
  const { id, requestsPerMinute, eventsPerDay } = parsed.data;
  if (!(await setApiKeyLimits(user.orgId, id, { requestsPerMinute, eventsPerDay }))) return { ok: false, message: "No such key." };
  await recordAudit({ orgId: user.orgId, actor: `user:${user.email}`, action: "api_key.limits", targetType: "api_key", targetId: id, after: { requestsPerMinute, eventsPerDay } });
  revalidatePath("/settings/api-keys");
  return { ok: true, message: "Limits saved; servers apply them within 10 seconds." };
}
