import { handleProviderHealth } from "@/lib/provider-health/http";

export const dynamic = "force-dynamic";

export const GET = (req: Request) => handleProviderHealth(req);
