/**
 * Steady traffic for the monitor tests and benchmarks: hourly Poisson requests per feature with a
 * daily shape (peak 14:00 UTC, no weekend dip so a test's day of the week does not matter), sent
 * through the product's ingest path. Deterministic for a seed.
 */
import { ingestEvents } from "@/lib/ingest/ingest-batch";
import { gaussian, seededRandom } from "@/lib/random/seeded";

const HOUR_MS = 3_600_000;

export type SteadySpec = {
  orgId: string;
  /** events are generated for [from, to) */
  from: Date;
  to: Date;
  features: { feature: string; team: string; perHour: number }[];
  seed?: number;
  idPrefix: string;
};

/** gpt-4o at $2.50 / $10 per Mtok: 1000 in + 200 out = $0.0045 a request. */
export const MODEL = "gpt-4o";
export const IN_TOKENS = 1000;
export const OUT_TOKENS = 200;

export function dailyShape(t: number): number {
  const h = new Date(t).getUTCHours();
  return 0.35 + 0.65 * Math.exp(-((h - 14) ** 2) / 18);
}

function poisson(rand: () => number, mean: number): number {
  const l = Math.exp(-mean);
  let k = 0;
  let p = 1;
  do {
    k++;
    p *= rand();
  } while (p > l);
  return k - 1;
}

export type TestEvent = Record<string, unknown>;

export function event(id: string, ts: number, feature: string, team: string, input = IN_TOKENS, output = OUT_TOKENS, model = MODEL): TestEvent {
  return {
    id,
    timestamp: new Date(ts).toISOString(),
    provider: "openai",
    model,
    project: "app",
    feature,
    team,
    customer: "acme",
    environment: "prod",
    usage: { input_tokens: input, output_tokens: output },
  };
}

export function* steadyEvents(spec: SteadySpec): Generator<TestEvent> {
  const rand = seededRandom(spec.seed ?? 7);
  let n = 0;
  for (let h = Math.floor(spec.from.getTime() / HOUR_MS) * HOUR_MS; h < spec.to.getTime(); h += HOUR_MS) {
    for (const f of spec.features) {
      const count = poisson(rand, f.perHour * dailyShape(h));
      for (let i = 0; i < count; i++) {
        const ts = h + Math.floor(rand() * HOUR_MS);
        if (ts < spec.from.getTime() || ts >= spec.to.getTime()) continue;
        const size = Math.exp(0.1 * gaussian(rand));
        yield event(`${spec.idPrefix}-${n++}`, ts, f.feature, f.team, Math.round(IN_TOKENS * size), Math.round(OUT_TOKENS * size));
      }
    }
  }
}

/** Sends events through ingestEvents (the HTTP route's own path), 1000 a batch; throws if any is refused. */
export async function ingestAll(orgId: string, events: Iterable<TestEvent>): Promise<number> {
  let batch: TestEvent[] = [];
  let total = 0;
  const flush = async () => {
    const res = await ingestEvents(orgId, "test", batch);
    if (res.accepted !== batch.length) throw new Error(`ingest refused events: ${JSON.stringify(res.results.filter((r) => r.status !== "accepted").slice(0, 3))}`);
    total += res.accepted;
    batch = [];
  };
  for (const e of events) {
    batch.push(e);
    if (batch.length === 1000) await flush();
  }
  if (batch.length) await flush();
  return total;
}
