import "server-only";
import type { AlertCondition, CauseItem, SeriesPoint } from "@/lib/alert-contract/condition";
import { db } from "@/lib/db/prisma";
import { applyEvaluation } from "./apply";
import { acknowledgeAlert } from "./actions";

const HOUR = 3_600_000;

function overviewUrl(filters: Record<string, string>, from: Date, to: Date): string {
  const q = new URLSearchParams({ ...filters, from: from.toISOString().slice(0, 10), to: to.toISOString().slice(0, 10) });
  return `/?${q.toString()}`;
}

/** A day of hourly spend on a steady daily cycle, with a 4-hour spike ending at `spikeEnd`. */
function spikeSeries(spikeEnd: Date): SeriesPoint[] {
  const out: SeriesPoint[] = [];
  for (let i = 23; i >= 0; i--) {
    const ts = new Date(Math.floor(spikeEnd.getTime() / HOUR) * HOUR - i * HOUR);
    const expected = 2.2 + 1.1 * Math.sin(((ts.getUTCHours() - 8) / 24) * 2 * Math.PI);
    const actual = i < 4 ? expected * (3.4 - i * 0.3) : expected * (0.92 + ((i * 7) % 5) * 0.04);
    out.push({ ts: ts.toISOString(), actual: round(actual), expected: round(expected), lower: round(expected * 0.7), upper: round(expected * 1.35) });
  }
  return out;
}

const round = (n: number) => Math.round(n * 100) / 100;

/**
 * Past alerts of the demo organization, made through the alert store itself (so they have real
 * timelines): a resolved spend anomaly with its cause and series, an acknowledged budget alert, and
 * an open cost-per-request alert. The sources are demo placeholders that no evaluator owns, so they
 * stay as they are.
 */
export async function seedDemoAlerts(orgId: string, now = new Date()): Promise<void> {
  if (await db().alert.count({ where: { orgId } })) return;
  const oncall = await db().user.findFirst({ where: { orgId, role: "oncall" }, select: { email: true } });
  const actor = `user:${oncall?.email ?? "oncall@demo.local"}`;

  const spikeAt = new Date(now.getTime() - 3 * 24 * HOUR);
  const cause: CauseItem[] = [
    { dimension: "feature", value: "code-review", impact_usd: 21.4, share: 0.78, volume_usd: 4.1, mix_usd: 0.3, size_usd: 17, url: overviewUrl({ feature: "code-review" }, spikeAt, spikeAt) },
    { dimension: "model", value: "claude-sonnet-4-20250514", impact_usd: 4.6, share: 0.17, volume_usd: 3.2, mix_usd: 0.9, size_usd: 0.5, url: overviewUrl({ model: "claude-sonnet-4-20250514" }, spikeAt, spikeAt) },
    { dimension: "team", value: "platform", impact_usd: 1.4, share: 0.05, volume_usd: 1, mix_usd: 0, size_usd: 0.4, url: overviewUrl({ team: "platform" }, spikeAt, spikeAt) },
  ];
  const anomaly: AlertCondition = {
    dedupKey: "demo:anomaly:team=platform",
    kind: "anomaly",
    severity: "critical",
    level: 1,
    title: "Spend anomaly: team platform at 3.1× its expected hourly spend",
    scope: { team: "platform" },
    numbers: { actual: 7.9, expected: 2.5, band: [1.75, 3.38], impact_usd: 27.4 },
    cause,
    url: overviewUrl({ team: "platform" }, spikeAt, spikeAt),
    channelIds: [],
    series: spikeSeries(spikeAt),
  };
  const source = { type: "monitor" as const, id: "demo-monitor-team" };
  const opened = await applyEvaluation({ orgId, source, conditions: [anomaly], evaluatedAt: spikeAt });
  await acknowledgeAlert(opened.alerts[0].alertId!, { orgId, actor, now: new Date(spikeAt.getTime() + 6 * 60_000) });
  await applyEvaluation({ orgId, source, conditions: [], evaluatedAt: new Date(spikeAt.getTime() + HOUR) });
  await applyEvaluation({ orgId, source, conditions: [], evaluatedAt: new Date(spikeAt.getTime() + HOUR + 15 * 60_000) });

  const budgetAt = new Date(now.getTime() - 26 * HOUR);
  const budget = await applyEvaluation({
    orgId,
    source: { type: "budget", id: "demo-budget-support" },
    conditions: [
      {
        dedupKey: "demo:budget:support:90",
        kind: "budget",
        severity: "critical",
        level: 3,
        title: "Budget 'Support team' passed 90% of $400.00 this month",
        scope: { team: "support" },
        numbers: { threshold: 90, spent_usd: 362.5, amount_usd: 400, value: 90.6 },
        cause: [],
        url: "/budgets",
        channelIds: [],
      },
    ],
    evaluatedAt: budgetAt,
  });
  await acknowledgeAlert(budget.alerts[0].alertId!, { orgId, actor, now: new Date(budgetAt.getTime() + 20 * 60_000) });

  const cprAt = new Date(now.getTime() - 2 * HOUR);
  await applyEvaluation({
    orgId,
    source: { type: "monitor", id: "demo-monitor-feature" },
    conditions: [
      {
        dedupKey: "demo:cost_per_request:feature=answer",
        kind: "cost_per_request",
        severity: "warning",
        level: 1,
        title: "Cost per request of feature answer up 48% while traffic is flat",
        scope: { feature: "answer" },
        numbers: { value: 0.0194, expected: 0.0131, requests_change: 0.02, impact_usd: 5.8 },
        cause: [
          { dimension: "model", value: "claude-sonnet-4-20250514", impact_usd: 5.1, share: 0.88, volume_usd: 0.1, mix_usd: 0.4, size_usd: 4.6, url: overviewUrl({ feature: "answer", model: "claude-sonnet-4-20250514" }, cprAt, cprAt) },
        ],
        url: overviewUrl({ feature: "answer" }, cprAt, cprAt),
        channelIds: [],
      },
    ],
    evaluatedAt: cprAt,
  });
}
