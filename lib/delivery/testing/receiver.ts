/**
 * A real HTTP receiver on 127.0.0.1 for delivery tests: records every request (path, headers, raw
 * body, arrival time) and answers from a per-path script, then with the path's default status.
 */
import http from "node:http";
import type { AddressInfo } from "node:net";

export type Recorded = { path: string; headers: http.IncomingHttpHeaders; body: string; at: number };
export type Scripted = { status: number; headers?: Record<string, string>; body?: string; hangMs?: number };

export type Receiver = {
  url: (path: string) => string;
  requests: Recorded[];
  on: (path: string) => Recorded[];
  /** answers for the next requests to `path`, in order */
  script: (path: string, answers: Scripted[]) => void;
  /** resolves when `path` has received `count` requests */
  waitFor: (path: string, count: number, timeoutMs?: number) => Promise<Recorded[]>;
  close: () => Promise<void>;
};

export async function startReceiver(defaults: Record<string, number> = {}): Promise<Receiver> {
  const requests: Recorded[] = [];
  const scripts = new Map<string, Scripted[]>();
  const server = http.createServer((req, res) => {
    const chunks: Buffer[] = [];
    req.on("data", (c: Buffer) => chunks.push(c));
    req.on("end", () => {
      const path = (req.url ?? "/").split("?")[0];
      requests.push({ path, headers: req.headers, body: Buffer.concat(chunks).toString("utf8"), at: Date.now() });
      const answer = scripts.get(path)?.shift() ?? { status: defaults[path] ?? 200 };
      const reply = () => {
        res.writeHead(answer.status, { "content-type": "text/plain", ...(answer.headers ?? {}) });
        res.end(answer.body ?? (answer.status < 300 ? "ok" : "error"));
      };
      if (answer.hangMs) setTimeout(reply, answer.hangMs).unref();
      else reply();
    });
  });
  await new Promise<void>((resolve) => server.listen(0, "127.0.0.1", resolve));
  const port = (server.address() as AddressInfo).port;
  const on = (path: string) => requests.filter((r) => r.path === path);
  return {
    url: (path) => `http://127.0.0.1:${port}${path}`,
    requests,
    on,
    script: (path, answers) => scripts.set(path, [...(scripts.get(path) ?? []), ...answers]),
    waitFor: async (path, count, timeoutMs = 20_000) => {
      const until = Date.now() + timeoutMs;
      while (on(path).length < count) {
        if (Date.now() > until) throw new Error(`receiver: ${path} got ${on(path).length} of ${count} requests in ${timeoutMs} ms`);
        await new Promise((r) => setTimeout(r, 20));
      }
      return on(path);
    },
    close: () => new Promise<void>((resolve) => {
      server.closeAllConnections();
      server.close(() => resolve());
    }),
  };
}
