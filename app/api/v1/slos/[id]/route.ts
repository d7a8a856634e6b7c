import { handleDeleteSlo, handleGetSlo, handleUpdateSlo } from "@/lib/slos/http";

export const dynamic = "force-dynamic";
type Ctx = { params: Promise<{ id: string }> };

export const GET = (req: Request, ctx: Ctx) => handleGetSlo(req, ctx);
export const PATCH = (req: Request, ctx: Ctx) => handleUpdateSlo(req, ctx);
export const DELETE = (req: Request, ctx: Ctx) => handleDeleteSlo(req, ctx);
