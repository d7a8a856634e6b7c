/** Reading a NAB-style corpus (data, label windows, cost profiles, result CSVs) from disk. */
import { existsSync, readdirSync, readFileSync } from "node:fs";
import { join } from "node:path";
import { NAB_PROFILES, type CostProfile, type ProfileName, type ScoredSeries } from "./scorer";

/** NAB timestamps are naive "YYYY-MM-DD HH:MM:SS[.ffffff]"; read them as UTC so DST never shifts rows. */
export function parseNabTime(s: string): number {
  const t = Date.parse(s.trim().slice(0, 19).replace(" ", "T") + "Z");
  if (Number.isNaN(t)) throw new Error(`bad timestamp: ${s}`);
  return t;
}

export function formatNabTime(ms: number): string {
  return new Date(ms).toISOString().slice(0, 19).replace("T", " ");
}

export interface CsvTable {
  header: string[];
  rows: string[][];
}

export function readCsv(path: string): CsvTable {
  const lines = readFileSync(path, "utf8").split(/\r?\n/).filter((l) => l.length > 0);
  const [head, ...rest] = lines;
  return { header: head.split(","), rows: rest.map((l) => l.split(",")) };
}

/** A data series: "category/name.csv" key, timestamps (ms) and values. */
export interface NabSeries {
  key: string;
  timestamps: number[];
  values: number[];
}

/** Every `<dataDir>/<category>/<name>.csv`, sorted by key. */
export function listDataFiles(dataDir: string): string[] {
  const keys: string[] = [];
  for (const category of readdirSync(dataDir, { withFileTypes: true })) {
    if (!category.isDirectory()) continue;
    for (const f of readdirSync(join(dataDir, category.name))) {
      if (f.endsWith(".csv")) keys.push(`${category.name}/${f}`);
    }
  }
  return keys.sort();
}

export function readSeries(dataDir: string, key: string): NabSeries {
  const { header, rows } = readCsv(join(dataDir, key));
  const ti = header.indexOf("timestamp");
  const vi = header.indexOf("value");
  if (ti < 0 || vi < 0) throw new Error(`${key}: expected timestamp,value header`);
  return {
    key,
    timestamps: rows.map((r) => parseNabTime(r[ti])),
    values: rows.map((r) => Number(r[vi])),
  };
}

export function readWindows(nabDir: string): Record<string, [number, number][]> {
  const raw = JSON.parse(readFileSync(join(nabDir, "labels", "combined_windows.json"), "utf8")) as Record<
    string,
    [string, string][]
  >;
  const out: Record<string, [number, number][]> = {};
  for (const [key, wins] of Object.entries(raw)) {
    out[key] = wins.map(([a, b]) => [parseNabTime(a), parseNabTime(b)]);
  }
  return out;
}

/** Cost profiles from config/profiles.json when present, else the NAB defaults. */
export function readProfiles(nabDir: string): Record<ProfileName, CostProfile> {
  const path = join(nabDir, "config", "profiles.json");
  if (!existsSync(path)) return NAB_PROFILES;
  const raw = JSON.parse(readFileSync(path, "utf8")) as Record<
    string,
    { CostMatrix: { tpWeight: number; fnWeight: number; fpWeight: number } }
  >;
  const out = { ...NAB_PROFILES };
  for (const name of Object.keys(out) as ProfileName[]) {
    const m = raw[name]?.CostMatrix;
    if (m) out[name] = { tp: m.tpWeight, fn: m.fnWeight, fp: m.fpWeight };
  }
  return out;
}

/**
 * Find the result CSV for a data key: `<resultsDir>/<category>/<name>.csv`, or NAB's own
 * naming `<resultsDir>/<category>/<detector>_<name>.csv`.
 */
export function findResultFile(resultsDir: string, key: string): string | null {
  const [category, file] = key.split("/");
  const dir = join(resultsDir, category);
  if (!existsSync(dir)) return null;
  const direct = join(dir, file);
  if (existsSync(direct)) return direct;
  const match = readdirSync(dir).find((f) => f.endsWith(`_${file}`));
  return match ? join(dir, match) : null;
}

/** Load every labelled file's scores from a results dir, ready for the scorer. */
export function loadScoredCorpus(nabDir: string, resultsDir: string): ScoredSeries[] {
  const windows = readWindows(nabDir);
  const corpus: ScoredSeries[] = [];
  for (const key of Object.keys(windows).sort()) {
    const path = findResultFile(resultsDir, key);
    if (!path) throw new Error(`no result file for ${key} in ${resultsDir}`);
    const { header, rows } = readCsv(path);
    const ti = header.indexOf("timestamp");
    const si = header.indexOf("anomaly_score");
    if (ti < 0 || si < 0) throw new Error(`${path}: expected timestamp and anomaly_score columns`);
    corpus.push({
      name: key,
      timestamps: rows.map((r) => parseNabTime(r[ti])),
      scores: rows.map((r) => Number(r[si])),
      windows: windows[key],
    });
  }
  return corpus;
}
