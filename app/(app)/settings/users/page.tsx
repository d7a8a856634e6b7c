import type { Metadata } from "next";
import { requirePermission } from "@/lib/auth/guard";
import { listUsers } from "@/lib/auth/users";
import { listPendingLinks } from "@/lib/auth/invitations";
import { InviteForm } from "@/components/users/invite-form";
import { UsersTable } from "@/components/users/users-table";
import { PendingLinks } from "@/components/users/pending-links";
import { inviteAction, resetLinkAction, revokeLinkAction, setDisabledAction, setRoleAction } from "./actions";

export const metadata: Metadata = { title: "Users" };

export default async function UsersPage() {
  const admin = await requirePermission("users.manage");
  const [users, links] = await Promise.all([listUsers(admin.orgId), listPendingLinks(admin.orgId)]);
  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-semibold">Users</h1>
        <p className="text-sm text-slate-500">
          Roles, status and invitations. A change applies to the user&apos;s next request; disabling someone or resetting their password
          ends their sessions. The organization always keeps at least one active admin.
        </p>
      </div>
      <InviteForm inviteAction={inviteAction} />
      <UsersTable users={users} currentUserId={admin.id} actions={{ setRoleAction, setDisabledAction, resetLinkAction }} />
      <PendingLinks links={links} revoke={revokeLinkAction} />
    </div>
  );
}
