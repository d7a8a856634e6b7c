import { handleSelfHostedReport } from "@/lib/selfhosted/http";

export const dynamic = "force-dynamic";

export const GET = (req: Request) => handleSelfHostedReport(req);
