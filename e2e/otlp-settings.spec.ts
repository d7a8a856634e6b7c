import { expect, test } from "@playwright/test";
import { exportSpans, recordSpans } from "../lib/otlp/testing/otel-sender";
import { createKey, RUN, signIn } from "./helpers";

/**
 * The OTLP attribute mapping, changed by an admin on its settings page, decides the dimensions of
 * the next spans. Restored to the defaults through the API afterwards.
 */
const DAY = "2025-12-16";

test("an admin maps the customer dimension to another attribute; the next span is attributed by it", async ({ page, request, baseURL }) => {
  // Two CLI key creations and two sign-ins: 35-57 s measured on the shared 2-core machine.
  test.setTimeout(120_000);
  const manage = await createKey(`otlp-manage ${RUN}`, "manage");
  const ingest = await createKey(`otlp-ingest ${RUN}`, "ingest,read");
  try {
    await signIn(page, "admin");
    await page.goto("/settings/otlp");
    await expect(page.getByText("OTEL_EXPORTER_OTLP_ENDPOINT")).toBeVisible();
    await page.getByLabel("customer attributes").fill("tenant.id, app.customer");
    await page.getByRole("button", { name: "Save mapping" }).click();
    await expect(page.getByRole("status")).toContainText("Saved");
    await page.getByLabel("team attributes").fill("has space");
    await page.getByRole("button", { name: "Save mapping" }).click();
    await expect(page.getByRole("status")).toContainText("team.0:");

    const feature = `e2e-otlp-map-${RUN}-${Math.random().toString(36).slice(2, 8)}`;
    const spans = await recordSpans({ "service.name": "e2e-map", "tenant.id": "tenant-42" }, [
      {
        startMs: Date.parse(`${DAY}T10:00:00Z`),
        durationMs: 500,
        attributes: { "gen_ai.operation.name": "chat", "gen_ai.provider.name": "openai", "gen_ai.request.model": "gpt-4o", "gen_ai.usage.input_tokens": 10, "gen_ai.usage.output_tokens": 5, "app.feature": feature },
      },
    ]);
    expect((await exportSpans(`${baseURL}/api/otlp`, ingest, spans, "protobuf")).code).toBe(0);
    await expect(async () => {
      const res = await request.get(`/api/v1/spend?from=${DAY}&to=2025-12-17&group_by=customer&feature=${feature}`, { headers: { authorization: `Bearer ${ingest}` } });
      expect((await res.json()).rows.map((r: { customer: string }) => r.customer)).toEqual(["tenant-42"]);
    }).toPass({ timeout: 15_000 });

    await page.context().clearCookies();
    await signIn(page, "viewer");
    await page.goto("/settings/otlp");
    await expect(page).toHaveURL(/\/forbidden/);
  } finally {
    const reset = await request.put("/api/v1/otlp-mapping", { headers: { authorization: `Bearer ${manage}` }, data: {} });
    expect(reset.status()).toBe(200);
  }
});
