import "server-only";
import { fastCheckBudgets } from "@/lib/budgets/http";
import { registerFastRoute } from "@/lib/http/fast-routes";

/** Called once from instrumentation, before the server takes requests. */
export function installFastRoutes(): void {
  registerFastRoute("/api/v1/budgets/check", fastCheckBudgets);
}
