import type { Metadata } from "next";
import { requirePermission } from "@/lib/auth/guard";
import { can } from "@/lib/auth/roles";
import { listSources } from "@/lib/sources/sources";
import { AddSourceForm } from "@/components/sources/add-source-form";
import { SourcesTable } from "@/components/sources/sources-table";
import { WorkerLoops } from "@/components/sources/worker-loops";
import { loopHolders } from "@/lib/db/leases";
import { isEmbedded } from "@/lib/config/env";
import { createSourceAction, deleteSourceAction, sourceCommandAction } from "./actions";

export const metadata: Metadata = { title: "Sources" };
export const dynamic = "force-dynamic";

export default async function SourcesPage() {
  const user = await requirePermission("sources.view");
  const canManage = can(user.role, "sources.manage");
  const [sources, loops] = await Promise.all([listSources(user.orgId), canManage ? loopHolders() : []]);
  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-semibold">Sources</h1>
        <p className="text-sm text-slate-500">
          Provider usage and cost APIs and Prometheus endpoints this organization pulls from, each on its own schedule. A source that fails is
          retried with backoff; one whose credential is refused stops until its settings change. Admin keys and tokens are stored encrypted and
          never shown again.
        </p>
      </div>
      {canManage && <AddSourceForm createSourceAction={createSourceAction} />}
      <section className="rounded-xl border border-slate-200 bg-white p-4">
        <h2 className="font-semibold">Sources</h2>
        <SourcesTable initial={sources} canManage={canManage} sourceCommandAction={sourceCommandAction} deleteSourceAction={deleteSourceAction} />
      </section>
      {canManage && <WorkerLoops loops={loops} embedded={isEmbedded()} />}
    </div>
  );
}
