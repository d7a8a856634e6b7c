import type { Metadata } from "next";
import { requirePermission } from "@/lib/auth/guard";
import { can } from "@/lib/auth/roles";
import { listSlos } from "@/lib/slos/repository";
import { sloStatuses } from "@/lib/slos/status-load";
import { SlosTable } from "@/components/slos/slos-table";

export const metadata: Metadata = { title: "SLOs" };
export const dynamic = "force-dynamic";

export default async function SlosPage() {
  const user = await requirePermission("slos.view");
  const slos = await sloStatuses(await listSlos(user.orgId));
  return <SlosTable slos={slos} editable={can(user.role, "slos.manage")} />;
}
