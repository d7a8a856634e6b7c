import { handleGetMapping, handlePutMapping } from "@/lib/otlp/http-mapping";

export const dynamic = "force-dynamic";

export const GET = (req: Request) => handleGetMapping(req);
export const PUT = (req: Request) => handlePutMapping(req);
