import { handleAudit } from "@/lib/audit/http-audit";

export const dynamic = "force-dynamic";

export function GET(req: Request) {
  return handleAudit(req);
}
