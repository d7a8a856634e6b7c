/**
 * Root cause of a spend anomaly on an aggregate series.
 *
 * Given the usage records of the anomalous interval and of a baseline interval (scaled to the
 * same duration), reports what AWS Cost Anomaly Detection reports - expected, actual, impact,
 * impact % - plus:
 *  - per dimension (model, feature, team, user, api key, provider...), the values ranked by their
 *    dollar contribution to the impact, with Adtributor-style explanatory power and surprise;
 *  - an exact additive split of the impact into volume (more requests), mix (traffic moved to
 *    pricier slices - another model, a costlier feature - or their price changed) and size (more
 *    tokens per request within a slice), by a log-mean Divisia (LMDI) decomposition of
 *    cost = requests x share_s x tokens/request_s x price/token_s over slices s.
 */

export interface UsageRecord {
  /** Dimension values of this slice, e.g. { model: "gpt-4o", feature: "chat", apiKey: "k1" }. */
  dims: Record<string, string>;
  requests: number;
  /** Input + output tokens. */
  tokens: number;
  cost: number;
}

export interface Contributor {
  dimension: string;
  value: string;
  expected: number;
  actual: number;
  /** actual - expected, in dollars. */
  impact: number;
  /** impact / total impact (can exceed 1 when other values moved the other way). */
  share: number;
}

export interface DimensionExplanation {
  dimension: string;
  /** Values ranked by |impact|. */
  values: Contributor[];
  /** Share of the total impact explained by the fewest top values that explain most of it. */
  explanatoryPower: number;
  /** Values making up that explanation (Adtributor's candidate set). */
  culprits: string[];
  /** Jensen-Shannon divergence between expected and actual cost distributions over this dimension. */
  surprise: number;
}

export interface ChangeDecomposition {
  /** Dollars due to more or fewer requests overall. */
  volume: number;
  /** Dollars due to traffic moving between models and per-token price changes. */
  mix: number;
  /** Dollars due to more or fewer tokens per request. */
  size: number;
}

export interface RootCauseReport {
  expected: number;
  actual: number;
  impact: number;
  impactPct: number;
  /** Dimensions ranked: those that explain the impact first, by surprise. */
  dimensions: DimensionExplanation[];
  /** All (dimension, value) pairs ranked by |impact|. */
  topContributors: Contributor[];
  decomposition: ChangeDecomposition;
  /** The largest of volume / mix / size. */
  driver: keyof ChangeDecomposition;
}

export interface RootCauseOptions {
  /** Dimensions to examine (default: every key seen in the records). */
  dimensions?: string[];
  /** Multiply baseline records by this to match the anomalous interval's duration (default 1). */
  baselineScale?: number;
  /** Slices for the volume / mix / size split: one dimension, or (default) every dimension combined. */
  mixDimension?: string;
  /** Explanatory power a dimension needs to count as explaining the change (default 0.6). */
  minExplanatoryPower?: number;
}

interface Totals {
  requests: number;
  tokens: number;
  cost: number;
}

/** Group by one dimension, by nothing (null: the total) or by the full slice (SLICE: every dimension). */
const SLICE = "\u0000slice";
function sliceKey(dims: Record<string, string>): string {
  return Object.keys(dims)
    .sort()
    .map((k) => `${k}=${dims[k]}`)
    .join("\u0001");
}

function groupBy(records: UsageRecord[], dim: string | null, scale: number): Map<string, Totals> {
  const out = new Map<string, Totals>();
  for (const r of records) {
    const key = dim === null ? "*" : dim === SLICE ? sliceKey(r.dims) : (r.dims[dim] ?? "(none)");
    const t = out.get(key) ?? { requests: 0, tokens: 0, cost: 0 };
    t.requests += r.requests * scale;
    t.tokens += r.tokens * scale;
    t.cost += r.cost * scale;
    out.set(key, t);
  }
  return out;
}

/** Logarithmic mean, the LMDI weight; zeros are replaced by a tiny value so appearing/vanishing slices still split exactly. */
const EPS = 1e-12;
function logMean(a: number, b: number): number {
  a = Math.max(a, EPS);
  b = Math.max(b, EPS);
  return Math.abs(a - b) < 1e-12 * Math.max(a, b) ? a : (a - b) / Math.log(a / b);
}
function logRatio(a: number, b: number): number {
  return Math.log(Math.max(a, EPS) / Math.max(b, EPS));
}

/**
 * Split the cost change into volume / mix / size. Slices are the finest breakdown (every
 * dimension of the records) unless `mixDimension` names one: with coarser slices, traffic moving
 * between features that share a model would show up as a change in tokens per request (size).
 */
export function decomposeChange(baseline: UsageRecord[], current: UsageRecord[], mixDimension: string = SLICE, baselineScale = 1): ChangeDecomposition {
  const b = groupBy(baseline, mixDimension, baselineScale);
  const c = groupBy(current, mixDimension, 1);
  let r0 = 0;
  let r1 = 0;
  for (const t of b.values()) r0 += t.requests;
  for (const t of c.values()) r1 += t.requests;
  const zero: Totals = { requests: 0, tokens: 0, cost: 0 };
  const out: ChangeDecomposition = { volume: 0, mix: 0, size: 0 };
  for (const key of new Set([...b.keys(), ...c.keys()])) {
    const x0 = b.get(key) ?? zero;
    const x1 = c.get(key) ?? zero;
    const w = logMean(x1.cost, x0.cost);
    if (x0.cost <= EPS && x1.cost <= EPS) continue;
    out.volume += w * logRatio(r1, r0);
    const share = logRatio(x1.requests / Math.max(r1, EPS), x0.requests / Math.max(r0, EPS));
    // A slice with no requests in one period has no tokens/request there: attribute it all to mix.
    const size = x0.requests > 0 && x1.requests > 0 ? logRatio(x1.tokens / x1.requests, x0.tokens / x0.requests) : 0;
    const price = x0.tokens > 0 && x1.tokens > 0 ? logRatio(x1.cost / x1.tokens, x0.cost / x0.tokens) : 0;
    out.mix += w * (share + price);
    out.size += w * size;
  }
  // LMDI is exact up to the epsilon substitution; put any residue into mix so parts sum to the impact.
  let total0 = 0;
  let total1 = 0;
  for (const t of b.values()) total0 += t.cost;
  for (const t of c.values()) total1 += t.cost;
  out.mix += total1 - total0 - (out.volume + out.mix + out.size);
  return out;
}

function jsDivergence(p: number[], q: number[]): number {
  const sp = p.reduce((s, x) => s + x, 0) || 1;
  const sq = q.reduce((s, x) => s + x, 0) || 1;
  let d = 0;
  for (let i = 0; i < p.length; i++) {
    const a = Math.max(p[i], 0) / sp;
    const b = Math.max(q[i], 0) / sq;
    const m = (a + b) / 2;
    if (a > 0) d += 0.5 * a * Math.log2(a / m);
    if (b > 0) d += 0.5 * b * Math.log2(b / m);
  }
  return d;
}

export function explainAnomaly(baseline: UsageRecord[], current: UsageRecord[], options: RootCauseOptions = {}): RootCauseReport {
  const scale = options.baselineScale ?? 1;
  const minEp = options.minExplanatoryPower ?? 0.6;
  const dims =
    options.dimensions ?? [...new Set([...baseline, ...current].flatMap((r) => Object.keys(r.dims)))].sort();
  const expected = [...groupBy(baseline, null, scale).values()].reduce((s, t) => s + t.cost, 0);
  const actual = [...groupBy(current, null, 1).values()].reduce((s, t) => s + t.cost, 0);
  const impact = actual - expected;
  const sign = impact >= 0 ? 1 : -1;

  const dimensions: DimensionExplanation[] = dims.map((dimension) => {
    const b = groupBy(baseline, dimension, scale);
    const c = groupBy(current, dimension, 1);
    const keys = [...new Set([...b.keys(), ...c.keys()])];
    const values: Contributor[] = keys.map((value) => {
      const e = b.get(value)?.cost ?? 0;
      const a = c.get(value)?.cost ?? 0;
      return { dimension, value, expected: e, actual: a, impact: a - e, share: impact === 0 ? 0 : (a - e) / impact };
    });
    values.sort((x, y) => Math.abs(y.impact) - Math.abs(x.impact));
    // Adtributor: the fewest values moving in the direction of the change that explain most of it.
    const culprits: string[] = [];
    let explained = 0;
    for (const v of [...values].sort((x, y) => sign * (y.impact - x.impact))) {
      if (sign * v.impact <= 0 || explained >= minEp) break;
      culprits.push(v.value);
      explained += v.share;
    }
    const surprise = jsDivergence(
      keys.map((k) => b.get(k)?.cost ?? 0),
      keys.map((k) => c.get(k)?.cost ?? 0),
    );
    return { dimension, values, explanatoryPower: explained, culprits, surprise };
  });
  // Dimensions that explain the change on their own with few culprits come first, then by surprise.
  dimensions.sort((x, y) => {
    const ex = x.explanatoryPower >= minEp ? 1 : 0;
    const ey = y.explanatoryPower >= minEp ? 1 : 0;
    if (ex !== ey) return ey - ex;
    if (ex && x.culprits.length !== y.culprits.length) return x.culprits.length - y.culprits.length;
    return y.surprise - x.surprise;
  });
  const topContributors = dimensions
    .flatMap((d) => d.values)
    .sort((x, y) => sign * (y.impact - x.impact));
  const decomposition = decomposeChange(baseline, current, options.mixDimension ?? SLICE, scale);
  const driver = (Object.keys(decomposition) as (keyof ChangeDecomposition)[]).reduce((best, k) =>
    sign * decomposition[k] > sign * decomposition[best] ? k : best,
  );
  return {
    expected,
    actual,
    impact,
    impactPct: expected === 0 ? NaN : impact / expected,
    dimensions,
    topContributors,
    decomposition,
    driver,
  };
}
