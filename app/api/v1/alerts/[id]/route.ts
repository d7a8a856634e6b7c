import { handleGetAlert } from "@/lib/alerts/http";

export const dynamic = "force-dynamic";

export function GET(req: Request, ctx: { params: Promise<{ id: string }> }) {
  return handleGetAlert(req, ctx);
}
