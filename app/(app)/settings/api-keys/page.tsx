import type { Metadata } from "next";
import { requirePermission } from "@/lib/auth/guard";
import { listApiKeys } from "@/lib/auth/api-keys";
import { createKeyAction, revokeKeyAction, setKeyLimitsAction } from "./actions";
import { ConfirmForm } from "@/components/confirm-form";
import { CreateKeyForm } from "@/components/keys/create-key-form";
import { KeyLimitsForm } from "@/components/keys/key-limits-form";
import { formatDateTime } from "@/components/format";

export const metadata: Metadata = { title: "API keys" };

export default async function ApiKeysPage() {
  const user = await requirePermission("apikeys.manage");
  const keys = await listApiKeys(user.orgId);
  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-semibold">API keys</h1>
        <p className="text-sm text-slate-500">
          Keys authenticate <code>POST /api/v1/events</code> (scope <code>ingest</code>) and <code>GET /api/v1/spend</code> (scope{" "}
          <code>read</code>). A key is shown once; only its hash is stored. Scripts can also use <code>npm run cli -- keys create</code>. Each key
          has a request rate limit and a daily event quota (answered with 429 and <code>Retry-After</code> when reached); leave them blank for the
          defaults.
        </p>
      </div>
      <CreateKeyForm createKeyAction={createKeyAction} />
      <section className="rounded-xl border border-slate-200 bg-white p-4">
        <h2 className="font-semibold">Keys</h2>
        {keys.length === 0 ? (
          <p className="mt-2 text-sm text-slate-500">No keys yet.</p>
        ) : (
          <table data-testid="api-keys" className="mt-3 w-full text-sm">
            <thead>
              <tr className="text-left text-xs uppercase tracking-wide text-slate-500">
                <th className="px-2 py-1 font-medium">Name</th>
                <th className="px-2 py-1 font-medium">Key</th>
                <th className="px-2 py-1 font-medium">Scopes</th>
                <th className="px-2 py-1 font-medium">Created</th>
                <th className="px-2 py-1 font-medium">Last used</th>
                <th className="px-2 py-1 font-medium">Limits</th>
                <th className="px-2 py-1 font-medium">State</th>
                <th />
              </tr>
            </thead>
            <tbody>
              {keys.map((k) => (
                <tr key={k.id} className="border-t border-slate-100">
                  <td className="px-2 py-1.5">{k.name}</td>
                  <td className="px-2 py-1.5">
                    <code>{k.prefix}…</code>
                  </td>
                  <td className="px-2 py-1.5">{k.scopes.join(", ")}</td>
                  <td className="px-2 py-1.5">
                    {formatDateTime(k.createdAt)}
                    {k.createdBy ? ` by ${k.createdBy}` : ""}
                  </td>
                  <td className="px-2 py-1.5">{formatDateTime(k.lastUsedAt)}</td>
                  <td className="px-2 py-1.5 text-xs">
                    {k.revokedAt ? "—" : <KeyLimitsForm id={k.id} custom={k.customLimits} effective={k.limits} setKeyLimitsAction={setKeyLimitsAction} />}
                  </td>
                  <td className={`px-2 py-1.5 ${k.revokedAt ? "text-red-700" : "text-emerald-700"}`}>{k.revokedAt ? `revoked ${formatDateTime(k.revokedAt)}` : "active"}</td>
                  <td className="px-2 py-1.5 text-right">
                    {!k.revokedAt && (
                      <ConfirmForm action={revokeKeyAction} id={k.id} question={`Revoke "${k.name}"? Clients using it are refused within seconds.`}>
                        Revoke
                      </ConfirmForm>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
      </section>
    </div>
  );
}
