import { handleCaches } from "@/lib/caches/http";

export const dynamic = "force-dynamic";

export const GET = (req: Request) => handleCaches(req);
