/**
 * A fake OpenAI admin API for tests: a real HTTP server on 127.0.0.1 speaking the exact envelopes of
 * `GET /v1/organization/usage/completions` and `GET /v1/organization/costs` (fixture
 * 01-openai-usage-costs.txt): unix-second windows, bucket_width limits, group_by[], page/next_page
 * pagination, the open hour growing as the clock moves, 429 with Retry-After on every Nth request, and
 * 401 with OpenAI's error body for any other key. It stands in only for what cannot exist here (the
 * real API); `totals()` says what it served so tests compare every token bucket and dollar.
 *
 * CLI: `node --import tsx lib/testing/fake-openai-admin.ts --port N [--days N] [--key K]`
 */
import http from "node:http";
import { pathToFileURL } from "node:url";
import {
  bucketStarts, cliArgs, DAY_MS, FakeBillingData, HOUR_MS, pageToken, readPageToken, scaledToDecimal, sumTokens,
  type FakeGroup, type FakeHourRow, type FakeRates, type FakeTotals,
} from "./fake-billing-data";

export type FakeOpenAIOptions = {
  port?: number;
  days?: number;
  now?: () => Date;
  adminKey?: string;
  groups?: FakeGroup[];
  /** answer every Nth data request with 429 (0 = never) */
  rateLimitEvery?: number;
  retryAfterSeconds?: number;
  /** rewrite a JSON body before it is sent (tests of malformed answers) */
  mutate?: (path: string, body: Record<string, unknown>) => unknown;
};

export type FakeAdminServer = {
  url: string;
  totals: (from?: Date, to?: Date) => FakeTotals;
  requests: () => { total: number; rateLimited: number; unauthorized: number };
  close: () => Promise<void>;
};

export const OPENAI_TEST_KEY = "sk-admin-fake-0123456789abcdef";

export const OPENAI_RATES: Record<string, FakeRates> = {
  "gpt-4o-2024-08-06": { inputUncached: 2_500_000, cacheRead: 1_250_000, cacheWrite5m: 2_500_000, cacheWrite1h: 2_500_000, output: 10_000_000 },
  "gpt-4o-mini-2024-07-18": { inputUncached: 150_000, cacheRead: 75_000, cacheWrite5m: 150_000, cacheWrite1h: 150_000, output: 600_000 },
};
const DEFAULT_GROUPS: FakeGroup[] = ["alpha", "beta"].flatMap((p) =>
  Object.keys(OPENAI_RATES).map((model) => ({ project: `proj_${p}`, apiKey: `key_${p}`, model })),
);
/** a line item with no model: a flat 1 cent per project per active hour */
const TOOL_PICO_PER_ROW = 10_000_000_000n;

type CostLine = { day: number; project: string; lineItem: string; pico: bigint };

function costLines(rows: FakeHourRow[]): CostLine[] {
  const lines = new Map<string, CostLine>();
  const add = (day: number, project: string, lineItem: string, pico: bigint) => {
    const k = `${day}|${project}|${lineItem}`;
    const l = lines.get(k) ?? { day, project, lineItem, pico: 0n };
    l.pico += pico;
    lines.set(k, l);
  };
  for (const r of rows) {
    const day = Math.floor(r.hour / DAY_MS) * DAY_MS;
    const rate = OPENAI_RATES[r.model] ?? OPENAI_RATES["gpt-4o-mini-2024-07-18"];
    const t = r.tokens;
    add(day, r.project, `${r.model}, input`, BigInt(t.inputUncached * rate.inputUncached + t.cacheWrite5m * rate.cacheWrite5m));
    add(day, r.project, `${r.model}, cached input`, BigInt(t.cacheRead * rate.cacheRead));
    add(day, r.project, `${r.model}, output`, BigInt(t.output * rate.output));
    add(day, r.project, "web search tool calls", TOOL_PICO_PER_ROW);
  }
  return [...lines.values()];
}

export function startFakeOpenAIAdmin(opts: FakeOpenAIOptions = {}): Promise<FakeAdminServer> {
  const data = new FakeBillingData({ days: opts.days, now: opts.now, groups: opts.groups ?? DEFAULT_GROUPS, withCacheWrite1h: false });
  const key = opts.adminKey ?? OPENAI_TEST_KEY;
  const counts = { total: 0, rateLimited: 0, unauthorized: 0 };

  const send = (res: http.ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) => {
    res.writeHead(status, { "content-type": "application/json", ...headers });
    res.end(JSON.stringify(body));
  };
  const invalid = (res: http.ServerResponse, message: string, param: string | null) =>
    send(res, 400, { error: { message, type: "invalid_request_error", param, code: null } });

  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? "/", "http://x");
    counts.total++;
    if (req.headers.authorization !== `Bearer ${key}`) {
      counts.unauthorized++;
      const shown = String(req.headers.authorization ?? "").replace(/^Bearer\s+/, "");
      return send(res, 401, {
        error: {
          message: `Incorrect API key provided: ${shown.slice(0, 8)}****${shown.slice(-4)}. You can find your API key at https://platform.openai.com/account/api-keys.`,
          type: "invalid_request_error",
          param: null,
          code: "invalid_api_key",
        },
      });
    }
    if (opts.rateLimitEvery && counts.total % opts.rateLimitEvery === 0) {
      counts.rateLimited++;
      return send(
        res,
        429,
        { error: { message: "Rate limit reached for requests per min (RPM). Please try again later.", type: "requests", param: null, code: "rate_limit_exceeded" } },
        { "retry-after": String(opts.retryAfterSeconds ?? 1) },
      );
    }
    const kind = url.pathname === "/v1/organization/usage/completions" ? "usage" : url.pathname === "/v1/organization/costs" ? "costs" : null;
    if (!kind || req.method !== "GET") return send(res, 404, { error: { message: `Invalid URL (${req.method} ${url.pathname})`, type: "invalid_request_error", param: null, code: null } });
    const start = Number(url.searchParams.get("start_time"));
    if (!url.searchParams.get("start_time") || !Number.isInteger(start)) return invalid(res, "start_time is required and must be an integer", "start_time");
    const end = url.searchParams.get("end_time") ? Number(url.searchParams.get("end_time")) : Math.floor(data.now().getTime() / 1000) + 86_400;
    const width = url.searchParams.get("bucket_width") ?? "1d";
    if (kind === "costs" && width !== "1d") return invalid(res, "bucket_width must be 1d for costs", "bucket_width");
    if (width !== "1h" && width !== "1d") return invalid(res, "bucket_width must be one of 1m, 1h, 1d (this fake serves 1h and 1d)", "bucket_width");
    const widthMs = width === "1h" ? HOUR_MS : DAY_MS;
    const [def, max] = kind === "costs" ? [7, 180] : width === "1h" ? [24, 168] : [7, 31];
    const limit = Number(url.searchParams.get("limit") ?? def);
    if (!Number.isInteger(limit) || limit < 1 || limit > max) return invalid(res, `limit must be between 1 and ${max} for bucket_width ${width}`, "limit");
    const pageStart = readPageToken(url.searchParams.get("page"));
    if (Number.isNaN(pageStart)) return invalid(res, "invalid page cursor", "page");
    const groupBy = new Set(url.searchParams.getAll("group_by[]"));

    const all = bucketStarts(start * 1000, end * 1000, widthMs, data.now().getTime()).filter((b) => pageStart === null || b >= pageStart);
    const page = all.slice(0, limit);
    const buckets = page.map((b) => {
      const rows = data.rows(b, b + widthMs);
      return { object: "bucket", start_time: b / 1000, end_time: (b + widthMs) / 1000, results: kind === "usage" ? usageResults(rows, groupBy) : costResults(rows, groupBy) };
    });
    const more = all.length > page.length;
    const body = { object: "page", data: buckets, has_more: more, next_page: more ? pageToken(all[page.length]) : null };
    send(res, 200, opts.mutate ? opts.mutate(url.pathname, body) : body);
  });

  return listen(server, opts.port ?? 0, "/v1", {
    totals: (from, to) => {
      const f = from?.getTime() ?? data.start;
      const t = to?.getTime() ?? data.now().getTime() + DAY_MS;
      const rows = data.rows(f, t);
      return {
        ...sumTokens(rows),
        requests: rows.reduce((s, r) => s + r.requests, 0),
        usageRows: rows.length,
        costPico: costLines(data.rows(Math.floor(f / DAY_MS) * DAY_MS, Math.ceil(t / DAY_MS) * DAY_MS))
          .filter((l) => l.day >= f && l.day < t)
          .reduce((s, l) => s + l.pico, 0n),
      };
    },
    requests: () => ({ ...counts }),
  });
}

function usageResults(rows: FakeHourRow[], groupBy: Set<string>) {
  const groups = new Map<string, FakeHourRow[]>();
  for (const r of rows) {
    const k = [groupBy.has("project_id") ? r.project : "", groupBy.has("api_key_id") ? r.apiKey : "", groupBy.has("model") ? r.model : ""].join("|");
    groups.set(k, [...(groups.get(k) ?? []), r]);
  }
  return [...groups.values()].map((rs) => {
    const t = sumTokens(rs);
    const r0 = rs[0];
    const input = t.inputUncached + t.cacheRead + t.cacheWrite5m;
    return {
      object: "organization.usage.completions.result",
      input_tokens: input,
      input_cached_tokens: t.cacheRead,
      input_cache_write_tokens: t.cacheWrite5m,
      input_uncached_tokens: t.inputUncached,
      output_tokens: t.output,
      input_text_tokens: input,
      output_text_tokens: t.output,
      input_cached_text_tokens: t.cacheRead,
      input_audio_tokens: 0,
      input_cached_audio_tokens: 0,
      output_audio_tokens: 0,
      input_image_tokens: 0,
      input_cached_image_tokens: 0,
      output_image_tokens: 0,
      num_model_requests: rs.reduce((s, r) => s + r.requests, 0),
      project_id: groupBy.has("project_id") ? r0.project : null,
      user_id: null,
      api_key_id: groupBy.has("api_key_id") ? r0.apiKey : null,
      model: groupBy.has("model") ? r0.model : null,
      batch: groupBy.has("batch") ? false : null,
      service_tier: groupBy.has("service_tier") ? "default" : null,
    };
  });
}

function costResults(rows: FakeHourRow[], groupBy: Set<string>) {
  const sums = new Map<string, { project: string | null; lineItem: string | null; pico: bigint }>();
  for (const l of costLines(rows)) {
    const project = groupBy.has("project_id") ? l.project : null;
    const lineItem = groupBy.has("line_item") ? l.lineItem : null;
    const k = `${project}|${lineItem}`;
    const s = sums.get(k) ?? { project, lineItem, pico: 0n };
    s.pico += l.pico;
    sums.set(k, s);
  }
  return [...sums.values()].map((s) => ({
    object: "organization.costs.result",
    // Dollars as a JSON number, as OpenAI sends them; the decimal has few enough digits to read back exactly.
    amount: { value: Number(scaledToDecimal(s.pico, 12)), currency: "usd" },
    line_item: s.lineItem,
    project_id: s.project,
    api_key_id: null,
    quantity: null,
    quantity_unit: null,
  }));
}

export function listen(
  server: http.Server,
  port: number,
  basePath: string,
  rest: Pick<FakeAdminServer, "totals" | "requests">,
): Promise<FakeAdminServer> {
  return new Promise((resolve, reject) => {
    server.once("error", reject);
    server.listen(port, "127.0.0.1", () => {
      const addr = server.address() as { port: number };
      resolve({
        url: `http://127.0.0.1:${addr.port}${basePath}`,
        ...rest,
        close: () =>
          new Promise<void>((r) => {
            server.closeAllConnections();
            server.close(() => r());
          }),
      });
    });
  });
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const a = cliArgs(process.argv.slice(2));
  startFakeOpenAIAdmin({ port: a.port, days: a.days, adminKey: a.key }).then((s) => console.log(`fake OpenAI admin API listening at ${s.url}`));
}
