import { handleCreateSilence, handleListSilences } from "@/lib/delivery/http-routing";

export const dynamic = "force-dynamic";

export const GET = (req: Request) => handleListSilences(req);
export const POST = (req: Request) => handleCreateSilence(req);
