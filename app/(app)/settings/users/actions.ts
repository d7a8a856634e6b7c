"use server";

import { formOf } from "@/lib/http/action-form";
import { revalidatePath } from "next/cache";
import { z } from "zod";
import { recordAudit } from "@/lib/audit/record";
import { assertPermission } from "@/lib/auth/guard";
import { emailSchema } from "@/lib/auth/email";
import { ROLES } from "@/lib/auth/roles";
import { UserChangeError, setUserDisabled, setUserRole } from "@/lib/auth/users";
import { createInvitation, createResetLink, revokeLink } from "@/lib/auth/invitations";
import type { UserActionState } from "@/components/users/action-state";

const roleSchema = z.enum(ROLES, { error: `expected one of ${ROLES.join(", ")}` });
const idSchema = z.string().min(1, "user: missing").max(100);

async function run(fn: () => Promise<UserActionState>): Promise<UserActionState> {
  try {
    const result = await fn();
    revalidatePath("/settings/users");
    return result;
  } catch (err) {
    if (err instanceof UserChangeError) return { ok: false, message: err.message };
    throw err;
  }
}

export async function inviteAction(_prev: UserActionState, input: unknown): Promise<UserActionState> {
  const form = formOf(input);
  const admin = await assertPermission("users.manage");
  const parsed = z.object({ email: emailSchema, role: roleSchema }).safeParse({ email: form.get("email"), role: form.get("role") });
  if (!parsed.success) return { ok: false, message: "No invitation was made.", errors: parsed.error.issues.map((i) => `${String(i.path[0] ?? "")}: ${i.message}`) };
  return run(async () => {
    const inv = await createInvitation({ orgId: admin.orgId, email: parsed.data.email, role: parsed.data.role, createdBy: admin.email });
    await recordAudit({ orgId: admin.orgId, actor: `user:${admin.email}`, action: "invitation.create", targetType: "invitation", targetId: parsed.data.email, after: { email: parsed.data.email, role: parsed.data.role } });
    return { ok: true, message: `Invitation for ${parsed.data.email} (${parsed.data.role}) created. Send them this link; it works once, for 7 days.`, link: inv.path };
  });
}

export async function setRoleAction(_prev: UserActionState, input: unknown): Promise<UserActionState> {
  const form = formOf(input);
  const admin = await assertPermission("users.manage");
  const parsed = z.object({ id: idSchema, role: roleSchema }).safeParse({ id: form.get("id"), role: form.get("role") });
  if (!parsed.success) return { ok: false, message: `role: ${parsed.error.issues[0].message}` };
  return run(async () => {
    const r = await setUserRole(admin.orgId, parsed.data.id, parsed.data.role);
    if (r.changed) await recordAudit({ orgId: admin.orgId, actor: `user:${admin.email}`, action: "user.role", targetType: "user", targetId: parsed.data.id, before: { email: r.email, role: r.previousRole }, after: { email: r.email, role: parsed.data.role } });
    return { ok: true, message: r.changed ? `${r.email} is now ${parsed.data.role}.` : `${r.email} already has that role.` };
  });
}

export async function setDisabledAction(_prev: UserActionState, input: unknown): Promise<UserActionState> {
  const form = formOf(input);
  const admin = await assertPermission("users.manage");
  const parsed = z.object({ id: idSchema, disabled: z.enum(["1", "0"]) }).safeParse({ id: form.get("id"), disabled: form.get("disabled") });
  if (!parsed.success) return { ok: false, message: parsed.error.issues[0].message };
  return run(async () => {
    const disable = parsed.data.disabled === "1";
    const r = await setUserDisabled(admin.orgId, parsed.data.id, disable);
    if (r.changed) await recordAudit({ orgId: admin.orgId, actor: `user:${admin.email}`, action: disable ? "user.disable" : "user.enable", targetType: "user", targetId: parsed.data.id, before: { email: r.email, disabled: !disable }, after: { email: r.email, disabled: disable } });
    return { ok: true, message: disable ? `${r.email} is disabled; their sessions have ended.` : `${r.email} can sign in again.` };
  });
}

export async function resetLinkAction(_prev: UserActionState, input: unknown): Promise<UserActionState> {
  const form = formOf(input);
  const admin = await assertPermission("users.manage");
  const parsed = idSchema.safeParse(form.get("id"));
  if (!parsed.success) return { ok: false, message: parsed.error.issues[0].message };
  return run(async () => {
    const link = await createResetLink({ orgId: admin.orgId, userId: parsed.data, createdBy: admin.email });
    await recordAudit({ orgId: admin.orgId, actor: `user:${admin.email}`, action: "user.reset_link", targetType: "user", targetId: parsed.data });
    return { ok: true, message: "Password reset link created. It works once, for 24 hours; their sessions end when it is used.", link: link.path };
  });
}

export async function revokeLinkAction(input: unknown): Promise<void> {
  const form = formOf(input);
  const admin = await assertPermission("users.manage");
  const id = idSchema.safeParse(form.get("id"));
  if (!id.success) return; // the page always sends one; a hand-made call without it changes nothing
  await revokeLink(admin.orgId, id.data);
  await recordAudit({ orgId: admin.orgId, actor: `user:${admin.email}`, action: "invitation.revoke", targetType: "invitation", targetId: id.data });
  revalidatePath("/settings/users");
}
