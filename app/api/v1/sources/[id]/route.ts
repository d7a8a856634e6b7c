import { handleDeleteSource, handleGetSource, handlePatchSource } from "@/lib/sources/http";

export const dynamic = "force-dynamic";
type Ctx = { params: Promise<{ id: string }> };

export const GET = async (req: Request, ctx: Ctx) => handleGetSource(req, (await ctx.params).id);
export const PATCH = async (req: Request, ctx: Ctx) => handlePatchSource(req, (await ctx.params).id);
export const DELETE = async (req: Request, ctx: Ctx) => handleDeleteSource(req, (await ctx.params).id);
