import { handleWhatif } from "@/lib/whatif/http";

export const dynamic = "force-dynamic";

export const POST = (req: Request) => handleWhatif(req);
