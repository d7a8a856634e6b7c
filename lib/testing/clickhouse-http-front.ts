/**
 * TEST FIXTURE, never a way to deploy: a ClickHouse HTTP interface in front of the embedded engine,
 * so tests can run the product's server path (`CLICKHOUSE_URL`, several processes on one store) on
 * machines with no ClickHouse server. It speaks the part of the HTTP interface @clickhouse/client
 * uses: the query in the URL and/or the body (INSERT data after it), `param_<name>` bound
 * parameters (as text, parsed by the engine exactly as a server parses them), the `database`, settings as URL
 * parameters, gzip in both directions, `/ping`, and errors as a server sends them (status, the
 * `Code: N. DB::Exception: ... (TYPE)` body and the X-ClickHouse-Exception-Code header). It has no
 * users, no sessions and no query cancellation. Run it as its own process with
 * `node --import tsx lib/testing/clickhouse-http-front.ts --data <dir> [--port <n>]`.
 */
import http from "node:http";
import zlib from "node:zlib";
import { createChdbConnection } from "chdb/connection";

/** URL parameters that are not settings. */
const NOT_SETTINGS = new Set(["query", "query_id", "database", "default_format", "session_id", "session_timeout", "user", "password", "quota_key", "compress", "decompress"]);
const STATUS_BY_CODE: Record<string, number> = { "62": 400, "60": 404, "81": 404, "516": 401 };

export type HttpFront = { url: string; close(): Promise<void> };

export async function startClickhouseHttpFront(opts: { dataDir: string; port?: number }): Promise<HttpFront> {
  const conn = createChdbConnection({ path: opts.dataDir });
  // A server takes URLs up to 1 MiB (http_max_uri_size), where bound parameters travel; Node's default is 16 KiB.
  const server = http.createServer({ maxHeaderSize: 1024 * 1024 }, (req, res) => {
    handle(conn, req, res).catch((err: unknown) => {
      if (!res.headersSent) res.writeHead(500, { "content-type": "text/plain" });
      res.end(`Code: 1001. DB::Exception: ${err instanceof Error ? err.message : String(err)}. (STD_EXCEPTION)\n`);
    });
  });
  await new Promise<void>((resolve) => server.listen(opts.port ?? 0, "127.0.0.1", resolve));
  const { port } = server.address() as { port: number };
  return {
    url: `http://127.0.0.1:${port}`,
    close: async () => {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      server.closeAllConnections();
      await conn.close();
    },
  };
}

type Conn = ReturnType<typeof createChdbConnection>;

async function handle(conn: Conn, req: http.IncomingMessage, res: http.ServerResponse): Promise<void> {
  const url = new URL(req.url ?? "/", "http://front");
  if (url.pathname === "/ping") {
    res.writeHead(200, { "content-type": "text/plain" }).end("Ok.\n");
    return;
  }
  let body = await readBody(req);
  if (/gzip/i.test(String(req.headers["content-encoding"] ?? ""))) body = zlib.gunzipSync(body);
  const urlQuery = url.searchParams.get("query");
  const sql = urlQuery !== null ? (body.length ? `${urlQuery}\n${body.toString("utf8")}` : urlQuery) : body.toString("utf8");
  const params: string[] = [];
  const settings: Record<string, string> = {};
  for (const [k, v] of url.searchParams) {
    if (k.startsWith("param_")) params.push(`SET ${k} = ${sqlString(v)}`);
    else if (!NOT_SETTINGS.has(k)) settings[k] = v;
  }
  // The client names its database on every request; the connection is shared, so each request sets it.
  const database = url.searchParams.get("database") ?? "default";
  if (!/^[A-Za-z_][A-Za-z0-9_]*$/.test(database)) throw new Error(`database: expected an identifier, got ${JSON.stringify(database)}`);
  params.unshift(`USE ${database}`);
  const format = url.searchParams.get("default_format");
  if (format) settings.default_format = format;
  const gzip = settings.enable_http_compression === "1" && /gzip/i.test(String(req.headers["accept-encoding"] ?? ""));
  const queryId = url.searchParams.get("query_id") ?? crypto.randomUUID();
  let out: Buffer;
  let summary: unknown;
  try {
    const result = await conn.exec({ query: `${params.join("; ")}; ${sql}`, clickhouse_settings: settings });
    const chunks: Buffer[] = [];
    for await (const chunk of result.stream) chunks.push(Buffer.from(chunk as Uint8Array));
    out = Buffer.concat(chunks);
    summary = result.summary;
  } catch (err) {
    const e = err as { code?: string; type?: string; message?: string };
    const code = e.code ?? "1001";
    res.writeHead(STATUS_BY_CODE[code] ?? 500, { "content-type": "text/plain; charset=UTF-8", "x-clickhouse-exception-code": code, "x-clickhouse-query-id": queryId });
    res.end(`Code: ${code}. DB::Exception: ${e.message ?? String(err)}. (${e.type ?? "UNKNOWN_EXCEPTION"}) (version embedded)\n`);
    return;
  }
  const headers: http.OutgoingHttpHeaders = {
    "content-type": "text/plain; charset=UTF-8",
    "x-clickhouse-query-id": queryId,
    "x-clickhouse-timezone": "UTC",
    "x-clickhouse-summary": JSON.stringify(summary ?? {}),
  };
  if (gzip) {
    headers["content-encoding"] = "gzip";
    out = zlib.gzipSync(out);
  }
  res.writeHead(200, headers).end(out);
}

/** A SQL string literal whose value is exactly `text` (the engine then parses it as the parameter's type). */
function sqlString(text: string): string {
  return `'${text.replace(/\\/g, "\\\\").replace(/'/g, "\\'")}'`;
}

function readBody(req: http.IncomingMessage): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => resolve(Buffer.concat(chunks)));
    req.on("error", reject);
  });
}

// As its own process: prints the URL once listening, stops on SIGTERM.
if (import.meta.url === `file://${process.argv[1]}`) {
  const arg = (name: string) => {
    const i = process.argv.indexOf(name);
    return i > 0 ? process.argv[i + 1] : undefined;
  };
  const dataDir = arg("--data");
  if (!dataDir) {
    console.error("usage: clickhouse-http-front --data <dir> [--port <n>]");
    process.exit(2);
  }
  const front = await startClickhouseHttpFront({ dataDir, port: Number(arg("--port") ?? 0) });
  console.log(`listening ${front.url}`);
  process.on("SIGTERM", () => void front.close().then(() => process.exit(0)));
}
