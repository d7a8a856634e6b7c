/**
 * Readers of the overview's queries through GET /api/v1/spend: `readers` clients, each asking the
 * next query of the list as soon as its last answer arrived, until `stop()` says so. Gives every
 * answer's latency and the answers per second over the whole run.
 */
export async function readOverview(o: { base: string; key: string; queries: string[]; readers: number; stop: () => boolean }): Promise<{ latencies: number[]; perSecond: number }> {
  const latencies: number[] = [];
  let next = 0;
  const t0 = performance.now();
  await Promise.all(
    Array.from({ length: o.readers }, async () => {
      while (!o.stop()) {
        const qs = o.queries[next++ % o.queries.length];
        const s = performance.now();
        const res = await fetch(`${o.base}/api/v1/spend?${qs}`, { headers: { authorization: `Bearer ${o.key}` } });
        await res.arrayBuffer();
        if (res.status !== 200) throw new Error(`GET /api/v1/spend?${qs}: ${res.status}`);
        latencies.push(performance.now() - s);
      }
    }),
  );
  return { latencies, perSecond: latencies.length / ((performance.now() - t0) / 1000) };
}
