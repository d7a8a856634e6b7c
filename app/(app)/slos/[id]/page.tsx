import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { requirePermission } from "@/lib/auth/guard";
import { can } from "@/lib/auth/roles";
import { sloPageData } from "@/lib/slos/page-data";
import { getSlo } from "@/lib/slos/repository";
import { SloDetail } from "@/components/slos/slo-detail";
import { deleteSloAction } from "../actions";

export const metadata: Metadata = { title: "SLO" };
export const dynamic = "force-dynamic";

export default async function SloPage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requirePermission("slos.view");
  const slo = await getSlo(user.orgId, (await params).id);
  if (!slo) notFound();
  return <SloDetail slo={slo} data={await sloPageData(slo)} editable={can(user.role, "slos.manage")} deleteAction={deleteSloAction} />;
}
