import { handleDeleteMonitor, handleGetMonitor, handleUpdateMonitor } from "@/lib/monitors/http";

export const dynamic = "force-dynamic";
type Ctx = { params: Promise<{ id: string }> };

export const GET = async (req: Request, ctx: Ctx) => handleGetMonitor(req, (await ctx.params).id);
export const PATCH = async (req: Request, ctx: Ctx) => handleUpdateMonitor(req, (await ctx.params).id);
export const DELETE = async (req: Request, ctx: Ctx) => handleDeleteMonitor(req, (await ctx.params).id);
