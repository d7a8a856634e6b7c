import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { requirePermission } from "@/lib/auth/guard";
import { loadRecommendationPage } from "@/lib/recommendations/page-data";
import { RecommendationDetail } from "@/components/recommendations/recommendation-detail";
import { StatusActions } from "@/components/recommendations/status-actions";
import { Timeline } from "@/components/recommendations/timeline";
import { RealizedPanel } from "@/components/recommendations/realized-panel";
import { Notice } from "@/components/recommendations/notice";
import { changeStatusAction } from "../actions";

export const metadata: Metadata = { title: "Recommendation" };
export const dynamic = "force-dynamic";

type Search = Record<string, string | string[] | undefined>;

export default async function RecommendationPage({ params, searchParams }: { params: Promise<{ id: string }>; searchParams: Promise<Search> }) {
  const user = await requirePermission("recommendations.view");
  const data = await loadRecommendationPage(user.orgId, user.role, (await params).id);
  if (!data) notFound();
  return (
    <div className="space-y-6">
      <Notice search={await searchParams} />
      <RecommendationDetail rec={data.rec} />
      {data.canManage && <StatusActions id={data.rec.id} next={data.next} action={changeStatusAction} />}
      <RealizedPanel rec={data.rec} />
      <Timeline entries={data.timeline} />
    </div>
  );
}
