/**
 * The what-if request, validated: `POST /api/v1/whatif`, the page's URL (`/whatif?scenario=<JSON>`) and
 * the in-process replay all read a scenario through here. Pure (no data access): the scenario builder
 * imports it too.
 */
import { z } from "zod";
import { DIMENSIONS, MAX_DIMENSION_VALUE_LENGTH } from "@/lib/domain/event";
import type { Scenario } from "@/lib/whatif-contract/scenario";

export const DEFAULT_WINDOW_DAYS = 30;
export const MAX_WINDOW_DAYS = 400;
const DAY_MS = 86_400_000;

const fraction = () =>
  z.number({ error: "expected a number from 0 to 1" }).min(0, `expected a number from 0 to 1`).max(1, `expected a number from 0 to 1`);
const name = (what: string) => z.string({ error: `expected the ${what} as a string` }).trim().min(1, `expected the ${what}`).max(MAX_DIMENSION_VALUE_LENGTH);

const change = z.discriminatedUnion(
  "kind",
  [
    z.object({ kind: z.literal("route"), to_provider: name("target provider").toLowerCase(), to_model: name("target model"), share: fraction().default(1) }),
    z.object({ kind: z.literal("prompt_cache"), hit_rate: fraction() }),
    z.object({ kind: z.literal("app_cache"), hit_rate: fraction() }),
    z.object({ kind: z.literal("batch") }),
    z.object({ kind: z.literal("max_tokens"), cap: z.number({ error: "expected a whole number of tokens from 1" }).int("expected a whole number of tokens").min(1, "expected at least 1 token").max(10_000_000, "expected at most 10,000,000 tokens") }),
    z.object({ kind: z.literal("trim_input"), percent: z.number({ error: "expected a percentage from 0 to 100" }).min(0, "expected a percentage from 0 to 100").max(100, "expected a percentage from 0 to 100") }),
    z.object({ kind: z.literal("self_host"), deployment: name("deployment name or id") }),
  ],
  { error: "expected kind to be one of route, prompt_cache, app_cache, batch, max_tokens, trim_input, self_host" },
);

// An ISO date (midnight UTC) or date-time with its zone: a zone-less time would be read in the server's.
const ISO_INSTANT = /^\d{4}-\d{2}-\d{2}(T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:?\d{2}))?$/i;
const instant = z
  .string({ error: "expected an ISO date-time such as 2026-11-01T00:00:00Z" })
  .refine((v) => ISO_INSTANT.test(v) && !Number.isNaN(Date.parse(v)), "expected an ISO date-time such as 2026-11-01T00:00:00Z");

const scope = z
  .record(z.string(), z.string({ error: "expected the dimension's value as a string" }).max(MAX_DIMENSION_VALUE_LENGTH, `expected at most ${MAX_DIMENSION_VALUE_LENGTH} characters`))
  .superRefine((s, ctx) => {
    for (const k of Object.keys(s)) {
      if (!(DIMENSIONS as readonly string[]).includes(k)) ctx.addIssue({ code: "custom", path: [k], message: `unknown dimension; expected one of ${DIMENSIONS.join(", ")}` });
    }
  });

export const scenarioSchema = z
  .object({ from: instant.optional(), to: instant.optional(), scope: scope.default({}), change })
  .strict();

export type ParsedScenario = { ok: true; scenario: Scenario } | { ok: false; errors: string[] };

/** A scenario with its defaults filled in (the last 30 days), or field-named errors. */
export function parseScenario(input: unknown, now = new Date()): ParsedScenario {
  const p = scenarioSchema.safeParse(input);
  if (!p.success) return { ok: false, errors: p.error.issues.map((i) => `${i.path.join(".") || "body"}: ${i.message}`) };
  const v = p.data;
  const to = v.to ? new Date(v.to) : now;
  const from = v.from ? new Date(v.from) : new Date(to.getTime() - DEFAULT_WINDOW_DAYS * DAY_MS);
  if (!(from < to)) return { ok: false, errors: ["from: expected an instant before to"] };
  if (to.getTime() - from.getTime() > MAX_WINDOW_DAYS * DAY_MS) return { ok: false, errors: [`to: expected a window of at most ${MAX_WINDOW_DAYS} days`] };
  const cleanScope = Object.fromEntries(Object.entries(v.scope).map(([k, val]) => [k, val.normalize("NFC")]));
  return { ok: true, scenario: { from: from.toISOString(), to: to.toISOString(), scope: cleanScope, change: v.change } };
}
