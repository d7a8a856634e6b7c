import { expect, test } from "@playwright/test";
import { signIn } from "./helpers";

/**
 * The capacity planner (/capacity) in Chromium against the demo: a viewer may plan; a load entered
 * by hand gives the GPUs computed by hand; bad input names its field; a deployment's measured
 * throughput prefills the form.
 */
test("a viewer enters a load and sees the GPUs it needs, its cost and the API crossover", async ({ page }) => {
  await signIn(page, "viewer");
  await page.goto("/capacity");
  const form = page.getByTestId("capacity-form");
  await form.getByLabel("Prefill from deployment").selectOption("");
  await form.getByLabel("Load unit").selectOption("rps");
  await form.getByLabel("Peak load").fill("10");
  await form.getByLabel("Input tokens per request").fill("1500");
  await form.getByLabel("Output tokens per request").fill("500");
  await form.getByLabel("Tokens/s per GPU at 100% busy").fill("1000");
  await form.getByLabel("GPUs per replica").fill("1");
  await form.getByLabel("Target utilization (%)").fill("70");
  await form.getByLabel("USD per GPU-hour").fill("2.5");
  await form.getByLabel("Precision measured at").selectOption("fp16");
  await form.getByLabel("Precision planned").selectOption("fp16");
  // 10 req/s x 2,000 tokens = 20,000 tokens/s; / (1,000 x 0.7) = 28.6 -> 29 GPUs at 69.0%; 29 x $2.50 x 730 h = $52,925.00
  await expect(page.getByTestId("gpus-needed")).toHaveText("29");
  await expect(page.getByTestId("utilization")).toHaveText("69.0%");
  await expect(page.getByTestId("monthly-cost")).toHaveText("$52,925.00");
  // INT4 (AWQ) serves 3.2/1.8 as much per GPU: 20,000 / (1,777.8 x 0.7) = 16.07 -> 17 GPUs
  await form.getByLabel("Precision planned").selectOption("int4_awq");
  await expect(page.getByTestId("gpus-needed")).toHaveText("17");

  // against an API at $3 in / $15 out per 1M: $6/1M at this 3:1 mix
  await form.getByLabel("API USD per 1M input tokens").fill("3");
  await form.getByLabel("API USD per 1M output tokens").fill("15");
  await expect(page.getByTestId("crossover")).toContainText("crossover");
  await expect(page.getByTestId("cheaper")).toHaveText("self-hosting is cheaper");

  await form.getByLabel("Peak load").fill("abc");
  await expect(page.getByTestId("capacity-errors")).toContainText("load: expected a load above 0");
  await expect(page.getByTestId("capacity-result")).toHaveCount(0);
});

test("prefilled from the demo's over-provisioned deployment: its measured throughput and one GPU per replica", async ({ page }) => {
  await signIn(page, "engineer");
  await page.goto("/capacity?deployment=llama-8b-internal");
  const form = page.getByTestId("capacity-form");
  await expect(form.getByLabel("Prefill from deployment")).toHaveValue("llama-8b-internal");
  await expect(form.getByLabel("Load unit")).toHaveValue("tps");
  await expect(form.getByLabel("GPUs per replica")).toHaveValue("1");
  await expect(form.getByLabel("USD per GPU-hour")).toHaveValue("3.06");
  // the demo serves 6,000 tokens per busy GPU-second; its p95 hour fits 2 of its 4 A100s at 70%
  expect(Math.abs(Number(await form.getByLabel("Tokens/s per GPU at 100% busy").inputValue()) - 6000)).toBeLessThan(60);
  await expect(page.getByTestId("gpus-needed")).toHaveText("2");
});
