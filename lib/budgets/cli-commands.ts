import { orgOf, str, type Command, type Values } from "@/lib/cli-contract/command";
import { HttpError } from "@/lib/http/body";
import { listBudgets } from "./repository";
import { createBudget, deleteBudget } from "./service";

/**
 * `budgets create|list|delete`: the configuration database only (status needs the ledger: use the API
 * or the screens), so they are safe while the server runs. Validation is the API's.
 */

const org = orgOf;

/** Option errors name the option as typed, not the API field. */
function explain(err: unknown): never {
  if (err instanceof HttpError) throw new Error([err.message, ...err.details.map((d) => `  ${d}`)].join("\n"));
  throw err;
}

const list = (s: unknown) => (typeof s === "string" ? s.split(",").map((x) => x.trim()).filter(Boolean) : undefined);

function scopeOption(s: unknown): Record<string, string> | undefined {
  if (typeof s !== "string") return undefined;
  const out: Record<string, string> = {};
  for (const part of list(s) ?? []) {
    const i = part.indexOf("=");
    if (i <= 0) throw new Error(`--scope: expected dimension=value pairs separated by commas (e.g. team=growth,customer=acme), got "${part}"`);
    out[part.slice(0, i).trim()] = part.slice(i + 1).trim();
  }
  return out;
}

const int = (s: unknown) => (typeof s === "string" ? Number(s) : undefined);

export const BUDGET_COMMANDS: Command[] = [
  {
    name: "budgets create",
    summary: "Create a budget (amount in USD for a calendar period in a time zone).",
    usage:
      "budgets create --name <name> --amount <usd> --period day|week|month|quarter|year [--scope team=growth,...] [--timezone Europe/Berlin] [--thresholds 50,75,90,100] [--block-at 100] [--fiscal-start 1-12] [--parent <id>] [--channels <id,...>] [--forecast-alerts true|false] [--org <id>]",
    options: { name: str, amount: str, period: str, scope: str, timezone: str, thresholds: str, "block-at": str, "fiscal-start": str, parent: str, channels: str, "forecast-alerts": str, org: str },
    async run(v) {
      const body = {
        name: v.name,
        amount_usd: v.amount,
        period: v.period,
        scope: scopeOption(v.scope),
        timezone: v.timezone,
        thresholds: list(v.thresholds)?.map(Number),
        block_at_percent: int(v["block-at"]),
        fiscal_year_start_month: int(v["fiscal-start"]),
        parent_id: v.parent,
        channels: list(v.channels),
        forecast_alerts: v["forecast-alerts"] === undefined ? undefined : v["forecast-alerts"] === "true",
      };
      const b = await createBudget(await org(v), "cli", Object.fromEntries(Object.entries(body).filter(([, x]) => x !== undefined))).catch(explain);
      console.log(`Created budget "${b.name}" ${b.id}: $${b.amountUsd} per ${b.period} (${b.timezone})`);
    },
  },
  {
    name: "budgets list",
    summary: "List budgets (id, amount, period, scope).",
    usage: "budgets list [--org <id>]",
    options: { org: str },
    async run(v) {
      const budgets = await listBudgets(await org(v));
      if (!budgets.length) console.log("No budgets.");
      for (const b of budgets) {
        const scope = Object.entries(b.scope).map(([k, x]) => `${k}=${x}`).join(",") || "organization";
        console.log(`${b.id}  $${b.amountUsd.padEnd(10)} ${b.period.padEnd(8)} ${b.timezone.padEnd(20)} ${scope.padEnd(30)} ${b.name}`);
      }
    },
  },
  {
    name: "budgets delete",
    summary: "Delete a budget (its nested budgets become top-level).",
    usage: "budgets delete --id <budget id> [--org <id>]",
    options: { id: str, org: str },
    async run(v) {
      if (typeof v.id !== "string") throw new Error("--id: expected a budget id (see `budgets list`)");
      if (!(await deleteBudget(await org(v), "cli", v.id))) throw new Error(`--id: no budget ${v.id} in this organization`);
      console.log(`Deleted budget ${v.id}`);
    },
  },
];
