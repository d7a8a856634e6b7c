import { handleCreateChannel, handleListChannels } from "@/lib/delivery/http-channels";

export const dynamic = "force-dynamic";

export const GET = (req: Request) => handleListChannels(req);
export const POST = (req: Request) => handleCreateChannel(req);
