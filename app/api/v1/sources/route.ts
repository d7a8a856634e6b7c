import { handleCreateSource, handleListSources } from "@/lib/sources/http";

export const dynamic = "force-dynamic";

export const GET = (req: Request) => handleListSources(req);
export const POST = (req: Request) => handleCreateSource(req);
