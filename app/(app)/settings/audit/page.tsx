import type { Metadata } from "next";
import { requirePermission } from "@/lib/auth/guard";
import { auditQuerySchema, listAudit } from "@/lib/audit/query";
import { AuditTable } from "@/components/audit/audit-table";

export const metadata: Metadata = { title: "Audit log" };

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

export default async function AuditPage({ searchParams }: Props) {
  const admin = await requirePermission("audit.view");
  const sp = await searchParams;
  const one = (k: string) => (typeof sp[k] === "string" ? (sp[k] as string) : undefined);
  const parsed = auditQuerySchema.safeParse({ target_type: one("target_type") || undefined, cursor: one("cursor"), limit: 100 });
  const q = parsed.success ? parsed.data : auditQuerySchema.parse({ limit: 100 });
  const { rows, next_cursor } = await listAudit(admin.orgId, q);
  const next = next_cursor ? `/settings/audit?${new URLSearchParams({ ...(q.target_type ? { target_type: q.target_type } : {}), cursor: next_cursor })}` : null;
  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-semibold">Audit log</h1>
        <p className="text-sm text-slate-500">
          Every change to budgets, monitors, channels, routing, silences, price overrides, API keys and users: who, when, and what changed.
          Secrets are never recorded. Also at <code>GET /api/v1/audit</code>.
        </p>
        {!parsed.success && <p className="mt-2 text-sm text-rose-700">{parsed.error.issues.map((i) => i.message).join(" ")}</p>}
      </div>
      <form className="flex items-end gap-2 text-sm" method="get">
        <label className="flex flex-col text-xs text-slate-600">
          Target
          <select name="target_type" defaultValue={q.target_type ?? ""} className="rounded border border-slate-300 px-2 py-1 text-sm">
            <option value="">all</option>
            {auditQuerySchema.shape.target_type.unwrap().options.map((t) => (
              <option key={t} value={t}>
                {t.replace("_", " ")}
              </option>
            ))}
          </select>
        </label>
        <button className="rounded bg-slate-800 px-3 py-1.5 text-white">Filter</button>
      </form>
      <AuditTable rows={rows} nextHref={next} />
    </div>
  );
}
