/**
 * TypeScript port of the NAB (Numenta Anomaly Benchmark) scorer.
 *
 * Follows nab/scorer.py + nab/sweeper.py: probationary period, scaled-sigmoid
 * weighting of detections inside and after label windows, a threshold swept over
 * the pooled scores of the whole corpus, normalisation against the null and
 * perfect detectors. Pure: no file access (see corpus.ts for loading).
 */

export interface CostProfile {
  tp: number;
  fn: number;
  fp: number;
}

export const NAB_PROFILES: Record<ProfileName, CostProfile> = {
  standard: { tp: 1.0, fn: 1.0, fp: 0.11 },
  reward_low_FP_rate: { tp: 1.0, fn: 1.0, fp: 0.22 },
  reward_low_FN_rate: { tp: 1.0, fn: 2.0, fp: 0.11 },
};

export type ProfileName = "standard" | "reward_low_FP_rate" | "reward_low_FN_rate";
export const PROFILE_NAMES: ProfileName[] = ["standard", "reward_low_FP_rate", "reward_low_FN_rate"];

/** One scored file: row timestamps (ms), the detector's scores, label windows as [startMs, endMs]. */
export interface ScoredSeries {
  name: string;
  timestamps: number[];
  scores: number[];
  windows: [number, number][];
}

export function scaledSigmoid(p: number): number {
  if (p > 3) return -1;
  return 2 / (1 + Math.exp(5 * p)) - 1;
}

export function probationLength(rows: number): number {
  return Math.min(Math.floor(0.15 * rows), 750);
}

/**
 * How one row would count if it were a detection. windowId >= 0 means inside that
 * (corpus-global) window; -1 means outside any window; rows in probation are dropped.
 */
interface RowValue {
  score: number;
  windowId: number;
  value: number;
}

function rowValues(series: ScoredSeries, profile: CostProfile, windowOffset: number): RowValue[] {
  const { timestamps, scores } = series;
  const n = timestamps.length;
  if (scores.length !== n) throw new Error(`${series.name}: ${scores.length} scores for ${n} rows`);
  const windows = [...series.windows].sort((a, b) => a[0] - b[0]);
  // Resolve each window to row indices [left, right].
  const bounds = windows.map(([start, end]) => {
    let left = -1;
    let right = -1;
    for (let i = 0; i < n; i++) {
      if (left < 0 && timestamps[i] >= start) left = i;
      if (timestamps[i] <= end) right = i;
    }
    return { left, right };
  });
  const maxTp = scaledSigmoid(-1);
  const probation = probationLength(n);
  const out: RowValue[] = [];
  let w = 0;
  let prevRight = -1;
  let prevWidth = 0;
  for (let i = 0; i < n; i++) {
    while (w < bounds.length && bounds[w].right < i) {
      prevRight = bounds[w].right;
      prevWidth = bounds[w].right - bounds[w].left + 1;
      w++;
    }
    const cur = w < bounds.length && bounds[w].left <= i ? bounds[w] : null;
    let value: number;
    let windowId = -1;
    if (cur) {
      const width = cur.right - cur.left + 1;
      value = (profile.tp * scaledSigmoid(-(cur.right - i + 1) / width)) / maxTp;
      windowId = windowOffset + w;
    } else if (prevRight < 0) {
      value = -profile.fp;
    } else {
      value = profile.fp * scaledSigmoid(Math.abs(prevRight - i) / (prevWidth - 1));
    }
    if (i >= probation) out.push({ score: scores[i], windowId, value });
  }
  return out;
}

export interface SweepResult {
  threshold: number;
  /** Raw (unnormalised) total at the best threshold. */
  raw: number;
  normalized: number;
  tp: number;
  fp: number;
  fn: number;
}

/** Sweep every distinct pooled score as threshold; keep the best total. */
export function sweepCorpus(corpus: ScoredSeries[], profile: CostProfile): SweepResult {
  const rows: RowValue[] = [];
  let windowCount = 0;
  for (const series of corpus) {
    for (const r of rowValues(series, profile, windowCount)) rows.push(r);
    windowCount += series.windows.length;
  }
  rows.sort((a, b) => b.score - a.score);
  const nullScore = -profile.fn * windowCount;
  const perfect = profile.tp * windowCount;
  const best = new Float64Array(windowCount).fill(NaN);
  let total = nullScore;
  let tp = 0;
  let fp = 0;
  let result: SweepResult = { threshold: Infinity, raw: total, normalized: 0, tp: 0, fp: 0, fn: windowCount };
  for (let i = 0; i < rows.length; i++) {
    const r = rows[i];
    if (r.windowId < 0) {
      total += r.value;
      fp++;
    } else {
      const prev = best[r.windowId];
      if (Number.isNaN(prev)) {
        best[r.windowId] = r.value;
        total += profile.fn + r.value;
        tp++;
      } else if (r.value > prev) {
        best[r.windowId] = r.value;
        total += r.value - prev;
      }
    }
    const groupEnds = i === rows.length - 1 || rows[i + 1].score !== r.score;
    if (groupEnds && total > result.raw) {
      result = { threshold: r.score, raw: total, normalized: 0, tp, fp, fn: windowCount - tp };
    }
  }
  result.normalized = (100 * (result.raw - nullScore)) / (perfect - nullScore);
  return result;
}

/** One file's raw total at a fixed threshold (for diagnostics). */
export function seriesScoreAt(series: ScoredSeries, profile: CostProfile, threshold: number): { raw: number; tp: number; fp: number } {
  const best = new Float64Array(series.windows.length).fill(NaN);
  let fpSum = 0;
  let fp = 0;
  for (const r of rowValues(series, profile, 0)) {
    if (r.score < threshold) continue;
    if (r.windowId < 0) {
      fpSum += r.value;
      fp++;
    } else if (Number.isNaN(best[r.windowId]) || r.value > best[r.windowId]) best[r.windowId] = r.value;
  }
  let raw = fpSum;
  let tp = 0;
  for (const b of best) {
    if (Number.isNaN(b)) raw -= profile.fn;
    else {
      raw += b;
      tp++;
    }
  }
  return { raw, tp, fp };
}

export function scoreAllProfiles(corpus: ScoredSeries[]): Record<ProfileName, SweepResult> {
  const out = {} as Record<ProfileName, SweepResult>;
  for (const name of PROFILE_NAMES) out[name] = sweepCorpus(corpus, NAB_PROFILES[name]);
  return out;
}
