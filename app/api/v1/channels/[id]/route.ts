import { handleDeleteChannel, handleGetChannel } from "@/lib/delivery/http-channels";

export const dynamic = "force-dynamic";
type Ctx = { params: Promise<{ id: string }> };

export const GET = async (req: Request, ctx: Ctx) => handleGetChannel(req, (await ctx.params).id);
export const DELETE = async (req: Request, ctx: Ctx) => handleDeleteChannel(req, (await ctx.params).id);
