/**
 * Lets a long chain of awaits give the event loop back every few milliseconds. The configuration
 * database's driver is synchronous, so a loop of its queries resolves entirely in microtasks and no
 * waiting HTTP request is served until the loop ends; in embedded mode the workers share that thread
 * with the web server. Call the returned function once per step.
 */
export function yieldEvery(ms = 2): () => Promise<void> {
  let sliceStart = performance.now();
  return async () => {
    if (performance.now() - sliceStart < ms) return;
    await new Promise((resolve) => setImmediate(resolve));
    sliceStart = performance.now();
  };
}
