import { formatDateTime } from "@/components/format";

type Loop = { loop: string; worker: string; expiresAt: Date };

/** Which worker process (`host:pid`) runs each whole-organization loop; other loops run in every worker. */
export function WorkerLoops({ loops, embedded }: { loops: Loop[]; embedded: boolean }) {
  return (
    <section data-testid="worker-loops" className="rounded-xl border border-slate-200 bg-white p-4">
      <h2 className="font-semibold">Workers</h2>
      {embedded ? (
        <p className="mt-1 text-sm text-slate-500">Every background loop runs inside this server (embedded engine).</p>
      ) : (
        <>
          <p className="mt-1 text-xs text-slate-500">
            Sources, re-cost jobs and deliveries are claimed one by one by any worker. The evaluation loops below run in one worker at a time,
            which keeps its lease while it runs; if it dies, another takes over when the lease expires.
          </p>
          {loops.length === 0 ? (
            <p className="mt-2 text-sm text-slate-500">No worker holds a loop: is <code>npm run workers</code> running?</p>
          ) : (
            <table className="mt-2 w-full text-left text-sm">
              <thead className="text-xs text-slate-500">
                <tr>
                  <th className="py-1 pr-3">Loop</th>
                  <th className="pr-3">Worker</th>
                  <th>Lease until</th>
                </tr>
              </thead>
              <tbody>
                {loops.map((l) => (
                  <tr key={l.loop} className="border-t border-slate-100">
                    <td className="py-1 pr-3">{l.loop}</td>
                    <td className="pr-3 font-mono text-xs">{l.worker}</td>
                    <td className="text-xs text-slate-600">{formatDateTime(l.expiresAt)}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          )}
        </>
      )}
    </section>
  );
}
