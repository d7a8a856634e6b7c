import type { Metadata } from "next";
import { requirePermission } from "@/lib/auth/guard";
import { can } from "@/lib/auth/roles";
import { loadReconciliationPage } from "@/lib/provider-billing/page-data";
import { ReconciliationView } from "@/components/reconciliation/reconciliation-view";
import { deleteMappingAction, saveCoverageAlertAction, saveMappingAction } from "./actions";

export const metadata: Metadata = { title: "Reconciliation" };
export const dynamic = "force-dynamic";

type Search = Record<string, string | string[] | undefined>;

export default async function ReconciliationPage({ searchParams }: { searchParams: Promise<Search> }) {
  const user = await requirePermission("reconciliation.view");
  const search = await searchParams;
  const data = await loadReconciliationPage(user.orgId, search);
  const error = typeof search.error === "string" ? search.error : null;
  return (
    <ReconciliationView
      data={data}
      editable={can(user.role, "reconciliation.manage")}
      error={error}
      actions={{ saveMapping: saveMappingAction, deleteMapping: deleteMappingAction, saveCoverage: saveCoverageAlertAction }}
    />
  );
}
