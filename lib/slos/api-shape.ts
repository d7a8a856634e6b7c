/** The API's JSON of an SLO and its status (snake_case, ISO times, ratios 0..1). Pure. */
import type { SloConfig, SloStatus } from "./types";

const finite = (x: number | null) => (x === null || !Number.isFinite(x) ? null : x);

export function sloJson(s: SloConfig) {
  return {
    id: s.id,
    name: s.name,
    scope: s.scope,
    objective: s.kind,
    threshold: s.threshold || null,
    action: s.action || null,
    target: s.target,
    window: s.windowType,
    window_days: s.windowDays,
    enabled: s.enabled,
    created_at: s.createdAt.toISOString(),
    updated_at: s.updatedAt.toISOString(),
  };
}

export function statusJson(st: SloStatus) {
  return {
    window_start: st.windowStart.toISOString(),
    window_end: st.windowEnd.toISOString(),
    good: st.good,
    total: st.total,
    attainment: st.attainment,
    budget_remaining: finite(st.budgetRemaining),
    burn_rates: Object.fromEntries(Object.entries(st.burn).map(([k, v]) => [k, finite(v)])),
    state: st.state,
    firing: st.firing.map((f) => ({ severity: f.severity, rule: f.name, long_window: f.long, short_window: f.short, factor: f.factor })),
  };
}
