import { handleRefreshRecommendations } from "@/lib/recommendations/http";

export const dynamic = "force-dynamic";

export const POST = (req: Request) => handleRefreshRecommendations(req);
