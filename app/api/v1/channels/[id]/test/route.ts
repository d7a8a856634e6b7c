import { handleTestChannel } from "@/lib/delivery/http-channels";

export const dynamic = "force-dynamic";
type Ctx = { params: Promise<{ id: string }> };

export const POST = async (req: Request, ctx: Ctx) => handleTestChannel(req, (await ctx.params).id);
