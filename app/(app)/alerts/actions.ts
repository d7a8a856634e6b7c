"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { assertPermission } from "@/lib/auth/guard";
import { actorOf } from "@/lib/audit/record";
import { formOf } from "@/lib/http/action-form";
import { HttpError } from "@/lib/http/body";
import { acknowledgeAlert, resolveAlert, snoozeAlert } from "@/lib/alerts/actions";
import { isAlertId } from "@/lib/alerts/params";
import type { AlertActionState } from "@/components/alerts/action-state";

const snoozeForm = z.object({
  until: z.iso.datetime({ offset: true, error: "until: pick a date and time" }),
  reason: z.string({ error: "reason: say why" }).trim().min(1, "reason: say why").max(500, "reason: at most 500 characters"),
});

/** Runs one alert action for the signed-in user (alerts.act, checked here on the server) and reports the outcome. */
async function act(input: unknown, run: (id: string, who: { orgId: string; actor: string }, form: FormData) => Promise<string>): Promise<AlertActionState> {
  const form = formOf(input);
  const user = await assertPermission("alerts.act");
  const id = String(form.get("id") ?? "");
  if (!isAlertId(id)) return { ok: false, message: "No such alert." };
  try {
    const message = await run(id, { orgId: user.orgId, actor: actorOf({ kind: "user", userId: user.id, email: user.email }) }, form);
    revalidatePath(`/alerts/${id}`);
    revalidatePath("/alerts");
    return { ok: true, message };
  } catch (err) {
    if (err instanceof HttpError) return { ok: false, message: err.message, errors: err.details };
    throw err;
  }
}

export async function acknowledgeAction(_prev: AlertActionState, input: unknown): Promise<AlertActionState> {
  return act(input, async (id, who) => {
    await acknowledgeAlert(id, who);
    return "Acknowledged.";
  });
}

export async function resolveAction(_prev: AlertActionState, input: unknown): Promise<AlertActionState> {
  return act(input, async (id, who) => {
    await resolveAlert(id, who);
    return "Resolved.";
  });
}

/** The form sends the browser's local time as an ISO instant (the page converts it), so no server time zone is assumed. */
export async function snoozeAction(_prev: AlertActionState, input: unknown): Promise<AlertActionState> {
  return act(input, async (id, who, form) => {
    const parsed = snoozeForm.safeParse({ until: form.get("until"), reason: form.get("reason") });
    if (!parsed.success) throw new HttpError(422, "Not snoozed.", parsed.error.issues.map((i) => i.message));
    await snoozeAlert(id, { until: new Date(parsed.data.until), reason: parsed.data.reason }, who);
    return `Snoozed until ${parsed.data.until}.`;
  });
}
