import type { PendingLink } from "@/lib/auth/invitations";
import { ConfirmForm } from "@/components/confirm-form";
import { formatDateTime } from "@/components/format";

/** Invitations and reset links not used yet; their links were shown once, so only revoking is left. */
export function PendingLinks({ links, revoke }: { links: PendingLink[]; revoke: (form: FormData) => Promise<void> }) {
  return (
    <section className="rounded-xl border border-slate-200 bg-white p-4">
      <h2 className="font-semibold">Pending invitations and reset links</h2>
      {links.length === 0 ? (
        <p className="mt-2 text-sm text-slate-500">None.</p>
      ) : (
        <table data-testid="pending-links" className="mt-3 w-full text-sm">
          <thead>
            <tr className="text-left text-xs uppercase tracking-wide text-slate-500">
              <th className="px-2 py-1 font-medium">For</th>
              <th className="px-2 py-1 font-medium">Kind</th>
              <th className="px-2 py-1 font-medium">Role</th>
              <th className="px-2 py-1 font-medium">Created</th>
              <th className="px-2 py-1 font-medium">Expires</th>
              <th />
            </tr>
          </thead>
          <tbody>
            {links.map((l) => (
              <tr key={l.id} className="border-t border-slate-100">
                <td className="px-2 py-1.5">{l.email}</td>
                <td className="px-2 py-1.5">{l.kind === "invite" ? "invitation" : "password reset"}</td>
                <td className="px-2 py-1.5">{l.role}</td>
                <td className="px-2 py-1.5">
                  {formatDateTime(l.createdAt)}
                  {l.createdBy ? ` by ${l.createdBy}` : ""}
                </td>
                <td className="px-2 py-1.5">{formatDateTime(l.expiresAt)}</td>
                <td className="px-2 py-1.5 text-right">
                  <ConfirmForm action={revoke} id={l.id} question={`Revoke the ${l.kind === "invite" ? "invitation" : "reset link"} for ${l.email}? The link stops working.`}>
                    Revoke
                  </ConfirmForm>
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      )}
    </section>
  );
}
