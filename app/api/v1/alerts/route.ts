import { handleListAlerts } from "@/lib/alerts/http";

export const dynamic = "force-dynamic";

export function GET(req: Request) {
  return handleListAlerts(req);
}
