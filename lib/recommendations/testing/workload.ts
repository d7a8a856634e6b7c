/**
 * Generated workloads for recommendation tests: evenly spread calls of one feature with exact token
 * counts, so the planted opportunity's size can be computed by hand from list prices.
 */
export type Shape = {
  feature: string;
  provider: string;
  model: string;
  team?: string;
  count: number;
  from: Date;
  to: Date;
  input: number | ((i: number, ts: Date) => number);
  output: number | ((i: number) => number);
  cacheRead?: number;
  status?: (i: number) => "ok" | "error";
  tags?: (i: number) => Record<string, string>;
};

export function* workload(s: Shape): Generator<Record<string, unknown>> {
  const span = s.to.getTime() - s.from.getTime();
  for (let i = 0; i < s.count; i++) {
    const ts = new Date(s.from.getTime() + Math.floor(((i + 0.5) * span) / s.count));
    const input = typeof s.input === "function" ? s.input(i, ts) : s.input;
    const output = typeof s.output === "function" ? s.output(i) : s.output;
    yield {
      id: `${s.feature}-${s.model}-${s.from.getTime()}-${i}`,
      timestamp: ts.toISOString(),
      provider: s.provider,
      model: s.model,
      feature: s.feature,
      team: s.team ?? "team-" + s.feature,
      status: s.status?.(i) ?? "ok",
      usage_format: "normalized",
      usage: { input_tokens: input, output_tokens: output, ...(s.cacheRead ? { cache_read_tokens: s.cacheRead } : {}) },
      tags: s.tags?.(i) ?? {},
    };
  }
}

/** Sends events through the real ingestion path, 1000 a batch; fails loudly on any rejected event. */
export async function ingestAll(orgId: string, events: Iterable<Record<string, unknown>>): Promise<number> {
  const { ingestEvents } = await import("@/lib/ingest/ingest-batch");
  let batch: unknown[] = [];
  let n = 0;
  const flush = async () => {
    const r = await ingestEvents(orgId, "test", batch, "test");
    if (r.accepted !== batch.length) throw new Error(`ingest refused events: ${JSON.stringify(r).slice(0, 500)}`);
    n += r.accepted;
    batch = [];
  };
  for (const e of events) {
    batch.push(e);
    if (batch.length === 1000) await flush();
  }
  if (batch.length) await flush();
  return n;
}

export const DAY = 86_400_000;
