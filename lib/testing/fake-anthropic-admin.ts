/**
 * A fake Anthropic Admin API for tests: a real HTTP server on 127.0.0.1 speaking the exact envelopes
 * of `GET /v1/organizations/usage_report/messages` and `GET /v1/organizations/cost_report` (fixture
 * 02-anthropic-admin-usage-cost.txt): RFC 3339 windows, nested cache_creation 5m/1h, cost amounts as
 * decimal strings in CENTS, group_by[], page/next_page pagination, the open hour growing as the clock
 * moves, 429 with Retry-After on every Nth request, and 401 with Anthropic's error body for any other
 * key. `totals()` says what it served.
 *
 * CLI: `node --import tsx lib/testing/fake-anthropic-admin.ts --port N [--days N] [--key K]`
 */
import http from "node:http";
import { pathToFileURL } from "node:url";
import {
  bucketStarts, cliArgs, DAY_MS, FakeBillingData, HOUR_MS, pageToken, readPageToken, scaledToDecimal, sumTokens,
  type FakeGroup, type FakeHourRow, type FakeRates, type FakeTokens,
} from "./fake-billing-data";
import { listen, type FakeAdminServer } from "./fake-openai-admin";

export type FakeAnthropicOptions = {
  port?: number;
  days?: number;
  now?: () => Date;
  adminKey?: string;
  groups?: FakeGroup[];
  rateLimitEvery?: number;
  retryAfterSeconds?: number;
  mutate?: (path: string, body: Record<string, unknown>) => unknown;
};

export const ANTHROPIC_TEST_KEY = "sk-ant-admin01-fake-0123456789abcdef";

export const ANTHROPIC_RATES: Record<string, FakeRates> = {
  "claude-sonnet-4-20250514": { inputUncached: 3_000_000, cacheRead: 300_000, cacheWrite5m: 3_750_000, cacheWrite1h: 6_000_000, output: 15_000_000 },
  "claude-3-5-haiku-20241022": { inputUncached: 800_000, cacheRead: 80_000, cacheWrite5m: 1_000_000, cacheWrite1h: 1_600_000, output: 4_000_000 },
};
const DEFAULT_GROUPS: FakeGroup[] = ["alpha", "beta"].flatMap((w) =>
  Object.keys(ANTHROPIC_RATES).map((model) => ({ project: `wrkspc_${w}`, apiKey: `apikey_${w}`, model })),
);
const TOKEN_TYPES: [keyof FakeTokens, string, string][] = [
  ["inputUncached", "uncached_input_tokens", "Input Tokens"],
  ["cacheRead", "cache_read_input_tokens", "Cache Read Tokens"],
  ["cacheWrite5m", "cache_creation.ephemeral_5m_input_tokens", "Cache Write 5m Tokens"],
  ["cacheWrite1h", "cache_creation.ephemeral_1h_input_tokens", "Cache Write 1h Tokens"],
  ["output", "output_tokens", "Output Tokens"],
];
/** web search: a flat 1 cent per workspace per active hour, a cost with no model */
const SEARCH_PICO_PER_ROW = 10_000_000_000n;

type CostLine = { day: number; workspace: string; description: string; model: string | null; costType: string; tokenType: string | null; pico: bigint };

function costLines(rows: FakeHourRow[]): CostLine[] {
  const lines = new Map<string, CostLine>();
  const add = (l: CostLine) => {
    const k = `${l.day}|${l.workspace}|${l.description}`;
    const cur = lines.get(k);
    if (cur) cur.pico += l.pico;
    else lines.set(k, { ...l });
  };
  for (const r of rows) {
    const day = Math.floor(r.hour / DAY_MS) * DAY_MS;
    const rate = ANTHROPIC_RATES[r.model] ?? ANTHROPIC_RATES["claude-3-5-haiku-20241022"];
    for (const [bucket, tokenType, label] of TOKEN_TYPES) {
      if (r.tokens[bucket] === 0) continue;
      add({ day, workspace: r.project, description: `${r.model} Usage - ${label}`, model: r.model, costType: "tokens", tokenType, pico: BigInt(r.tokens[bucket] * rate[bucket]) });
    }
    add({ day, workspace: r.project, description: "Web Search", model: null, costType: "web_search", tokenType: null, pico: SEARCH_PICO_PER_ROW });
  }
  return [...lines.values()];
}

export function startFakeAnthropicAdmin(opts: FakeAnthropicOptions = {}): Promise<FakeAdminServer> {
  const data = new FakeBillingData({ days: opts.days, now: opts.now, groups: opts.groups ?? DEFAULT_GROUPS, withCacheWrite1h: true });
  const key = opts.adminKey ?? ANTHROPIC_TEST_KEY;
  const counts = { total: 0, rateLimited: 0, unauthorized: 0 };
  const send = (res: http.ServerResponse, status: number, body: unknown, headers: Record<string, string> = {}) => {
    res.writeHead(status, { "content-type": "application/json", "request-id": `req_fake${counts.total}`, ...headers });
    res.end(JSON.stringify(body));
  };
  const error = (res: http.ServerResponse, status: number, type: string, message: string, headers: Record<string, string> = {}) =>
    send(res, status, { type: "error", error: { type, message }, request_id: `req_fake${counts.total}` }, headers);

  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? "/", "http://x");
    counts.total++;
    if (req.headers["x-api-key"] !== key) {
      counts.unauthorized++;
      return error(res, 401, "authentication_error", "invalid x-api-key");
    }
    if (!req.headers["anthropic-version"]) return error(res, 400, "invalid_request_error", "anthropic-version: header is required");
    if (opts.rateLimitEvery && counts.total % opts.rateLimitEvery === 0) {
      counts.rateLimited++;
      return error(res, 429, "rate_limit_error", "Number of requests has exceeded your rate limit. Please try again later.", { "retry-after": String(opts.retryAfterSeconds ?? 1) });
    }
    const kind = url.pathname === "/v1/organizations/usage_report/messages" ? "usage" : url.pathname === "/v1/organizations/cost_report" ? "cost" : null;
    if (!kind || req.method !== "GET") return error(res, 404, "not_found_error", "Not found");
    const startText = url.searchParams.get("starting_at");
    const start = startText ? Date.parse(startText) : NaN;
    if (Number.isNaN(start)) return error(res, 400, "invalid_request_error", "starting_at: Field required (RFC 3339)");
    const endText = url.searchParams.get("ending_at");
    const end = endText ? Date.parse(endText) : data.now().getTime() + DAY_MS;
    const width = url.searchParams.get("bucket_width") ?? "1d";
    if (kind === "cost" && width !== "1d") return error(res, 400, "invalid_request_error", "bucket_width: only 1d is supported");
    if (width !== "1h" && width !== "1d") return error(res, 400, "invalid_request_error", "bucket_width: this fake serves 1h and 1d");
    const widthMs = width === "1h" ? HOUR_MS : DAY_MS;
    const [def, max] = width === "1h" ? [24, 168] : [7, 31];
    const limit = Number(url.searchParams.get("limit") ?? def);
    if (!Number.isInteger(limit) || limit < 1 || limit > max) return error(res, 400, "invalid_request_error", `limit: must be between 1 and ${max}`);
    const pageStart = readPageToken(url.searchParams.get("page"));
    if (Number.isNaN(pageStart)) return error(res, 400, "invalid_request_error", "page: invalid cursor");
    const groupBy = new Set(url.searchParams.getAll("group_by[]"));
    const iso = (t: number) => new Date(t).toISOString().replace(/\.\d{3}Z$/, "Z");

    const all = bucketStarts(start, end, widthMs, data.now().getTime()).filter((b) => pageStart === null || b >= pageStart);
    const page = all.slice(0, limit);
    const buckets = page.map((b) => {
      const rows = data.rows(b, b + widthMs);
      return { starting_at: iso(b), ending_at: iso(b + widthMs), results: kind === "usage" ? usageResults(rows, groupBy) : costResults(rows, groupBy) };
    });
    const more = all.length > page.length;
    const body = { data: buckets, has_more: more, next_page: more ? pageToken(all[page.length]) : null };
    send(res, 200, opts.mutate ? opts.mutate(url.pathname, body) : body);
  });

  return listen(server, opts.port ?? 0, "", {
    totals: (from, to) => {
      const f = from?.getTime() ?? data.start;
      const t = to?.getTime() ?? data.now().getTime() + DAY_MS;
      const rows = data.rows(f, t);
      return {
        ...sumTokens(rows),
        // The usage report counts no requests.
        requests: 0,
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
    const k = [groupBy.has("workspace_id") ? r.project : "", groupBy.has("api_key_id") ? r.apiKey : "", groupBy.has("model") ? r.model : ""].join("|");
    groups.set(k, [...(groups.get(k) ?? []), r]);
  }
  return [...groups.values()].map((rs) => {
    const t = sumTokens(rs);
    const r0 = rs[0];
    return {
      uncached_input_tokens: t.inputUncached,
      cache_creation: { ephemeral_1h_input_tokens: t.cacheWrite1h, ephemeral_5m_input_tokens: t.cacheWrite5m },
      cache_read_input_tokens: t.cacheRead,
      output_tokens: t.output,
      server_tool_use: { web_search_requests: rs.length },
      api_key_id: groupBy.has("api_key_id") ? r0.apiKey : null,
      workspace_id: groupBy.has("workspace_id") ? r0.project : null,
      model: groupBy.has("model") ? r0.model : null,
      service_tier: groupBy.has("service_tier") ? "standard" : null,
      context_window: groupBy.has("context_window") ? "0-200k" : null,
    };
  });
}

function costResults(rows: FakeHourRow[], groupBy: Set<string>) {
  const sums = new Map<string, CostLine & { grouped: boolean }>();
  for (const l of costLines(rows)) {
    const workspace = groupBy.has("workspace_id") ? l.workspace : "";
    const description = groupBy.has("description") ? l.description : "";
    const k = `${workspace}|${description}`;
    const s = sums.get(k);
    if (s) s.pico += l.pico;
    else sums.set(k, { ...l, workspace, description, grouped: groupBy.has("description") });
  }
  return [...sums.values()].map((s) => ({
    currency: "USD",
    // Cents, as a decimal string: 1 cent = 1e10 pico-dollars.
    amount: scaledToDecimal(s.pico, 10),
    workspace_id: groupBy.has("workspace_id") ? s.workspace : null,
    description: s.grouped ? s.description : null,
    cost_type: s.grouped ? s.costType : null,
    context_window: s.grouped && s.model ? "0-200k" : null,
    model: s.grouped ? s.model : null,
    service_tier: s.grouped && s.model ? "standard" : null,
    token_type: s.grouped ? s.tokenType : null,
  }));
}

if (process.argv[1] && import.meta.url === pathToFileURL(process.argv[1]).href) {
  const a = cliArgs(process.argv.slice(2));
  startFakeAnthropicAdmin({ port: a.port, days: a.days, adminKey: a.key }).then((s) => console.log(`fake Anthropic admin API listening at ${s.url}`));
}
