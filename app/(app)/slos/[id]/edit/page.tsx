import type { Metadata } from "next";
import { notFound } from "next/navigation";
import { requirePermission } from "@/lib/auth/guard";
import { getSlo } from "@/lib/slos/repository";
import { SloForm } from "@/components/slos/slo-form";
import { updateSloAction } from "../../actions";

export const metadata: Metadata = { title: "Edit SLO" };

export default async function EditSloPage({ params }: { params: Promise<{ id: string }> }) {
  const user = await requirePermission("slos.manage");
  const slo = await getSlo(user.orgId, (await params).id);
  if (!slo) notFound();
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-semibold">Edit {slo.name}</h1>
      <SloForm action={updateSloAction} slo={slo} />
    </div>
  );
}
