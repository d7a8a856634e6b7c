import type { ChannelType } from "./types";

/**
 * Form fields of the settings screen turned into API-shaped input (pure, so the same validation as
 * the API applies after it). Scope text is "dimension=value" pairs separated by commas.
 */
export function parseScopeText(text: string): { ok: true; scope: Record<string, string> } | { ok: false; error: string } {
  const scope: Record<string, string> = {};
  for (const part of text.split(",").map((p) => p.trim()).filter(Boolean)) {
    const eq = part.indexOf("=");
    if (eq <= 0 || eq === part.length - 1) return { ok: false, error: `scope: expected dimension=value pairs separated by commas, e.g. team=support; got "${part}"` };
    scope[part.slice(0, eq).trim()] = part.slice(eq + 1).trim();
  }
  return { ok: true, scope };
}

/** The config object of a channel type from the create form's fields (empty fields left out). */
export function configFromForm(type: ChannelType, get: (name: string) => string): Record<string, unknown> {
  const opt = (name: string) => (get(name).trim() ? get(name).trim() : undefined);
  switch (type) {
    case "slack":
    case "webhook":
      return { url: get("url").trim() };
    case "pagerduty":
      return { routing_key: get("routing_key").trim(), ...(opt("url") ? { url: opt("url") } : {}) };
    case "email": {
      const port = opt("port");
      return {
        host: get("host").trim(),
        ...(port ? { port: /^\d+$/.test(port) ? Number(port) : port } : {}),
        secure: get("secure") === "on",
        ...(opt("user") ? { user: opt("user") } : {}),
        ...(get("password") ? { password: get("password") } : {}),
        from: get("from").trim(),
        to: get("to").split(",").map((s) => s.trim()).filter(Boolean),
      };
    }
  }
}
