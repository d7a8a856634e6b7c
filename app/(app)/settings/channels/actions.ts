"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { assertPermission } from "@/lib/auth/guard";
import { actorOf } from "@/lib/audit/record";
import { formOf } from "@/lib/http/action-form";
import { channelInputSchema } from "@/lib/delivery/channel-config";
import { createChannel, deleteChannel, setChannelEnabled } from "@/lib/delivery/channels";
import { configFromForm, parseScopeText } from "@/lib/delivery/form-fields";
import { createRoutingRule, deleteRoutingRule, routingRuleInputSchema } from "@/lib/delivery/routing-rules";
import { sendTestNotification } from "@/lib/delivery/send-test";
import { createSilence, expireSilence, silenceInputSchema } from "@/lib/delivery/silences";
import { CHANNEL_TYPES } from "@/lib/delivery/types";
import type { FormState } from "@/components/channels/action-state";

const PATH = "/settings/channels";
const idSchema = z.string().min(1).max(100);
const issues = (e: z.ZodError) => e.issues.map((i) => `${i.path.join(".") || "form"}: ${i.message}`);

export async function createChannelAction(_prev: FormState, input: unknown): Promise<FormState> {
  const form = formOf(input);
  const user = await assertPermission("alerting.manage");
  const type = z.enum(CHANNEL_TYPES).safeParse(form.get("type"));
  if (!type.success) return { ok: false, message: "No channel was created.", errors: [`type: expected one of ${CHANNEL_TYPES.join(", ")}`] };
  const get = (n: string) => String(form.get(n) ?? "");
  const parsed = channelInputSchema.safeParse({ type: type.data, name: get("name"), config: configFromForm(type.data, get), enabled: true });
  if (!parsed.success) return { ok: false, message: "No channel was created.", errors: issues(parsed.error) };
  const r = await createChannel(user.orgId, actorOf({ kind: "user", email: user.email, userId: user.id }), parsed.data);
  if (!r.ok) return { ok: false, message: "No channel was created.", errors: r.details };
  revalidatePath(PATH);
  return { ok: true, message: `Channel "${r.created.channel.name}" created.`, secret: r.created.secret ?? undefined };
}

export async function deleteChannelAction(input: unknown): Promise<void> {
  const user = await assertPermission("alerting.manage");
  const id = idSchema.safeParse(formOf(input).get("id"));
  if (!id.success) return;
  await deleteChannel(user.orgId, actorOf({ kind: "user", email: user.email, userId: user.id }), id.data);
  revalidatePath(PATH);
}

export async function toggleChannelAction(input: unknown): Promise<void> {
  const form = formOf(input);
  const user = await assertPermission("alerting.manage");
  const id = idSchema.safeParse(form.get("id"));
  if (!id.success) return;
  await setChannelEnabled(user.orgId, actorOf({ kind: "user", email: user.email, userId: user.id }), id.data, form.get("enabled") === "true");
  revalidatePath(PATH);
}

export async function testChannelAction(_prev: FormState, input: unknown): Promise<FormState> {
  const user = await assertPermission("alerting.manage");
  const id = idSchema.safeParse(formOf(input).get("id"));
  if (!id.success) return { ok: false, message: "No channel given." };
  const out = await sendTestNotification(user.orgId, id.data);
  revalidatePath(PATH);
  if (!out) return { ok: false, message: "No such channel." };
  return { ok: out.ok, message: out.ok ? out.message : `Failed: ${out.message}` };
}

export async function createRuleAction(_prev: FormState, input: unknown): Promise<FormState> {
  const form = formOf(input);
  const user = await assertPermission("alerting.manage");
  const scope = parseScopeText(String(form.get("scope") ?? ""));
  if (!scope.ok) return { ok: false, message: "No rule was added.", errors: [scope.error] };
  const parsed = routingRuleInputSchema.safeParse({ channel_id: form.get("channel_id"), kinds: form.getAll("kinds"), min_severity: form.get("min_severity"), scope: scope.scope });
  if (!parsed.success) return { ok: false, message: "No rule was added.", errors: issues(parsed.error) };
  const r = await createRoutingRule(user.orgId, actorOf({ kind: "user", email: user.email, userId: user.id }), parsed.data);
  if (!r.ok) return { ok: false, message: "No rule was added.", errors: r.details };
  revalidatePath(PATH);
  return { ok: true, message: "Rule added." };
}

export async function deleteRuleAction(input: unknown): Promise<void> {
  const user = await assertPermission("alerting.manage");
  const id = idSchema.safeParse(formOf(input).get("id"));
  if (!id.success) return;
  await deleteRoutingRule(user.orgId, actorOf({ kind: "user", email: user.email, userId: user.id }), id.data);
  revalidatePath(PATH);
}

export async function createSilenceAction(_prev: FormState, input: unknown): Promise<FormState> {
  const form = formOf(input);
  const user = await assertPermission("alerts.act");
  const scope = parseScopeText(String(form.get("scope") ?? ""));
  if (!scope.ok) return { ok: false, message: "No silence was added.", errors: [scope.error] };
  const hours = Number(form.get("hours"));
  if (!Number.isFinite(hours) || hours <= 0 || hours > 24 * 366) return { ok: false, message: "No silence was added.", errors: ["hours: expected a number of hours between 0 and 8784"] };
  const parsed = silenceInputSchema.safeParse({ scope: scope.scope, kinds: form.getAll("kinds"), reason: form.get("reason"), expires_at: new Date(Date.now() + hours * 3_600_000).toISOString() });
  if (!parsed.success) return { ok: false, message: "No silence was added.", errors: issues(parsed.error) };
  const r = await createSilence(user.orgId, actorOf({ kind: "user", email: user.email, userId: user.id }), parsed.data);
  if (!r.ok) return { ok: false, message: "No silence was added.", errors: r.details };
  revalidatePath(PATH);
  return { ok: true, message: "Silence added." };
}

export async function expireSilenceAction(input: unknown): Promise<void> {
  const user = await assertPermission("alerts.act");
  const id = idSchema.safeParse(formOf(input).get("id"));
  if (!id.success) return;
  await expireSilence(user.orgId, actorOf({ kind: "user", email: user.email, userId: user.id }), id.data);
  revalidatePath(PATH);
}
