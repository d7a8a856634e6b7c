import "server-only";
/**
 * The Prometheus HTTP API's query_range, for pulling the same series from an existing Prometheus
 * instead of scraping: request building, the envelope's errors as CollectorErrors, and the matrix
 * regrouped into one list of samples per timestamp (what a scrape would have seen at that instant).
 */
import { z } from "zod";
import { CollectorError } from "@/lib/source-contract/collector";
import { getText, safeUrl } from "./http-fetch";
import { canonicalLabels, canonicalName, parseValue, type Sample } from "./prom-text";

const envelope = z.object({
  status: z.enum(["success", "error"]),
  data: z
    .object({
      resultType: z.string(),
      result: z.array(z.object({ metric: z.record(z.string(), z.string()), values: z.array(z.tuple([z.number(), z.string()])).optional() })),
    })
    .optional(),
  errorType: z.string().optional(),
  error: z.string().optional(),
  warnings: z.array(z.string()).optional(),
});

const quote = (v: string) => `"${v.replace(/\\/g, "\\\\").replace(/"/g, '\\"').replace(/\n/g, "\\n")}"`;
const regexEscape = (s: string) => s.replace(/[.*+?^${}()|[\]\\]/g, "\\$&");

/** {__name__=~"a|b", k="v"}: every metric a kind reads in one query, narrowed by the source's matchers. */
export function selector(names: string[], match: Record<string, string> = {}): string {
  const parts = [`__name__=~${quote(names.map(regexEscape).join("|"))}`, ...Object.entries(match).map(([k, v]) => `${k}=${quote(v)}`)];
  return `{${parts.join(",")}}`;
}

export async function queryRange(
  baseUrl: string,
  query: string,
  startMs: number,
  endMs: number,
  stepS: number,
  opts: { bearerToken?: string; signal: AbortSignal },
): Promise<Map<number, Sample[]>> {
  const url = new URL(baseUrl.replace(/\/+$/, "") + "/api/v1/query_range");
  url.searchParams.set("query", query);
  url.searchParams.set("start", (startMs / 1000).toFixed(3));
  url.searchParams.set("end", (endMs / 1000).toFixed(3));
  url.searchParams.set("step", String(stepS));
  const res = await getText(url.toString(), { bearerToken: opts.bearerToken, signal: opts.signal, timeoutMs: 30_000, what: "Prometheus", accept: "application/json" });
  let body: z.infer<typeof envelope>;
  try {
    body = envelope.parse(JSON.parse(res.text));
  } catch {
    if (res.status === 404) throw new CollectorError(`No Prometheus API at ${safeUrl(baseUrl)} (404 for /api/v1/query_range): base_url must be the Prometheus address without /api/v1.`, "config");
    if (res.status >= 500) throw new CollectorError(`Prometheus at ${safeUrl(baseUrl)} answered ${res.status}; will retry.`, "unavailable");
    throw new CollectorError(`Prometheus at ${safeUrl(baseUrl)} answered ${res.status} with a body that is not a query_range envelope; is base_url a Prometheus server?`, "bad_response");
  }
  if (body.status === "error" || res.status !== 200) {
    const words = `${body.errorType ?? "error"}: ${body.error ?? "no message"}`;
    if (res.status === 503 || res.status >= 500 || body.errorType === "timeout" || body.errorType === "unavailable") {
      throw new CollectorError(`Prometheus at ${safeUrl(baseUrl)} could not run the query (${res.status} ${words}); will retry.`, "unavailable");
    }
    // 400 bad_data / 422 execution: the query we built from this source's config is at fault.
    throw new CollectorError(`Prometheus at ${safeUrl(baseUrl)} refused the query (${res.status} ${words}); check this source's match labels.`, "config");
  }
  if (!body.data || body.data.resultType !== "matrix") throw new CollectorError(`Prometheus at ${safeUrl(baseUrl)} answered a ${body.data?.resultType ?? "missing"} result; expected a matrix.`, "bad_response");
  const byTs = new Map<number, Sample[]>();
  for (const series of body.data.result) {
    const { __name__: rawName, ...rest } = series.metric;
    if (!rawName || rawName.endsWith("_created")) continue;
    const name = canonicalName(rawName);
    const labels = canonicalLabels(rest);
    for (const [t, v] of series.values ?? []) {
      const ms = Math.round(t * 1000);
      let list = byTs.get(ms);
      if (!list) byTs.set(ms, (list = []));
      list.push({ name, labels, value: parseValue(name, v) });
    }
  }
  return byTs;
}
