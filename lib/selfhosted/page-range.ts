/** The page's range (?range=24h|7d|30d|60d, default 7d) and chosen deployment. Pure. */
const RANGES = { "24h": 1, "7d": 7, "30d": 30, "60d": 60 } as const;
export type RangeLabel = keyof typeof RANGES;

export function pageRange(sp: Record<string, string | string[] | undefined>, nowMs: number): { label: RangeLabel; fromMs: number; toMs: number; deployment?: string } {
  const raw = typeof sp.range === "string" ? sp.range : "7d";
  const label = (raw in RANGES ? raw : "7d") as RangeLabel;
  // up to the next full hour so the current hour's samples are in
  const toMs = Math.ceil(nowMs / 3_600_000) * 3_600_000;
  return { label, fromMs: toMs - RANGES[label] * 86_400_000, toMs, deployment: typeof sp.deployment === "string" ? sp.deployment : undefined };
}
