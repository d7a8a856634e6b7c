import "server-only";
import { db } from "@/lib/db/prisma";
import type { Monitor } from "@/lib/generated/prisma/client";
import {
  parseStoredIds,
  parseStoredKinds,
  parseStoredScope,
  SENSITIVITIES,
  type CreateMonitorInput,
  type MonitorConfig,
  type MonitorDimension,
  type Sensitivity,
  type UpdateMonitorInput,
} from "./types";
import { DEFAULT_MONITORS } from "./defaults";

export function toMonitorConfig(m: Monitor): MonitorConfig {
  return {
    id: m.id,
    orgId: m.orgId,
    name: m.name,
    dimension: m.dimension as MonitorDimension,
    scope: parseStoredScope(m.scope),
    minSpendUsd: Number(m.minSpendUsd) || 0,
    minSpendUsdExact: m.minSpendUsd,
    kinds: parseStoredKinds(m.kinds),
    sensitivity: ((SENSITIVITIES as readonly string[]).includes(m.sensitivity) ? m.sensitivity : "medium") as Sensitivity,
    enabled: m.enabled,
    channelIds: parseStoredIds(m.channelIds),
    createdAt: m.createdAt,
    updatedAt: m.updatedAt,
  };
}

export async function listMonitors(orgId: string): Promise<MonitorConfig[]> {
  const rows = await db().monitor.findMany({ where: { orgId, deletedAt: null }, orderBy: [{ createdAt: "asc" }, { id: "asc" }] });
  return rows.map(toMonitorConfig);
}

export async function getMonitor(orgId: string, id: string): Promise<MonitorConfig | null> {
  const m = await db().monitor.findFirst({ where: { id, orgId, deletedAt: null } });
  return m ? toMonitorConfig(m) : null;
}

export async function createMonitor(orgId: string, input: CreateMonitorInput): Promise<MonitorConfig> {
  const m = await db().monitor.create({
    data: {
      orgId,
      name: input.name,
      dimension: input.dimension,
      scope: JSON.stringify(input.scope),
      minSpendUsd: input.min_spend_usd,
      kinds: JSON.stringify(input.kinds),
      sensitivity: input.sensitivity,
      enabled: input.enabled,
      channelIds: JSON.stringify(input.channels),
    },
  });
  return toMonitorConfig(m);
}

export async function updateMonitor(orgId: string, id: string, input: UpdateMonitorInput): Promise<{ before: MonitorConfig; after: MonitorConfig } | null> {
  const before = await getMonitor(orgId, id);
  if (!before) return null;
  const m = await db().monitor.update({
    where: { id },
    data: {
      name: input.name,
      dimension: input.dimension,
      scope: input.scope === undefined ? undefined : JSON.stringify(input.scope),
      minSpendUsd: input.min_spend_usd,
      kinds: input.kinds === undefined ? undefined : JSON.stringify(input.kinds),
      sensitivity: input.sensitivity,
      enabled: input.enabled,
      channelIds: input.channels === undefined ? undefined : JSON.stringify(input.channels),
    },
  });
  return { before, after: toMonitorConfig(m) };
}

/** Soft delete: the row stays so the out-of-the-box set is never seeded again over a user's choice. */
export async function deleteMonitor(orgId: string, id: string): Promise<MonitorConfig | null> {
  const before = await getMonitor(orgId, id);
  if (!before) return null;
  await db().monitor.update({ where: { id }, data: { deletedAt: new Date(), enabled: false } });
  return before;
}

/**
 * The out-of-the-box monitors, created once per organization: on its first evaluation or by the demo
 * seed. Any monitor row, even a deleted one, means the organization has already had them.
 */
export async function ensureDefaultMonitors(orgId: string): Promise<boolean> {
  const any = await db().monitor.findFirst({ where: { orgId }, select: { id: true } });
  if (any) return false;
  await db().$transaction(
    DEFAULT_MONITORS.map((d) =>
      db().monitor.create({
        data: { orgId, name: d.name, dimension: d.dimension, minSpendUsd: d.minSpendUsd, kinds: JSON.stringify(d.kinds), sensitivity: "medium" },
      }),
    ),
  );
  return true;
}

export type MonitorRunInfo = { monitorId: string; evaluatedAt: Date; seriesWatched: number; conditions: number; error: string | null };

export async function recordMonitorRun(orgId: string, run: MonitorRunInfo): Promise<void> {
  const data = { orgId, evaluatedAt: run.evaluatedAt, seriesWatched: run.seriesWatched, conditions: run.conditions, error: run.error };
  await db().monitorRun.upsert({ where: { monitorId: run.monitorId }, create: { monitorId: run.monitorId, ...data }, update: data });
}

export async function monitorRuns(orgId: string): Promise<Map<string, MonitorRunInfo>> {
  const rows = await db().monitorRun.findMany({ where: { orgId } });
  return new Map(rows.map((r) => [r.monitorId, r]));
}

/** Organizations with at least one enabled monitor, plus those never seeded (they get the defaults). */
export async function organizationsToEvaluate(): Promise<string[]> {
  const orgs = await db().organization.findMany({ select: { id: true } });
  return orgs.map((o) => o.id);
}
