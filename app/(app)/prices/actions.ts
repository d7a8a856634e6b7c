"use server";

import { formOf } from "@/lib/http/action-form";
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { recordAudit } from "@/lib/audit/record";
import { assertPermission } from "@/lib/auth/guard";
import { createOverride, deleteOverride, overrideInputSchema } from "@/lib/pricing/overrides";
import { enqueueRecost } from "@/lib/pricing/recost";
import { clampToUsage } from "@/lib/analytics/usage-span";
import type { OverrideFormState } from "@/components/prices/action-state";

const FIELDS = ["provider", "modelPattern", "effectiveFrom", "inputPerMtok", "cacheReadPerMtok", "cacheWrite5mPerMtok", "cacheWrite1hPerMtok", "outputPerMtok", "note"] as const;

/** Events may carry timestamps up to 24 h ahead (clock skew), so a re-cost "until now" reaches past it. */
function recostUntil(): Date {
  return new Date(Date.now() + 25 * 3_600_000);
}

// Errors name the field as the form labels it, not as the code does.
const LABELS: Record<string, string> = {
  provider: "Provider",
  modelPattern: "Model",
  effectiveFrom: "Effective from",
  inputPerMtok: "Input",
  cacheReadPerMtok: "Cache read",
  cacheWrite5mPerMtok: "Cache write 5 min",
  cacheWrite1hPerMtok: "Cache write 1 h",
  outputPerMtok: "Output",
  note: "Note",
};

function fieldErrors(issues: { path: PropertyKey[]; message: string }[]): string[] {
  return issues.map((i) => {
    const key = String(i.path[0] ?? "");
    // The schema's messages may already start with the field's code name.
    const message = i.message.replace(new RegExp(`^${key}:\\s*`), "");
    return key ? `${LABELS[key] ?? key}: ${message}` : message;
  });
}

/** Saves an override and (unless unticked) queues a re-cost of everything since it takes effect, so past spend follows. */
export async function createOverrideAction(_prev: OverrideFormState, input: unknown): Promise<OverrideFormState> {
  const form = formOf(input);
  const user = await assertPermission("prices.edit");
  const raw = Object.fromEntries(FIELDS.map((f) => [f, String(form.get(f) ?? "")]));
  const parsed = overrideInputSchema.safeParse(raw);
  if (!parsed.success) {
    return { ok: false, message: "The override was not saved.", errors: fieldErrors(parsed.error.issues) };
  }
  const row = await createOverride(user.orgId, parsed.data);
  await recordAudit({ orgId: user.orgId, actor: `user:${user.email}`, action: "price_override.create", targetType: "price_override", targetId: row.id, after: row });
  const now = new Date();
  let recost = "";
  const range = form.get("recost") === "on" && row.effectiveFrom < now ? await clampToUsage(user.orgId, row.effectiveFrom, recostUntil()) : null;
  if (range) {
    await enqueueRecost(user.orgId, range.from, range.to, `override ${row.provider}/${row.modelPattern} added by ${user.email}`);
    recost = " Stored events from its effective date are being re-costed; the jobs below show progress.";
  }
  revalidatePath("/prices");
  revalidatePath("/");
  if (!recost) {
    recost =
      row.effectiveFrom >= now
        ? " It prices events from its effective date on."
        : " Stored events keep their cost until you re-cost their range below.";
  }
  return { ok: true, message: `Override for ${row.provider}/${row.modelPattern} saved.${recost}` };
}

export async function deleteOverrideAction(input: unknown): Promise<void> {
  const form = formOf(input);
  const user = await assertPermission("prices.edit");
  const parsed = z.string().min(1).max(100).safeParse(form.get("id"));
  if (!parsed.success) return; // the page always sends one; a hand-made call without it changes nothing
  const id = parsed.data;
  const row = await deleteOverride(user.orgId, id);
  if (row) await recordAudit({ orgId: user.orgId, actor: `user:${user.email}`, action: "price_override.delete", targetType: "price_override", targetId: id, before: row });
  const range = row && row.effectiveFrom < new Date() ? await clampToUsage(user.orgId, row.effectiveFrom, recostUntil()) : null;
  if (row && range) {
    await enqueueRecost(user.orgId, range.from, range.to, `override ${row.provider}/${row.modelPattern} removed by ${user.email}`);
  }
  revalidatePath("/prices");
  revalidatePath("/");
}

const recostSchema = z.object({
  from: z.coerce.date({ error: "from: expected a date" }),
  to: z.coerce.date({ error: "to: expected a date" }),
});

/** Re-cost any range on demand, e.g. after the price catalog was updated with a new release. */
export async function recostAction(_prev: OverrideFormState, input: unknown): Promise<OverrideFormState> {
  const form = formOf(input);
  const user = await assertPermission("prices.edit");
  const parsed = recostSchema.safeParse({ from: form.get("from"), to: form.get("to") });
  if (!parsed.success) return { ok: false, message: "Nothing was queued.", errors: parsed.error.issues.map((i) => i.message) };
  const to = new Date(parsed.data.to.getTime() + 86_400_000); // the whole last day
  if (!(parsed.data.from < to)) return { ok: false, message: "Nothing was queued.", errors: ["to: expected a date after from"] };
  const range = await clampToUsage(user.orgId, parsed.data.from, to);
  if (!range) return { ok: true, message: "There is no stored usage in that range: nothing to re-cost." };
  await enqueueRecost(user.orgId, range.from, range.to, `requested by ${user.email}`);
  revalidatePath("/prices");
  return { ok: true, message: "Re-cost queued; totals update as it runs." };
}
