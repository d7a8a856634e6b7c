import { handleRecommendationStatus } from "@/lib/recommendations/http";

export const dynamic = "force-dynamic";

export const POST = (req: Request, ctx: { params: Promise<{ id: string }> }) => handleRecommendationStatus(req, ctx);
