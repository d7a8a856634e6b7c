import type { Metadata } from "next";
import { requirePermission } from "@/lib/auth/guard";
import { SloForm } from "@/components/slos/slo-form";
import { createSloAction } from "../actions";

export const metadata: Metadata = { title: "New SLO" };

export default async function NewSloPage() {
  await requirePermission("slos.manage");
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-semibold">New SLO</h1>
      <SloForm action={createSloAction} />
    </div>
  );
}
