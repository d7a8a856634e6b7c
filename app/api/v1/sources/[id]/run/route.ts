import { handleRunSource } from "@/lib/sources/http";

export const dynamic = "force-dynamic";
type Ctx = { params: Promise<{ id: string }> };

export const POST = async (req: Request, ctx: Ctx) => handleRunSource(req, (await ctx.params).id);
