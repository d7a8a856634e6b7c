import "server-only";
import { yieldEvery } from "@/lib/scheduling/yield-slices";
import type { AlertCondition, Evaluation } from "@/lib/alert-contract/condition";
import { anomalyCondition, judgeSeries, type AnomalyCandidate } from "./anomaly-conditions";
import { SPIKE_RULES } from "./spike-rule";
import { costPerRequestCondition, judgeCostPerRequest, type CprCandidate } from "./cost-per-request";
import { feedMonitor, passClock } from "./feed";
import { runawayConditions } from "./runaway-conditions";
import { dropMonitorCache } from "./series-cache";
import { ensureDefaultMonitors, listMonitors, organizationsToEvaluate, recordMonitorRun } from "./store";
import type { MonitorConfig } from "./types";

/** Causes are read for at most this many conditions per kind and pass (the largest first): a bounded pass. */
const MAX_EXPLAINED = 20;

export type MonitorPass = { evaluation: Evaluation; seriesWatched: number };

/**
 * One pass of one monitor: every condition that holds now. Stateless as far as alerts go (the alert
 * store decides what is new); the detectors' learning is cached between passes (series-cache.ts).
 */
export async function evaluateMonitor(m: MonitorConfig, now = new Date()): Promise<MonitorPass> {
  const clock = passClock(now);
  const conditions: AlertCondition[] = [];
  let seriesWatched = 0;
  if (m.enabled && (m.kinds.includes("anomaly") || m.kinds.includes("cost_per_request"))) {
    const { cache, live } = await feedMonitor(m, clock);
    const anomalies: AnomalyCandidate[] = [];
    const cprs: CprCandidate[] = [];
    const pause = yieldEvery();
    for (const key of new Set([...cache.series.keys(), ...live.keys()])) {
      await pause();
      const s = cache.series.get(key);
      if (dailySpend(s, live.get(key), clock.settled) < m.minSpendUsd) continue;
      seriesWatched++;
      if (m.kinds.includes("anomaly")) {
        const a = judgeSeries(cache, key, s, live, clock, SPIKE_RULES[m.sensitivity]);
        if (a) anomalies.push(a);
      }
      if (m.kinds.includes("cost_per_request")) {
        const c = judgeCostPerRequest(m, key, s, live, clock);
        if (c) cprs.push(c);
      }
    }
    anomalies.sort((a, b) => b.verdict.impact - a.verdict.impact);
    cprs.sort((a, b) => b.impactUsd - a.impactUsd);
    for (const a of anomalies.slice(0, MAX_EXPLAINED)) conditions.push(await anomalyCondition(m, cache, a, live, clock));
    for (const c of cprs.slice(0, MAX_EXPLAINED)) conditions.push(await costPerRequestCondition(m, c, clock));
  } else {
    dropMonitorCache(m.id);
  }
  if (m.enabled && m.kinds.includes("runaway")) conditions.push(...(await runawayConditions(m, now)));
  return { evaluation: { orgId: m.orgId, source: { type: "monitor", id: m.id }, conditions, evaluatedAt: now }, seriesWatched };
}

/** Average spend per day over the last 7 days, the hours not yet settled included. */
function dailySpend(s: { costAt(h: number): number } | undefined, live: Map<number, { costUsd: number }> | undefined, settled: number): number {
  let sum = 0;
  if (s) for (let h = settled - 7 * 24; h < settled; h++) sum += s.costAt(h);
  if (live) for (const p of live.values()) sum += p.costUsd;
  return sum / 7;
}

export type Sink = (e: Evaluation) => Promise<void>;

/**
 * Every monitor of every organization, each handed to `sink` (the alert store). A failing monitor is
 * recorded with its error and the others still run; a disabled one reports no conditions, so its
 * open alerts clear.
 */
export async function evaluateAllMonitors(sink: Sink, now = new Date(), log: (line: string) => void = () => {}): Promise<number> {
  let evaluated = 0;
  for (const orgId of await organizationsToEvaluate()) {
    await ensureDefaultMonitors(orgId);
    for (const m of await listMonitors(orgId)) {
      evaluated += (await evaluateAndRecord(m, sink, now, log)) ? 1 : 0;
    }
  }
  return evaluated;
}

export async function evaluateAndRecord(m: MonitorConfig, sink: Sink, now: Date, log: (line: string) => void): Promise<boolean> {
  try {
    const pass = await evaluateMonitor(m, now);
    await sink(pass.evaluation);
    await recordMonitorRun(m.orgId, { monitorId: m.id, evaluatedAt: now, seriesWatched: pass.seriesWatched, conditions: pass.evaluation.conditions.length, error: null });
    return true;
  } catch (err) {
    const msg = err instanceof Error ? err.message : String(err);
    log(`monitor ${m.id} (${m.name}) failed: ${msg}`);
    await recordMonitorRun(m.orgId, { monitorId: m.id, evaluatedAt: now, seriesWatched: 0, conditions: 0, error: msg.slice(0, 500) }).catch(() => undefined);
    return false;
  }
}
