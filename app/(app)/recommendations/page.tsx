import type { Metadata } from "next";
import { requirePermission } from "@/lib/auth/guard";
import { loadRecommendationsPage } from "@/lib/recommendations/page-data";
import { Headline } from "@/components/recommendations/headline";
import { RecommendationFilters } from "@/components/recommendations/filters";
import { RecommendationsTable } from "@/components/recommendations/recommendations-table";
import { FeatureSettingsSection } from "@/components/recommendations/feature-settings-section";
import { Notice } from "@/components/recommendations/notice";
import { refreshAction, saveFeatureSettingAction } from "./actions";

export const metadata: Metadata = { title: "Recommendations" };
export const dynamic = "force-dynamic";

type Search = Record<string, string | string[] | undefined>;

export default async function RecommendationsPage({ searchParams }: { searchParams: Promise<Search> }) {
  const user = await requirePermission("recommendations.view");
  const search = await searchParams;
  const data = await loadRecommendationsPage(user.orgId, user.role, search);
  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-start justify-between gap-4">
        <div>
          <h1 className="text-2xl font-semibold">Recommendations</h1>
          <p className="text-sm text-slate-500">
            Savings levers found in the last 30 days of traffic, each priced by replaying those events (what-if); recomputed daily. Same data as <code>GET /api/v1/recommendations</code>.
          </p>
        </div>
        {data.canManage && (
          <form action={refreshAction}>
            <button className="rounded-md bg-slate-900 px-3 py-1.5 text-sm font-medium text-white">Recompute now</button>
          </form>
        )}
      </div>
      <Notice search={search} extra={data.notice} />
      <Headline totals={data.list.totals} />
      <RecommendationFilters filter={data.filter} />
      <RecommendationsTable items={data.list.recommendations} />
      <FeatureSettingsSection settings={data.featureSettings} canManage={data.canManage} action={saveFeatureSettingAction} />
    </div>
  );
}
