import { handleChannelDeliveries } from "@/lib/delivery/http-channels";

export const dynamic = "force-dynamic";
type Ctx = { params: Promise<{ id: string }> };

export const GET = async (req: Request, ctx: Ctx) => handleChannelDeliveries(req, (await ctx.params).id);
