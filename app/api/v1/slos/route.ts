import { handleCreateSlo, handleListSlos } from "@/lib/slos/http";

export const dynamic = "force-dynamic";

export const GET = (req: Request) => handleListSlos(req);
export const POST = (req: Request) => handleCreateSlo(req);
