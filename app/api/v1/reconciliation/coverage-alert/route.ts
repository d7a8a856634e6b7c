import { handleGetCoverageAlert, handlePutCoverageAlert } from "@/lib/provider-billing/http";

export const dynamic = "force-dynamic";

export const GET = (req: Request) => handleGetCoverageAlert(req);
export const PUT = (req: Request) => handlePutCoverageAlert(req);
