import { handleDeleteRoutingRule } from "@/lib/delivery/http-routing";

export const dynamic = "force-dynamic";
type Ctx = { params: Promise<{ id: string }> };

export const DELETE = async (req: Request, ctx: Ctx) => handleDeleteRoutingRule(req, (await ctx.params).id);
