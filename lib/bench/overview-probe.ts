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

export type ProbeResult = { feedbackMs: number; doneMs: number; error?: string };

export const PROBE_SOURCE = `async (step) => {
  const matches = [...document.querySelectorAll(step.click)].filter((e) => !step.clickText || e.textContent.trim() === step.clickText);
  const el = matches[0];
  if (!el) return { feedbackMs: NaN, doneMs: NaN, error: "nothing to click for " + step.click + (step.clickText ? " / " + step.clickText : "") };
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
    const t0 = performance.now();
    const frame = () => {
      const t = performance.now() - t0;
      if (Number.isNaN(feedbackMs) && (location.href !== before || busy())) feedbackMs = t;
      if (done()) {
        resolve({ feedbackMs: Number.isNaN(feedbackMs) ? t : feedbackMs, doneMs: t });
        return;
      }
      if (t > 30000) {
        resolve({ feedbackMs, doneMs: NaN, error: "the view did not complete within 30 s (url " + location.href + ")" });
        return;
      }
      requestAnimationFrame(frame);
    };
    el.click();
    requestAnimationFrame(frame);
  });
}`;
