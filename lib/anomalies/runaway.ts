/**
 * Per-request runaway detection: flag, on arrival, a request whose output tokens, input tokens
 * or cost are far outside what its feature usually does (the "max_tokens missing" failure:
 * 10-100x the usual output).
 *
 * Per feature and metric the detector keeps the last `window` values on a log scale and their
 * median and MAD (recomputed every few requests: O(window log window) amortised over them).
 * Log scale because request sizes are roughly log-normal; median/MAD because the history itself
 * contains runaways. A request is flagged when it exceeds the median by both a fixed ratio and
 * `mads` robust deviations. Flagged values enter the history clipped to that fence, so a loop of
 * runaways does not teach the detector that runaways are normal, while a lasting change (a
 * release that doubles output) is learned within about half a window of requests.
 */

export interface RunawayOptions {
  /** Recent requests per feature and metric that define "usual". */
  window: number;
  /** Requests a feature must have made before anything is flagged. */
  minHistory: number;
  /** Flag only values at least this many times the usual (median) value... */
  minRatio: number;
  /** ...and at least this many robust (MAD) deviations above it on the log scale. */
  mads: number;
  /** Recompute median/MAD after this many new values. */
  refreshEvery: number;
}

export const DEFAULT_RUNAWAY_OPTIONS: RunawayOptions = {
  window: 200,
  minHistory: 20,
  minRatio: 5,
  mads: 5,
  refreshEvery: 8,
};

export interface RequestUsage {
  /** The grouping whose "usual" applies, normally the feature (or feature + model). */
  key: string;
  outputTokens?: number;
  inputTokens?: number;
  cost?: number;
}

export type RunawayMetric = "outputTokens" | "inputTokens" | "cost";
const METRICS: RunawayMetric[] = ["outputTokens", "inputTokens", "cost"];

export interface RunawayFinding {
  metric: RunawayMetric;
  value: number;
  /** Median of the recent history. */
  usual: number;
  /** value / usual. */
  ratio: number;
  /** Values above this were flagged. */
  fence: number;
}

export interface RunawayVerdict {
  flagged: boolean;
  findings: RunawayFinding[];
}

/** Log-scale ring buffer with cached median and MAD. */
class LogHistory {
  private readonly buf: Float64Array;
  private readonly scratch: Float64Array;
  private pos = 0;
  private count = 0;
  private sinceRefresh = Infinity;
  median = 0;
  mad = 0;

  constructor(size: number) {
    this.buf = new Float64Array(size);
    this.scratch = new Float64Array(size);
  }

  get n(): number {
    return this.count;
  }

  push(logValue: number): void {
    this.buf[this.pos] = logValue;
    this.pos = (this.pos + 1) % this.buf.length;
    if (this.count < this.buf.length) this.count++;
    this.sinceRefresh++;
  }

  refresh(every: number): void {
    if (this.sinceRefresh < every) return;
    this.sinceRefresh = 0;
    const s = this.scratch.subarray(0, this.count);
    s.set(this.buf.subarray(0, this.count));
    s.sort();
    this.median = medianOfSorted(s);
    for (let i = 0; i < s.length; i++) s[i] = Math.abs(s[i] - this.median);
    s.sort();
    this.mad = medianOfSorted(s);
  }
}

function medianOfSorted(s: Float64Array): number {
  const n = s.length;
  return n % 2 ? s[n >> 1] : (s[n / 2 - 1] + s[n / 2]) / 2;
}

/** 1.4826 x MAD estimates a Gaussian sigma. */
const MAD_TO_SIGMA = 1.4826;

export class RunawayDetector {
  readonly options: RunawayOptions;
  private readonly histories = new Map<string, LogHistory>();

  constructor(options: Partial<RunawayOptions> = {}) {
    this.options = { ...DEFAULT_RUNAWAY_OPTIONS, ...options };
  }

  /** Judge a request against its feature's history, then add it to that history. */
  check(request: RequestUsage): RunawayVerdict {
    const o = this.options;
    const findings: RunawayFinding[] = [];
    for (const metric of METRICS) {
      const value = request[metric];
      // Zero-token responses (cache hits, errors) say nothing about size.
      if (value === undefined || !(value > 0)) continue;
      const id = `${metric}\u0000${request.key}`;
      let h = this.histories.get(id);
      if (!h) {
        h = new LogHistory(o.window);
        this.histories.set(id, h);
      }
      const x = Math.log(value);
      if (h.n < o.minHistory) {
        h.push(x);
        continue;
      }
      h.refresh(o.refreshEvery);
      const fenceLog = h.median + Math.max(Math.log(o.minRatio), o.mads * MAD_TO_SIGMA * h.mad);
      if (x > fenceLog) {
        findings.push({ metric, value, usual: Math.exp(h.median), ratio: value / Math.exp(h.median), fence: Math.exp(fenceLog) });
      }
      h.push(Math.min(x, fenceLog));
    }
    return { flagged: findings.length > 0, findings };
  }
}
