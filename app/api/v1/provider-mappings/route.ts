import { handleListMappings, handleUpsertMapping } from "@/lib/provider-billing/http";

export const dynamic = "force-dynamic";

export const GET = (req: Request) => handleListMappings(req);
export const POST = (req: Request) => handleUpsertMapping(req);
