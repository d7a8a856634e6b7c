import "server-only";
import http from "node:http";

/**
 * Code that must see each request the server process accepts before Next.js does. `next start` gives
 * no other way in without replacing its server, so http.Server's "request" event is wrapped, once per
 * process (route handlers and instrumentation are separate module graphs, hence globalThis). Hooks
 * run in the order they were added; one that returns true has answered the request itself, and
 * neither later hooks nor Next.js see it.
 */
export type RequestHook = (req: http.IncomingMessage, res: http.ServerResponse) => boolean;

const g = globalThis as typeof globalThis & { __finopsRequestHooks?: RequestHook[] };

export function addRequestHook(hook: RequestHook): void {
  if (!g.__finopsRequestHooks) {
    const hooks: RequestHook[] = (g.__finopsRequestHooks = []);
    const emit = http.Server.prototype.emit as (this: http.Server, event: string | symbol, ...args: unknown[]) => boolean;
    http.Server.prototype.emit = function (this: http.Server, event: string | symbol, ...args: unknown[]) {
      if (event === "request") {
        const [req, res] = args as [http.IncomingMessage, http.ServerResponse];
        for (const h of hooks) if (h(req, res)) return true;
      }
      return emit.call(this, event, ...args);
    } as typeof http.Server.prototype.emit;
  }
  g.__finopsRequestHooks.push(hook);
}
