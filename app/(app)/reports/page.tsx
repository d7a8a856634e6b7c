import type { Metadata } from "next";
import Link from "next/link";
import { requirePermission } from "@/lib/auth/guard";
import { recentQuarters } from "@/lib/reports/quarterly/quarter";

export const metadata: Metadata = { title: "Reports" };
export const dynamic = "force-dynamic";

export default async function ReportsPage() {
  await requirePermission("reports.view");
  return (
    <div className="space-y-4">
      <h1 className="text-2xl font-semibold">Reports</h1>
      <p className="text-sm text-slate-500">Quarterly optimization reviews (quarters in UTC): on screen, as a PDF and as CSVs.</p>
      <ul className="grid grid-cols-2 gap-2 md:grid-cols-4" data-testid="quarters">
        {recentQuarters().map((q) => (
          <li key={q}>
            <Link href={`/reports/quarterly?quarter=${q}`} className="block rounded-xl border border-slate-200 bg-white p-3 font-medium text-indigo-700 hover:underline">
              {q}
            </Link>
          </li>
        ))}
      </ul>
    </div>
  );
}
