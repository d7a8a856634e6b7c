import type { Metadata } from "next";
import { requirePermission } from "@/lib/auth/guard";
import { loadQuarterlyPage } from "@/lib/reports/quarterly/page-data";
import { QuarterPicker } from "@/components/reports/quarter-picker";
import { QuarterlyView } from "@/components/reports/quarterly-view";

export const metadata: Metadata = { title: "Quarterly review" };
export const dynamic = "force-dynamic";

export default async function QuarterlyReviewPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const user = await requirePermission("reports.view");
  const page = await loadQuarterlyPage(user.orgId, await searchParams);
  if (!page.ok) {
    return (
      <div className="space-y-4">
        <h1 className="text-2xl font-semibold">Quarterly optimization review</h1>
        <p role="alert" className="rounded-md border border-red-200 bg-red-50 p-3 text-sm text-red-800">{page.error}</p>
        <QuarterPicker quarter={page.quarters[0]} quarters={page.quarters} />
      </div>
    );
  }
  return <QuarterlyView report={page.report} quarters={page.quarters} />;
}
