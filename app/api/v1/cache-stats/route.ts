import { handleCacheStats } from "@/lib/caches/http";

export const dynamic = "force-dynamic";

export const POST = (req: Request) => handleCacheStats(req);
