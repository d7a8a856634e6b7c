import { handleAlertAction } from "@/lib/alerts/http";

export const dynamic = "force-dynamic";

export function POST(req: Request, ctx: { params: Promise<{ id: string }> }) {
  return handleAlertAction(req, ctx, "snooze");
}
