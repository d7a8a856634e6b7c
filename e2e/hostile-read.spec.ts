import { expect, test } from "@playwright/test";
import fc from "fast-check";
import { createKey, signIn } from "./helpers";
import { SPEND_HOURLY } from "../lib/clickhouse/tables";

/**
 * Reliability suite, reading: generated query strings for the read API and the overview page.
 * Asserts: no 5xx; a 400 lists what is wrong, each entry naming the parameter; the page always renders
 * (a bad link shows a notice and a default view, never an error page).
 */
// Thousands of requests: a trace recording each one costs minutes of CPU and shows nothing a failure message does not.
test.use({ trace: "off" });
const SEED = Number(process.env.FUZZ_SEED ?? 20261201);
const KNOWN = ["from", "to", "group_by", "interval", "limit", "provider", "model", "project", "feature", "team", "user", "customer", "environment", "range", "stack"];

const hostileValue = fc.oneof(
  fc.constantFrom(
    "",
    "1960-01-01",
    "1969-12-31T23:59:59Z",
    "0000-01-01",
    "9999-12-31",
    "2026-02-30",
    "2026-12-01",
    "2026-11-01T00:00:00Z",
    "2026-11-01T00:00:00+14:00",
    "-1",
    "1e308",
    "NaN",
    "feature,model",
    "feature,colour",
    "user,user,user,user,user,user,user,user,user",
    "hour",
    "week",
    "0",
    "100001",
    "\u0000",
    "\ud800",
    "__proto__",
    "x".repeat(257),
    "y".repeat(5000),
    `'; DROP TABLE ${SPEND_HOURLY}; --`,
    "{org:String}",
    "7d",
  ),
  fc.string({ unit: "grapheme", maxLength: 30 }),
);

const query = fc.array(fc.tuple(fc.oneof({ weight: 5, arbitrary: fc.constantFrom(...KNOWN) }, { weight: 1, arbitrary: fc.string({ maxLength: 12 }) }), hostileValue), { maxLength: 6 }).map((pairs) => {
  const sp = new URLSearchParams();
  for (const [k, v] of pairs) sp.append(k, v);
  return sp.toString();
});

test("the read API answers generated query strings with 200 or a 400 that names the parameter, never 5xx", async ({ request }) => {
  test.setTimeout(10 * 60_000);
  const key = await createKey("hostile read api", "read");
  await fc.assert(
    fc.asyncProperty(query, async (qs) => {
      const res = await request.get(`/api/v1/spend?${qs}`, { headers: { authorization: `Bearer ${key}` } });
      const text = await res.text();
      expect(res.status(), `${qs} -> ${text.slice(0, 300)}`).toBeLessThan(500);
      if (res.status() === 429) return;
      expect([200, 400], `${qs} -> ${text.slice(0, 300)}`).toContain(res.status());
      const body = JSON.parse(text);
      if (res.status() === 400) {
        expect(body.details?.length, text).toBeGreaterThan(0);
        for (const d of body.details as string[]) expect(d, qs).toMatch(new RegExp(`^(unknown parameters?|${KNOWN.join("|")})\\b`));
      } else {
        expect(Array.isArray(body.rows)).toBe(true);
      }
    }),
    { seed: SEED, numRuns: 600, endOnFailure: true },
  );
});

test("the overview renders for generated query strings (a notice, never an error page)", async ({ page }) => {
  test.setTimeout(10 * 60_000);
  await signIn(page, "viewer");
  await fc.assert(
    fc.asyncProperty(query, async (qs) => {
      const res = await page.request.get(`/?${qs}`);
      expect(res.status(), qs).toBe(200);
      expect(await res.text(), qs).toContain("Spend overview");
    }),
    { seed: SEED, numRuns: 60, endOnFailure: true },
  );
});
