import { handleListRecommendations } from "@/lib/recommendations/http";

export const dynamic = "force-dynamic";

export const GET = (req: Request) => handleListRecommendations(req);
