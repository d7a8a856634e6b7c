import { handleDeleteBudget, handleGetBudget, handleUpdateBudget } from "@/lib/budgets/http";

export const dynamic = "force-dynamic";
type Ctx = { params: Promise<{ id: string }> };

export const GET = (req: Request, ctx: Ctx) => handleGetBudget(req, ctx);
export const PATCH = (req: Request, ctx: Ctx) => handleUpdateBudget(req, ctx);
export const DELETE = (req: Request, ctx: Ctx) => handleDeleteBudget(req, ctx);
