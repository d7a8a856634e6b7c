/** A Budget row as plain values; JSON columns are parsed defensively (a bad row never crashes a pass). */
import type { Budget } from "@/lib/generated/prisma/client";
import { DIMENSIONS, type Dimension } from "@/lib/domain/event";
import { PERIODS, type Period } from "./period";
import type { BudgetConfig, BudgetScope } from "./types";

/** The stored row, as Prisma reads it (the schema is the one definition of its columns). */
export type BudgetRow = Omit<Budget, "deletedAt">;

export const DEFAULT_THRESHOLDS = [50, 75, 90, 100];

function parseJson(text: string): unknown {
  try {
    return JSON.parse(text);
  } catch {
    return null;
  }
}

export function parseScope(text: string): BudgetScope {
  const raw = parseJson(text);
  const scope: BudgetScope = {};
  if (raw && typeof raw === "object" && !Array.isArray(raw)) {
    for (const d of DIMENSIONS) {
      const v = (raw as Record<string, unknown>)[d];
      if (typeof v === "string") scope[d] = v;
    }
  }
  return scope;
}

export function toConfig(row: BudgetRow): BudgetConfig {
  const thresholds = parseJson(row.thresholds);
  const channels = parseJson(row.channelIds);
  return {
    id: row.id,
    orgId: row.orgId,
    name: row.name,
    scope: parseScope(row.scope),
    amountUsd: row.amountUsd,
    period: ((PERIODS as readonly string[]).includes(row.period) ? row.period : "month") as Period,
    timezone: row.timezone,
    fiscalYearStartMonth: row.fiscalYearStartMonth,
    weekStartsOn: row.weekStartsOn,
    thresholds: Array.isArray(thresholds) && thresholds.every((t) => typeof t === "number") ? (thresholds as number[]) : DEFAULT_THRESHOLDS,
    forecastAlerts: row.forecastAlerts,
    blockAtPercent: row.blockAtPercent,
    channelIds: Array.isArray(channels) ? channels.filter((c): c is string => typeof c === "string") : [],
    parentId: row.parentId,
    createdAt: row.createdAt.toISOString(),
    updatedAt: row.updatedAt.toISOString(),
  };
}

/** The scope's dimensions in the fixed DIMENSIONS order: budgets with the same set share a query. */
export function scopeDimensions(scope: BudgetScope): Dimension[] {
  return DIMENSIONS.filter((d) => scope[d] !== undefined);
}

/** A key for a scope's values in that order (NUL cannot occur in stored dimension values). */
export function scopeKey(dims: readonly Dimension[], values: Partial<Record<Dimension, string>>): string {
  return dims.map((d) => values[d] ?? "").join("\u0000");
}

/** A budget covers a request when each dimension of its scope equals the request's. */
export function covers(scope: BudgetScope, request: Partial<Record<Dimension, string>>): boolean {
  for (const d of DIMENSIONS) {
    const v = scope[d];
    if (v !== undefined && request[d] !== v) return false;
  }
  return true;
}
