/**
 * How much of the NAB score is tuning: a split-half check and the sensitivity table.
 *
 *   node --import tsx lib/anomalies/nab/generalization.ts [split|sensitivity] [nab dir]
 *
 * split: the 48 files are split in two halves (alternate files of each category, so both halves
 * hold every kind of series). On one half, every candidate setting (the defaults, and each tuned
 * option halved or doubled) is scored with NAB's threshold sweep; the best one and its threshold
 * are then scored on the other half at that fixed threshold; and the other way round. The
 * held-out numbers are what to expect on series the detector was not tuned on.
 * sensitivity: the full corpus with each tuned option halved and doubled, one at a time.
 */
import { resolve } from "node:path";
import { DEFAULT_DETECTOR_OPTIONS, scoreSeries, type DetectorOptions } from "../detector";
import { listDataFiles, readSeries, readWindows } from "./corpus";
import { NAB_PROFILES, seriesScoreAt, sweepCorpus, type CostProfile, type ScoredSeries } from "./scorer";

/** The options chosen with NAB in view: these are the ones whose tuning is under test. */
export const TUNED_OPTIONS = [
  "cooldownMs",
  "cusumH",
  "scaleAlpha",
  "fastLevelAlpha",
  "maxSurpriseDecades",
  "maxShortSurpriseDecades",
  "recordHalfLifeMs",
  "routineDays",
  "noiseProfileAlpha",
  "rangeTolerance",
] as const satisfies readonly (keyof DetectorOptions)[];

export interface Candidate {
  label: string;
  options: Partial<DetectorOptions>;
}

/** The defaults, and each tuned option halved and doubled. */
export function candidates(): Candidate[] {
  const out: Candidate[] = [{ label: "defaults", options: {} }];
  for (const key of TUNED_OPTIONS) {
    const v = DEFAULT_DETECTOR_OPTIONS[key];
    for (const [label, f] of [["half", 0.5], ["double", 2]] as const) {
      const value = key === "routineDays" ? Math.round(v * f) : v * f;
      out.push({ label: `${key} ${label} (${value})`, options: { [key]: value } });
    }
  }
  return out;
}

export function scoreCorpus(nabDir: string, options: Partial<DetectorOptions>): ScoredSeries[] {
  const windows = readWindows(nabDir);
  const dataDir = resolve(nabDir, "data");
  return listDataFiles(dataDir).map((key) => {
    const s = readSeries(dataDir, key);
    return { name: key, timestamps: s.timestamps, scores: Array.from(scoreSeries(s.timestamps, s.values, options)), windows: windows[key] ?? [] };
  });
}

/** Alternate files within each category: half 0 and half 1. */
export function splitHalves(corpus: ScoredSeries[]): [ScoredSeries[], ScoredSeries[]] {
  const halves: [ScoredSeries[], ScoredSeries[]] = [[], []];
  const seen = new Map<string, number>();
  for (const s of [...corpus].sort((a, b) => a.name.localeCompare(b.name))) {
    const category = s.name.split("/")[0];
    const k = seen.get(category) ?? 0;
    seen.set(category, k + 1);
    halves[k % 2].push(s);
  }
  return halves;
}

/** NAB's normalised score at a fixed threshold (no sweep): for held-out files. */
export function normalizedAt(corpus: ScoredSeries[], profile: CostProfile, threshold: number): number {
  let raw = 0;
  let windows = 0;
  for (const s of corpus) {
    raw += seriesScoreAt(s, profile, threshold).raw;
    windows += s.windows.length;
  }
  const nullScore = -profile.fn * windows;
  return (100 * (raw - nullScore)) / (profile.tp * windows - nullScore);
}

export interface SplitResult {
  selectedOn: number;
  chosen: string;
  threshold: number;
  /** Standard profile: swept score on the selection half, fixed-threshold score on the other. */
  selectionScore: number;
  heldOutScore: number;
  /** The shipped defaults on the held-out half, swept as NAB does, for comparison. */
  defaultsHeldOutSwept: number;
  /** Low-FP profile on the held-out half, with the chosen setting and its own threshold from the selection half. */
  heldOutLowFp: number;
}

export function splitHalfCheck(scored: Map<string, ScoredSeries[]>, labels: string[]): SplitResult[] {
  const halvesBy = new Map(labels.map((l) => [l, splitHalves(scored.get(l)!)]));
  const results: SplitResult[] = [];
  for (const sel of [0, 1]) {
    const other = 1 - sel;
    let best = { label: "", score: -Infinity, threshold: 0 };
    for (const l of labels) {
      const r = sweepCorpus(halvesBy.get(l)![sel], NAB_PROFILES.standard);
      if (r.normalized > best.score) best = { label: l, score: r.normalized, threshold: r.threshold };
    }
    const lowFpThreshold = sweepCorpus(halvesBy.get(best.label)![sel], NAB_PROFILES.reward_low_FP_rate).threshold;
    results.push({
      selectedOn: sel,
      chosen: best.label,
      threshold: best.threshold,
      selectionScore: best.score,
      heldOutScore: normalizedAt(halvesBy.get(best.label)![other], NAB_PROFILES.standard, best.threshold),
      defaultsHeldOutSwept: sweepCorpus(halvesBy.get("defaults")![other], NAB_PROFILES.standard).normalized,
      heldOutLowFp: normalizedAt(halvesBy.get(best.label)![other], NAB_PROFILES.reward_low_FP_rate, lowFpThreshold),
    });
  }
  return results;
}

function main(): void {
  const mode = process.argv[2] ?? "split";
  if (mode !== "split" && mode !== "sensitivity") {
    console.error("usage: node --import tsx lib/anomalies/nab/generalization.ts [split|sensitivity] [nab dir]");
    process.exit(2);
  }
  const nabDir = resolve(process.cwd(), process.argv[3] ?? "../shared/nab");
  const cands = candidates();
  const scored = new Map<string, ScoredSeries[]>();
  for (const c of cands) scored.set(c.label, scoreCorpus(nabDir, c.options));
  if (mode === "sensitivity") {
    const fmt = (l: string) => {
      const c = scored.get(l)!;
      return `${sweepCorpus(c, NAB_PROFILES.standard).normalized.toFixed(2)} / ${sweepCorpus(c, NAB_PROFILES.reward_low_FP_rate).normalized.toFixed(2)}`;
    };
    console.log(`defaults: ${fmt("defaults")} (standard / low-FP)`);
    console.log("| option (default) | half | double |\n|---|---|---|");
    for (const key of TUNED_OPTIONS) {
      const [h, d] = cands.filter((c) => c.label.startsWith(`${key} `)).map((c) => c.label);
      console.log(`| ${key} (${DEFAULT_DETECTOR_OPTIONS[key]}) | ${fmt(h)} | ${fmt(d)} |`);
    }
    return;
  }
  const [a, b] = splitHalves(scored.get("defaults")!);
  console.log(`half 0: ${a.length} files, ${a.reduce((s, x) => s + x.windows.length, 0)} windows; half 1: ${b.length} files, ${b.reduce((s, x) => s + x.windows.length, 0)} windows`);
  console.log(`${cands.length} candidate settings (defaults, each tuned option halved or doubled)`);
  const t = DEFAULT_DETECTOR_OPTIONS.threshold;
  const full = scored.get("defaults")!;
  console.log(
    `defaults at their own alert threshold ${t} (no sweep): full ${normalizedAt(full, NAB_PROFILES.standard, t).toFixed(2)}, ` +
      `half 0 ${normalizedAt(a, NAB_PROFILES.standard, t).toFixed(2)}, half 1 ${normalizedAt(b, NAB_PROFILES.standard, t).toFixed(2)} (standard)`,
  );
  for (const r of splitHalfCheck(scored, cands.map((c) => c.label))) {
    console.log(
      `select on half ${r.selectedOn}: "${r.chosen}" (t=${r.threshold.toFixed(3)}) ${r.selectionScore.toFixed(2)} there; ` +
        `held-out half ${1 - r.selectedOn}: standard ${r.heldOutScore.toFixed(2)} at that threshold, low-FP ${r.heldOutLowFp.toFixed(2)}; ` +
        `defaults swept on the held-out half: ${r.defaultsHeldOutSwept.toFixed(2)}`,
    );
  }
}

if (process.argv[1]?.endsWith("generalization.ts")) main();
