import { handleDeleteDeployment, handleGetDeployment, handleUpdateDeployment } from "@/lib/selfhosted/http";

export const dynamic = "force-dynamic";
type Ctx = { params: Promise<{ id: string }> };

export const GET = (req: Request, ctx: Ctx) => handleGetDeployment(req, ctx);
export const PATCH = (req: Request, ctx: Ctx) => handleUpdateDeployment(req, ctx);
export const DELETE = (req: Request, ctx: Ctx) => handleDeleteDeployment(req, ctx);
