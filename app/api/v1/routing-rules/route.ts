import { handleCreateRoutingRule, handleListRoutingRules } from "@/lib/delivery/http-routing";

export const dynamic = "force-dynamic";

export const GET = (req: Request) => handleListRoutingRules(req);
export const POST = (req: Request) => handleCreateRoutingRule(req);
