import type { UserRow } from "@/lib/auth/users";
import { formatDateTime } from "@/components/format";
import { UserActions, type UserRowActions } from "./user-actions";

export function UsersTable({ users, currentUserId, actions }: { users: UserRow[]; currentUserId: string; actions: UserRowActions }) {
  return (
    <section className="rounded-xl border border-slate-200 bg-white p-4">
      <h2 className="font-semibold">People</h2>
      <div className="overflow-x-auto">
        <table data-testid="users" className="mt-3 w-full text-sm">
          <thead>
            <tr className="text-left text-xs uppercase tracking-wide text-slate-500">
              <th className="px-2 py-1 font-medium">User</th>
              <th className="px-2 py-1 font-medium">Role</th>
              <th className="px-2 py-1 font-medium">Status</th>
              <th className="px-2 py-1 font-medium">Last sign-in</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {users.map((u) => (
              <tr key={u.id} data-email={u.email} className="border-t border-slate-100 align-top">
                <td className="px-2 py-1.5">
                  <div className="font-medium">
                    {u.email}
                    {u.id === currentUserId ? <span className="ml-1 text-xs text-slate-500">(you)</span> : null}
                  </div>
                  <div className="text-xs text-slate-500">{u.name}</div>
                </td>
                <td className="px-2 py-1.5">{u.role}</td>
                <td className={`px-2 py-1.5 ${u.disabled ? "text-red-700" : "text-emerald-700"}`}>{u.disabled ? "disabled" : "active"}</td>
                <td className="px-2 py-1.5">{u.lastSignInAt ? formatDateTime(u.lastSignInAt) : "never"}</td>
                <td className="px-2 py-1.5">
                  <UserActions id={u.id} email={u.email} role={u.role} disabled={u.disabled} actions={actions} />
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </div>
    </section>
  );
}
