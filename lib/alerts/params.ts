import { z } from "zod";
import { ALERT_KINDS, SEVERITIES } from "@/lib/alert-contract/condition";
import { ALERT_STATES } from "./payload";
import type { AlertListQuery } from "./queries";

const listSchema = z
  .object({
    state: z.enum(ALERT_STATES, { error: `expected one of ${ALERT_STATES.join(", ")}` }).optional(),
    kind: z.enum(ALERT_KINDS, { error: `expected one of ${ALERT_KINDS.join(", ")}` }).optional(),
    severity: z.enum(SEVERITIES, { error: `expected one of ${SEVERITIES.join(", ")}` }).optional(),
    limit: z.coerce.number({ error: "expected an integer from 1 to 200" }).int("expected an integer from 1 to 200").min(1, "expected an integer from 1 to 200").max(200, "expected an integer from 1 to 200").default(50),
    cursor: z.string().min(1).max(100, "expected the next_cursor of a previous answer").optional(),
  })
  .strict();

type Parsed<T> = { ok: true; value: T } | { ok: false; errors: string[] };

function issues(err: z.ZodError): string[] {
  return err.issues.map((i) =>
    i.code === "unrecognized_keys" ? i.keys.map((k) => `${k}: unknown parameter (known: state, kind, severity, limit, cursor)`).join("; ") : `${i.path.join(".") || "body"}: ${i.message}`,
  );
}

/** GET /api/v1/alerts query string; unknown or repeated parameters are refused, so a typo never lists everything. */
export function parseAlertListParams(sp: URLSearchParams): Parsed<AlertListQuery> {
  const record: Record<string, string> = Object.create(null);
  const errors: string[] = [];
  for (const key of new Set(sp.keys())) {
    const values = sp.getAll(key);
    if (values.length > 1) errors.push(`${key}: given ${values.length} times, expected once`);
    record[key] = values[0];
  }
  const parsed = listSchema.safeParse(record);
  if (!parsed.success) errors.push(...issues(parsed.error));
  return errors.length || !parsed.success ? { ok: false, errors } : { ok: true, value: parsed.data };
}

export const snoozeSchema = z
  .object({
    until: z.iso.datetime({ offset: true, error: "expected an RFC 3339 time with a zone, e.g. 2026-12-01T18:00:00Z" }),
    reason: z.string({ error: "expected a text saying why" }).trim().min(1, "expected a text saying why").max(500, "at most 500 characters"),
  })
  .strict();

export function parseSnooze(body: unknown): Parsed<{ until: Date; reason: string }> {
  const parsed = snoozeSchema.safeParse(body);
  if (!parsed.success) return { ok: false, errors: issues(parsed.error) };
  return { ok: true, value: { until: new Date(parsed.data.until), reason: parsed.data.reason } };
}

/** Route ids are cuids; anything else cannot name an alert, and is answered 404 without a query. */
export function isAlertId(id: string): boolean {
  return /^[A-Za-z0-9_-]{1,64}$/.test(id);
}
