import { handleReconciliation } from "@/lib/provider-billing/http";

export const dynamic = "force-dynamic";

export const GET = (req: Request) => handleReconciliation(req);
