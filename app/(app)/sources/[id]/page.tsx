import type { Metadata } from "next";
import Link from "next/link";
import { notFound } from "next/navigation";
import { requirePermission } from "@/lib/auth/guard";
import { getSource } from "@/lib/sources/sources";
import { SourceDetail } from "@/components/sources/source-detail";

export const metadata: Metadata = { title: "Source" };
export const dynamic = "force-dynamic";

export default async function SourcePage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requirePermission("sources.view");
  const source = await getSource(user.orgId, (await params).id);
  if (!source) notFound();
  return (
    <div className="space-y-4">
      <div>
        <Link href="/sources" className="text-sm text-slate-500 hover:underline">
          ← Sources
        </Link>
        <h1 className="text-2xl font-semibold">{source.name}</h1>
        <p className="text-sm text-slate-500">{source.type}</p>
      </div>
      <SourceDetail initial={source} />
    </div>
  );
}
