import { handleDeleteMapping } from "@/lib/provider-billing/http";

export const dynamic = "force-dynamic";
type Ctx = { params: Promise<{ id: string }> };

export const DELETE = (req: Request, ctx: Ctx) => handleDeleteMapping(req, ctx);
