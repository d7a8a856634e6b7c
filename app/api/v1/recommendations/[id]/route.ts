import { handleGetRecommendation } from "@/lib/recommendations/http";

export const dynamic = "force-dynamic";

export const GET = (req: Request, ctx: { params: Promise<{ id: string }> }) => handleGetRecommendation(req, ctx);
