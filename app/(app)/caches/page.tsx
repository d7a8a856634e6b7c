import type { Metadata } from "next";
import { requirePermission } from "@/lib/auth/guard";
import { CACHE_PRESETS, loadCachesPage } from "@/lib/caches/page-data";
import { LayerCards } from "@/components/caches/layer-cards";
import { PromptCacheTable } from "@/components/caches/prompt-cache-table";
import { AppCacheTable } from "@/components/caches/app-cache-table";
import { StorageChart } from "@/components/caches/storage-chart";
import { PrefixCacheSection } from "@/components/caches/prefix-cache-section";
import { RangePicker } from "@/components/providers/range-picker";

export const metadata: Metadata = { title: "Caches" };
export const dynamic = "force-dynamic";

export default async function CachesPage({ searchParams }: { searchParams: Promise<{ range?: string }> }) {
  const user = await requirePermission("caches.view");
  const data = await loadCachesPage(user.orgId, (await searchParams).range);
  return (
    <div className="space-y-6">
      <div className="flex flex-wrap items-start justify-between gap-4">
        <div>
          <h1 className="text-2xl font-semibold">Caches</h1>
          <p className="text-sm text-slate-500">Hit rate, volume and dollars saved on all three layers; the same figures as <code>GET /api/v1/caches</code>.</p>
        </div>
        <RangePicker path="/caches" current={data.range} presets={CACHE_PRESETS} />
      </div>
      <LayerCards layers={data.layers} />
      <section className="space-y-2">
        <h2 className="text-lg font-semibold">Provider prompt caching</h2>
        <PromptCacheTable rows={data.prompt} />
      </section>
      <section className="space-y-2">
        <h2 className="text-lg font-semibold">Self-hosted prefix caching</h2>
        <PrefixCacheSection orgId={user.orgId} from={data.from} to={data.to} />
      </section>
      <section className="space-y-2">
        <h2 className="text-lg font-semibold">Application and semantic caches</h2>
        <AppCacheTable rows={data.appCaches} />
        <StorageChart points={data.storage} />
      </section>
    </div>
  );
}
