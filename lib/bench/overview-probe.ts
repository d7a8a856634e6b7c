/**
 * The in-page half of the overview interaction benchmark. Kept as source text, not a function:
 * tsx/esbuild may wrap functions with helpers that do not exist in the browser.
 */
export type ProbeStep = {
  /** CSS selector of the control to click; with clickText, the match whose text is exactly that */
  click: string;
  clickText?: string;
  /** what the target view's query string must and must not contain */
  search: { has: string[]; lacks: string[] };
  /** selectors that must be present / absent once the new view is complete */
  present: string[];
  absent: string[];
  /** text the element must include once complete */
  text?: { selector: string; includes: string };
};

/** times from the click; longTaskMs: the browser's main thread busy in tasks over 50 ms meanwhile */
export type ProbeResult = { feedbackMs: number; doneMs: number; longTaskMs: number; error?: string };

export const PROBE_SOURCE = `async (step) => {
  const matches = [...document.querySelectorAll(step.click)].filter((e) => !step.clickText || e.textContent.trim() === step.clickText);
  const el = matches[0];
  if (!el) return { feedbackMs: NaN, doneMs: NaN, longTaskMs: NaN, error: "nothing to click for " + step.click + (step.clickText ? " / " + step.clickText : "") };
  const before = location.href;
  const chartUpdating = () => /updating…/.test(document.querySelector('[data-testid="spend-over-time"]')?.textContent ?? "");
  const busy = () => Boolean(document.querySelector('[aria-busy="true"], [data-pending]')) || chartUpdating();
  const searchOk = () => step.search.has.every((s) => location.search.includes(s)) && step.search.lacks.every((s) => !location.search.includes(s));
  const done = () =>
    searchOk() &&
    !busy() &&
    step.present.every((s) => document.querySelector(s)) &&
    step.absent.every((s) => !document.querySelector(s)) &&
    (!step.text || (document.querySelector(step.text.selector)?.textContent ?? "").includes(step.text.includes));
  return await new Promise((resolve) => {
    let feedbackMs = NaN;
    let longTaskMs = 0;
    const t0 = performance.now();
    const lt = new PerformanceObserver((list) => { for (const e of list.getEntries()) if (e.startTime >= t0) longTaskMs += e.duration; });
    lt.observe({ type: "longtask" });
    const frame = () => {
      const t = performance.now() - t0;
      if (Number.isNaN(feedbackMs) && (location.href !== before || busy())) feedbackMs = t;
      if (done()) {
        for (const e of lt.takeRecords()) if (e.startTime >= t0) longTaskMs += e.duration;
        lt.disconnect();
        resolve({ feedbackMs: Number.isNaN(feedbackMs) ? t : feedbackMs, doneMs: t, longTaskMs });
        return;
      }
      if (t > 30000) {
        lt.disconnect();
        resolve({ feedbackMs, doneMs: NaN, longTaskMs, error: "the view did not complete within 30 s (url " + location.href + ")" });
        return;
      }
      requestAnimationFrame(frame);
    };
    el.click();
    requestAnimationFrame(frame);
  });
}`;
