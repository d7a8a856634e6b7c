import { handleSpend } from "@/lib/analytics/http-spend";

export const dynamic = "force-dynamic";

export function GET(req: Request) {
  return handleSpend(req);
}
