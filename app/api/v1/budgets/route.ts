import { handleCreateBudget, handleListBudgets } from "@/lib/budgets/http";

export const dynamic = "force-dynamic";

export const GET = (req: Request) => handleListBudgets(req);
export const POST = (req: Request) => handleCreateBudget(req);
