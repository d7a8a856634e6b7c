"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { assertPermission } from "@/lib/auth/guard";
import { actorOf } from "@/lib/audit/record";
import { formOf } from "@/lib/http/action-form";
import { SOURCE_TYPES } from "@/lib/source-contract/collector";
import { configFromForm } from "@/lib/sources/form-fields";
import { createSourceSchema } from "@/lib/sources/input";
import { createSource, deleteSource, patchSource, runSourceNow } from "@/lib/sources/sources";
import type { SourceFormState } from "@/components/sources/action-state";

const PATH = "/sources";
const idSchema = z.string().min(1).max(100);

async function manager() {
  const user = await assertPermission("sources.manage");
  return { orgId: user.orgId, actor: actorOf({ kind: "user", email: user.email, userId: user.id }) };
}

export async function createSourceAction(_prev: SourceFormState, input: unknown): Promise<SourceFormState> {
  const form = formOf(input);
  const { orgId, actor } = await manager();
  const type = z.enum(SOURCE_TYPES).safeParse(form.get("type"));
  if (!type.success) return { ok: false, message: "No source was added.", errors: [`type: expected one of ${SOURCE_TYPES.join(", ")}`] };
  const get = (n: string) => String(form.get(n) ?? "");
  const parsed = createSourceSchema.safeParse({ type: type.data, name: get("name"), config: configFromForm(type.data, get) });
  if (!parsed.success) return { ok: false, message: "No source was added.", errors: parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`) };
  const r = await createSource(orgId, actor, parsed.data);
  if (!r.ok) return { ok: false, message: "No source was added.", errors: r.details.length ? r.details : [r.error] };
  revalidatePath(PATH);
  return { ok: true, message: `Source "${r.value.name}" added; its first run starts within a few seconds.`, id: r.value.id };
}

/** Pause, resume or run now: one action for the row buttons, the verb in the form. */
export async function sourceCommandAction(input: unknown): Promise<{ ok: boolean; message: string }> {
  const form = formOf(input);
  const { orgId, actor } = await manager();
  const id = idSchema.safeParse(form.get("id"));
  const verb = z.enum(["pause", "resume", "run"]).safeParse(form.get("verb"));
  if (!id.success || !verb.success) return { ok: false, message: "id and verb (pause, resume or run) are required." };
  const r =
    verb.data === "run"
      ? await runSourceNow(orgId, actor, id.data)
      : await patchSource(orgId, actor, id.data, { state: verb.data === "pause" ? "paused" : "active" });
  revalidatePath(PATH);
  revalidatePath(`${PATH}/${id.data}`);
  return r.ok ? { ok: true, message: "Done." } : { ok: false, message: r.error };
}

export async function deleteSourceAction(input: unknown): Promise<void> {
  const { orgId, actor } = await manager();
  const id = idSchema.safeParse(formOf(input).get("id"));
  if (!id.success) return;
  await deleteSource(orgId, actor, id.data);
  revalidatePath(PATH);
}
