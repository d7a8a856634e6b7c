"use server";

import { revalidatePath } from "next/cache";
import { z } from "zod";
import { actorOf } from "@/lib/audit/record";
import { assertPermission } from "@/lib/auth/guard";
import { formOf } from "@/lib/http/action-form";
import { apiCreateMonitor, apiDeleteMonitor, apiUpdateMonitor } from "@/lib/monitors/api";
import type { MonitorFormState, MonitorFormValues } from "@/components/monitors/action-state";

const idSchema = z.string().min(1).max(100);

/** The form's fields as the API's body, so the screen and the API share one validation. */
function bodyOf(form: FormData) {
  return {
    name: form.get("name") ?? "",
    dimension: form.get("dimension") ?? "",
    min_spend_usd: form.get("min_spend_usd") || "0",
    kinds: form.getAll("kinds"),
    sensitivity: form.get("sensitivity") ?? "medium",
  };
}

async function answer(res: Response, done: string): Promise<MonitorFormState> {
  if (res.ok) {
    revalidatePath("/settings/monitors");
    return { ok: true, message: done };
  }
  const b = (await res.json().catch(() => ({}))) as { error?: string; details?: string[] };
  return { ok: false, message: b.error ?? "Not saved.", errors: b.details };
}

function valuesOf(form: FormData): MonitorFormValues {
  const str = (k: string) => String(form.get(k) ?? "");
  return { name: str("name"), dimension: str("dimension"), kinds: form.getAll("kinds").map(String), minSpendUsd: str("min_spend_usd"), sensitivity: str("sensitivity") };
}

async function run(fn: () => Promise<Response>, done: string, form?: FormData): Promise<MonitorFormState> {
  try {
    const r = await answer(await fn(), done);
    return r.ok || !form ? r : { ...r, values: valuesOf(form) };
  } catch (err) {
    const e = err as { status?: number; message?: string; details?: string[] };
    if (e.status && e.status < 500) return { ok: false, message: e.message ?? "Not saved.", errors: e.details, values: form ? valuesOf(form) : undefined };
    throw err;
  }
}

export async function createMonitorAction(_prev: MonitorFormState, input: unknown): Promise<MonitorFormState> {
  const user = await assertPermission("alerting.manage");
  const ctx = { orgId: user.orgId, actor: actorOf({ kind: "user", userId: user.id, email: user.email }) };
  const form = formOf(input);
  return run(() => apiCreateMonitor(ctx, bodyOf(form)), "Monitor created.", form);
}

export async function updateMonitorAction(_prev: MonitorFormState, input: unknown): Promise<MonitorFormState> {
  const form = formOf(input);
  const user = await assertPermission("alerting.manage");
  const id = idSchema.safeParse(form.get("id"));
  if (!id.success) return { ok: false, message: "Not saved.", errors: ["id: expected the monitor's id"] };
  const ctx = { orgId: user.orgId, actor: actorOf({ kind: "user", userId: user.id, email: user.email }) };
  return run(() => apiUpdateMonitor(ctx, id.data, bodyOf(form)), "Monitor saved.", form);
}

export async function setMonitorEnabledAction(input: unknown): Promise<void> {
  const form = formOf(input);
  const user = await assertPermission("alerting.manage");
  const id = idSchema.safeParse(form.get("id"));
  if (!id.success) return;
  const ctx = { orgId: user.orgId, actor: actorOf({ kind: "user", userId: user.id, email: user.email }) };
  await run(() => apiUpdateMonitor(ctx, id.data, { enabled: form.get("enabled") === "true" }), "");
  revalidatePath("/settings/monitors");
}

export async function deleteMonitorAction(input: unknown): Promise<void> {
  const form = formOf(input);
  const user = await assertPermission("alerting.manage");
  const id = idSchema.safeParse(form.get("id"));
  if (!id.success) return;
  const ctx = { orgId: user.orgId, actor: actorOf({ kind: "user", userId: user.id, email: user.email }) };
  await apiDeleteMonitor(ctx, id.data);
  revalidatePath("/settings/monitors");
}
