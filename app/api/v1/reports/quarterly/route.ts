import { handleQuarterlyReport } from "@/lib/reports/quarterly/http";

export const dynamic = "force-dynamic";

export function GET(req: Request) {
  return handleQuarterlyReport(req);
}
