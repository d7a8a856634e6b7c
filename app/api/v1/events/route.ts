import { handleIngest } from "@/lib/ingest/http-ingest";

export const dynamic = "force-dynamic";

export function POST(req: Request) {
  return handleIngest(req);
}
