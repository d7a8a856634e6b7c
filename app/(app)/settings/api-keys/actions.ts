"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { assertPermission } from "@/lib/auth/guard";
import { SCOPES, createApiKey, revokeApiKey } from "@/lib/auth/api-keys";

export type CreateKeyState = { ok: boolean; message: string; errors?: string[]; key?: string };

const createSchema = z.object({
  name: z.string().trim().min(1, "name: give the key a name, e.g. the service that uses it").max(100, "name: at most 100 characters"),
  scopes: z.array(z.enum(SCOPES)).min(1, "scopes: choose at least one of ingest, read"),
});

/** The plaintext key goes back in this one response only; only its hash is stored. */
export async function createKeyAction(_prev: CreateKeyState, form: FormData): Promise<CreateKeyState> {
  const user = await assertPermission("apikeys.manage");
  const parsed = createSchema.safeParse({ name: form.get("name"), scopes: form.getAll("scopes") });
  if (!parsed.success) return { ok: false, message: "No key was created.", errors: parsed.error.issues.map((i) => i.message) };
  const key = await createApiKey({ orgId: user.orgId, name: parsed.data.name, scopes: parsed.data.scopes, createdById: user.id });
  revalidatePath("/settings/api-keys");
  return { ok: true, message: `Key "${key.name}" created.`, key: key.key };
}

export async function revokeKeyAction(form: FormData): Promise<void> {
  const user = await assertPermission("apikeys.manage");
  await revokeApiKey(user.orgId, z.string().min(1).parse(form.get("id")));
  revalidatePath("/settings/api-keys");
}
