import { handleGetHealthSettings, handlePutHealthSettings } from "@/lib/provider-health/http";

export const dynamic = "force-dynamic";

export const GET = (req: Request) => handleGetHealthSettings(req);
export const PUT = (req: Request) => handlePutHealthSettings(req);
