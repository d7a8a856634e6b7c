import { expect, test, type Page } from "@playwright/test";
import { signIn } from "./helpers";

/**
 * Changing the view of the overview (range, filter, stack) on the demo organization's data: the page
 * shows at once that the new view is on its way, the address bar follows, and the view then updates
 * in place (no full reload). Also the overview at phone width. Timing is measured by
 * `npm run bench:overview`, not asserted here.
 */

/** What the new view shows once it is complete (besides nothing being busy any more). */
type Done = { present?: string[]; absent?: string[]; text?: [selector: string, includes: string] };

/** Clicks inside the page and records, frame by frame, what the person sees until the new view is complete. */
async function clickAndWatch(page: Page, selector: string, done: Done) {
  return page.evaluate(
    ({ selector, done }) =>
      new Promise<{ pendingSeen: boolean; urlBeforeDone: boolean; progressSeen: boolean }>((resolve, reject) => {
        const el = document.querySelector<HTMLElement>(selector);
        if (!el) return reject(new Error(`nothing matches ${selector}`));
        const before = location.href;
        const isDone = () =>
          !document.querySelector('[aria-busy="true"]') &&
          (done.present ?? []).every((s) => document.querySelector(s)) &&
          (done.absent ?? []).every((s) => !document.querySelector(s)) &&
          (!done.text || (document.querySelector(done.text[0])?.textContent ?? "").includes(done.text[1]));
        const seen = { pendingSeen: false, urlBeforeDone: false, progressSeen: false };
        const t0 = performance.now();
        const frame = () => {
          if (document.querySelector('[data-testid="view-content"][aria-busy="true"]') && el.closest("[data-pending]")) seen.pendingSeen = true;
          if (document.querySelector('[data-testid="view-progress"]')) seen.progressSeen = true;
          if (isDone()) return resolve(seen);
          if (location.href !== before) seen.urlBeforeDone = true;
          if (performance.now() - t0 > 30_000) return reject(new Error(`the view did not update: ${location.href}`));
          requestAnimationFrame(frame);
        };
        el.click();
        requestAnimationFrame(frame);
      }),
    { selector, done },
  );
}

test.describe("overview interaction", () => {
  test.beforeEach(async ({ page }) => {
    await signIn(page, "finance");
    await page.goto("/");
    await expect(page.getByTestId("total-spend")).toContainText("$");
    // A marker that a full page load would wipe: the view must change in place.
    await page.evaluate(() => ((window as unknown as { __sameDocument: boolean }).__sameDocument = true));
  });

  test("a new range shows pending state at once, then the URL and every section update in place", async ({ page }) => {
    const total30 = await page.getByTestId("total-spend").textContent();
    const seen = await clickAndWatch(
      page,
      'nav[aria-label="Time range"] a[href*="range=7d"]',
      { text: ['nav[aria-label="Time range"] a[aria-current="true"]', "7 days"] },
    );
    expect(seen.pendingSeen, "the clicked range is marked and the content is busy while it loads").toBe(true);
    expect(seen.progressSeen, "a progress bar shows while it loads").toBe(true);
    expect(seen.urlBeforeDone, "the address bar changes before the view has finished loading").toBe(true);
    await expect(page).toHaveURL(/range=7d/);
    await expect(page.locator("h1 + p")).toContainText("Last 7 days");
    await expect(page.getByTestId("total-spend")).not.toHaveText(total30 ?? "");
    await expect(page.getByTestId("view-progress")).toHaveCount(0);
    expect(await page.evaluate(() => (window as unknown as { __sameDocument?: boolean }).__sameDocument)).toBe(true);

    // Back returns to the previous view, with one history entry per change.
    await page.goBack();
    await expect(page).not.toHaveURL(/range=/);
    await expect(page.getByTestId("total-spend")).toHaveText(total30 ?? "");
  });

  test("drilling into a feature and removing the filter both show pending state and update the view", async ({ page }) => {
    const feature = ((await page.locator('[data-testid^="drill-feature-"]').first().getAttribute("data-testid")) ?? "").slice("drill-feature-".length);
    const seen = await clickAndWatch(page, `[data-testid="drill-feature-${feature}"]`, { present: ['[data-testid="active-filter-feature"]'] });
    expect(seen.pendingSeen && seen.progressSeen && seen.urlBeforeDone).toBe(true);
    await expect(page).toHaveURL(new RegExp(`feature=${feature}`));
    await expect(page.getByTestId("active-filter-feature")).toContainText(feature);
    await expect(page.getByTestId("driver-table-feature").locator("tbody tr")).toHaveCount(1);

    const removed = await clickAndWatch(page, '[data-testid="active-filter-feature"] a[title^="Stop filtering"]', { absent: ['[data-testid="active-filter-feature"]'] });
    expect(removed.pendingSeen && removed.urlBeforeDone).toBe(true);
    await expect(page).not.toHaveURL(/feature=/);
    expect(await page.evaluate(() => (window as unknown as { __sameDocument?: boolean }).__sameDocument)).toBe(true);
  });

  test("explicit dates apply in place, keeping the filters and the stack", async ({ page }) => {
    await page.getByTestId("stack-team").click();
    await expect(page).toHaveURL(/stack=team/);
    await page.getByLabel("From", { exact: true }).fill("2026-01-01");
    await page.getByLabel("To", { exact: true }).fill("2026-01-31");
    await page.getByRole("button", { name: "Apply" }).click();
    await expect(page).toHaveURL(/from=2026-01-01/);
    await expect(page).toHaveURL(/to=2026-01-31/);
    await expect(page).toHaveURL(/stack=team/);
    await expect(page.locator("h1 + p")).toContainText("Jan 1 – Jan 31, 2026");
    expect(await page.evaluate(() => (window as unknown as { __sameDocument?: boolean }).__sameDocument)).toBe(true);
  });

  test("stacking the chart by another driver dimension redraws it with that table's top values", async ({ page }) => {
    const teams = await page.locator('[data-testid^="drill-team-"]').evaluateAll((as) => as.slice(0, 8).map((a) => a.textContent ?? ""));
    expect(teams.length).toBeGreaterThan(1);
    await page.getByTestId("stack-team").click();
    await expect(page).toHaveURL(/stack=team/);
    await expect(page.getByTestId("stack-team")).toHaveAttribute("aria-pressed", "true");
    const chart = page.getByTestId("spend-over-time");
    await expect(chart).not.toContainText("updating…");
    for (const t of teams) await expect(chart.getByTestId("chart-legend")).toContainText(t);
  });
});

test("at phone width the overview fits the screen and the driver tables' columns stay apart", async ({ page }) => {
  await page.setViewportSize({ width: 390, height: 844 });
  await signIn(page, "finance");
  await page.goto("/");
  await expect(page.getByTestId("driver-table-model").locator("tbody tr").first()).toBeVisible();
  const layout = await page.evaluate(() => {
    const textBox = (cell: Element) => {
      const range = document.createRange();
      range.selectNodeContents(cell);
      const rects = [...range.getClientRects()].filter((r) => r.width > 0);
      return rects.length ? { left: Math.min(...rects.map((r) => r.left)), right: Math.max(...rects.map((r) => r.right)) } : null;
    };
    const problems: string[] = [];
    for (const table of document.querySelectorAll('[data-testid^="driver-table-"] table')) {
      for (const row of table.querySelectorAll("tr")) {
        const cells = [...row.children].filter((c) => (c as HTMLElement).offsetParent !== null);
        for (let i = 1; i < cells.length; i++) {
          const a = textBox(cells[i - 1]);
          const b = textBox(cells[i]);
          if (a && b && b.left - a.right < 8) problems.push(`${row.textContent}: "${cells[i - 1].textContent}" and "${cells[i].textContent}" are ${Math.round(b.left - a.right)} px apart`);
        }
        for (const c of cells) if (c.scrollWidth > (c as HTMLElement).clientWidth + 1) problems.push(`"${c.textContent}" overflows its cell`);
      }
      const section = table.closest("section")!;
      if (table.getBoundingClientRect().right > section.getBoundingClientRect().right + 1) problems.push(`${section.getAttribute("data-testid")} is wider than its card`);
    }
    return { problems, pageWidth: document.documentElement.scrollWidth, viewport: window.innerWidth };
  });
  expect(layout.pageWidth, "no horizontal scrolling of the page").toBeLessThanOrEqual(layout.viewport);
  expect(layout.problems).toEqual([]);
  // Requests and cost per request are still there, under the name.
  await expect(page.getByTestId("driver-table-model").locator("tbody tr").first()).toContainText(/requests · \$/);
});
