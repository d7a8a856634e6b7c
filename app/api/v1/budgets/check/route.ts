import { handleCheckBudgets } from "@/lib/budgets/http";

export const dynamic = "force-dynamic";

export const GET = (req: Request) => handleCheckBudgets(req);
