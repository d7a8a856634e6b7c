/**
 * Prometheus text exposition -> flat samples, with the quirks of the servers we scrape smoothed out:
 * `_created` series skipped (they are timestamps, not counts), histogram `_sum`/`_count` flattened so
 * TGI's token histograms read like counters, renamed metrics and labels mapped to their new names,
 * and every value that means "not available" (NaN, +/-Inf, DCGM's blank sentinels) turned into null
 * so it can never be averaged into a utilization or summed into a counter.
 */
import parsePrometheusTextFormat from "parse-prometheus-text-format";

export type Sample = { name: string; labels: Record<string, string>; value: number | null };

/**
 * DCGM marks missing values with "blank" sentinels (dcgm_structs.h): DCGM_INT32_BLANK 0x7ffffff0 and
 * DCGM_INT64_BLANK 0x7ffffffffffffff0, each followed by NOT_FOUND, NOT_SUPPORTED, NOT_PERMISSIONED
 * (+1..+3) and a few more up to +15, and DCGM_FP64_BLANK 2^47 (+0..+15) for doubles. No real GPU
 * reading (%, MiB, W, MHz, ratios) comes near 2^31, so anything at or above the smallest base is a
 * sentinel, for every DCGM_ series. Energy (mJ since boot) is the one field that may legitimately grow
 * large, but it reaches 2^31 mJ after ~6 h at 100 W, so it keeps only the INT64 threshold.
 */
const DCGM_INT32_BLANK = 0x7ffffff0;
const DCGM_INT64_BLANK = 9.2233720368547758e18 - 16 * 1024; // float64 cannot tell 2^63-16 from 2^63; compare with margin

export function isDcgmBlank(name: string, v: number): boolean {
  if (!name.startsWith("DCGM_")) return false;
  if (name === "DCGM_FI_DEV_TOTAL_ENERGY_CONSUMPTION") return v >= DCGM_INT64_BLANK;
  // INT32 blank < FP64 blank < INT64 blank: one threshold covers all three families.
  return v >= DCGM_INT32_BLANK;
}

/** Old name -> new name (vLLM renamed these in v0.10/v0.11; both appear in the wild). */
const RENAMED: Record<string, string> = {
  "vllm:gpu_cache_usage_perc": "vllm:kv_cache_usage_perc",
  "vllm:gpu_prefix_cache_queries": "vllm:prefix_cache_queries",
  "vllm:gpu_prefix_cache_hits": "vllm:prefix_cache_hits",
  "vllm:gpu_prefix_cache_queries_total": "vllm:prefix_cache_queries_total",
  "vllm:gpu_prefix_cache_hits_total": "vllm:prefix_cache_hits_total",
  "vllm:prefix_cache_queries": "vllm:prefix_cache_queries_total",
  "vllm:prefix_cache_hits": "vllm:prefix_cache_hits_total",
};

export function canonicalName(name: string): string {
  let n = name;
  for (let i = 0; i < 2 && RENAMED[n]; i++) n = RENAMED[n];
  return n;
}

/** dcgm-exporter renamed Hostname -> hostname (2026); older exporters still send Hostname. */
export function canonicalLabels(labels: Record<string, string> | undefined): Record<string, string> {
  if (!labels) return {};
  if (!("Hostname" in labels)) return labels;
  const { Hostname, ...rest } = labels;
  return { hostname: rest.hostname ?? Hostname, ...rest };
}

export function parseValue(name: string, raw: string | undefined): number | null {
  if (raw === undefined) return null;
  const v = Number(raw);
  if (!Number.isFinite(v)) return null; // NaN, +Inf, -Inf, garbage
  if (isDcgmBlank(name, v)) return null;
  return v;
}

type ParsedFamily = {
  name: string;
  type: string;
  metrics: { value?: string; labels?: Record<string, string>; sum?: string; count?: string; buckets?: Record<string, string>; quantiles?: Record<string, string> }[];
};

const escapeRegExp = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");
const lineFilters = new Map<string, RegExp>();

/**
 * Drops the sample lines of metrics not in `names` before the (regex-based) parser sees them: a vLLM
 * server exposes ~14 series per model and engine, mostly histogram buckets, of which we read a few.
 * The cut is one pass of the regular-expression engine over the text (a per-line JavaScript loop was
 * the largest share of a scrape's CPU). Old metric names that map to a wanted one are kept too. Counts
 * every sample line (not blank, not a comment) as exposed.
 */
function prefilterNames(text: string, names: ReadonlySet<string>, stats?: { exposed: number }): string {
  const key = [...names].sort().join("\n");
  let re = lineFilters.get(key);
  if (!re) {
    const all = new Set(names);
    for (const old of Object.keys(RENAMED)) if (names.has(canonicalName(old))) all.add(old);
    re = new RegExp(`^(?:# TYPE .*|(?:${[...all].map(escapeRegExp).join("|")})[{ \t].*)$`, "gm");
    lineFilters.set(key, re);
  }
  if (stats) stats.exposed += sampleLines(text);
  return (text.match(re) ?? []).join("\n") + "\n";
}

/** Lines that are neither blank nor comments (a plain loop: a regular expression cost as much as the cut). */
function sampleLines(text: string): number {
  let n = 0;
  for (let pos = 0; pos < text.length; ) {
    let nl = text.indexOf("\n", pos);
    if (nl === -1) nl = text.length;
    let c = text.charCodeAt(pos);
    if (c === 32 || c === 9) {
      let i = pos;
      while (i < nl && (text.charCodeAt(i) === 32 || text.charCodeAt(i) === 9)) i++;
      c = i < nl ? text.charCodeAt(i) : 10;
    }
    if (nl > pos && c !== 35 /* # */ && c !== 10 && c !== 13) n++;
    pos = nl + 1;
  }
  return n;
}

/**
 * Parses one scrape, limited to the metrics in `names` when given. Throws on
 * text that is not the exposition format (the caller turns it into a bad_response).
 */
export function parsePrometheusText(text: string, names?: ReadonlySet<string>, stats?: { exposed: number }): Sample[] {
  const cut = names ? prefilterNames(text, names, stats) : text;
  const keep = names ? (n: string) => names.has(n) : undefined;
  const families = parsePrometheusTextFormat(cut) as ParsedFamily[];
  const out: Sample[] = [];
  for (const fam of families) {
    const histo = fam.type === "HISTOGRAM" || fam.type === "SUMMARY";
    if (stats && !keep) stats.exposed += fam.metrics.length;
    if (fam.name.endsWith("_created")) continue;
    for (const m of fam.metrics) {
      const labels = canonicalLabels(m.labels);
      if (histo) {
        // Buckets are not needed for cost; _sum and _count are what token and time totals come from.
        for (const [suffix, raw] of [["_sum", m.sum], ["_count", m.count]] as const) {
          const name = canonicalName(fam.name + suffix);
          if (keep && !keep(name)) continue;
          out.push({ name, labels, value: parseValue(name, raw) });
        }
        continue;
      }
      const name = canonicalName(fam.name);
      if (keep && !keep(name)) continue;
      out.push({ name, labels, value: parseValue(name, m.value) });
    }
  }
  return out;
}
