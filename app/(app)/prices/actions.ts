"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { assertPermission } from "@/lib/auth/guard";
import { createOverride, deleteOverride, overrideInputSchema } from "@/lib/pricing/overrides";
import { enqueueRecost } from "@/lib/pricing/recost";

export type OverrideFormState = { ok: boolean; message: string; errors?: string[] };

const FIELDS = ["provider", "modelPattern", "effectiveFrom", "inputPerMtok", "cacheReadPerMtok", "cacheWrite5mPerMtok", "cacheWrite1hPerMtok", "outputPerMtok", "note"] as const;

/** Saves an override and queues a re-cost of everything since it takes effect, so past spend follows. */
export async function createOverrideAction(_prev: OverrideFormState, form: FormData): Promise<OverrideFormState> {
  const user = await assertPermission("prices.edit");
  const raw = Object.fromEntries(FIELDS.map((f) => [f, String(form.get(f) ?? "")]));
  const parsed = overrideInputSchema.safeParse(raw);
  if (!parsed.success) {
    return { ok: false, message: "The override was not saved.", errors: parsed.error.issues.map((i) => `${String(i.path[0] ?? "")}: ${i.message}`) };
  }
  const row = await createOverride(user.orgId, parsed.data);
  const now = new Date();
  let recost = "";
  if (row.effectiveFrom < now) {
    await enqueueRecost(user.orgId, row.effectiveFrom, now, `override ${row.provider}/${row.modelPattern} added by ${user.email}`);
    recost = " Past events from its effective date are being re-costed.";
  }
  revalidatePath("/prices");
  revalidatePath("/");
  return { ok: true, message: `Override for ${row.provider}/${row.modelPattern} saved.${recost}` };
}

export async function deleteOverrideAction(form: FormData): Promise<void> {
  const user = await assertPermission("prices.edit");
  const id = z.string().min(1).parse(form.get("id"));
  const row = await deleteOverride(user.orgId, id);
  if (row && row.effectiveFrom < new Date()) {
    await enqueueRecost(user.orgId, row.effectiveFrom, new Date(), `override ${row.provider}/${row.modelPattern} removed by ${user.email}`);
  }
  revalidatePath("/prices");
  revalidatePath("/");
}

const recostSchema = z.object({
  from: z.coerce.date({ error: "from: expected a date" }),
  to: z.coerce.date({ error: "to: expected a date" }),
});

/** Re-cost any range on demand, e.g. after the price catalog was updated with a new release. */
export async function recostAction(_prev: OverrideFormState, form: FormData): Promise<OverrideFormState> {
  const user = await assertPermission("prices.edit");
  const parsed = recostSchema.safeParse({ from: form.get("from"), to: form.get("to") });
  if (!parsed.success) return { ok: false, message: "Nothing was queued.", errors: parsed.error.issues.map((i) => i.message) };
  const to = new Date(parsed.data.to.getTime() + 86_400_000); // the whole last day
  if (!(parsed.data.from < to)) return { ok: false, message: "Nothing was queued.", errors: ["to: expected a date after from"] };
  await enqueueRecost(user.orgId, parsed.data.from, to, `requested by ${user.email}`);
  revalidatePath("/prices");
  return { ok: true, message: "Re-cost queued; totals update as it runs." };
}
