import Link from "next/link";

/** Two different empties: an organization that never sent data, and a view that matches none. */
export function EmptyState({ kind }: { kind: "org" | "view" }) {
  return (
    <section data-testid="empty-state" className="rounded-xl border border-dashed border-slate-300 bg-white p-10 text-center">
      {kind === "org" ? (
        <>
          <h2 className="text-lg font-semibold">No usage yet</h2>
          <p className="mx-auto mt-2 max-w-lg text-sm text-slate-600">
            Send your first events to <code>POST /api/v1/events</code> with an API key with the ingest scope. The README shows a
            one-line example; the dashboard fills in as soon as they are stored.
          </p>
          <Link href="/settings/api-keys" className="mt-4 inline-block rounded-md bg-slate-900 px-4 py-2 text-sm font-medium text-white">
            Create an API key
          </Link>
        </>
      ) : (
        <>
          <h2 className="text-lg font-semibold">Nothing in this view</h2>
          <p className="mt-2 text-sm text-slate-600">No spend matches this time range and these filters. Widen the range or remove a filter.</p>
          <Link href="/" className="mt-4 inline-block text-sm font-medium underline">
            Reset to the last 30 days
          </Link>
        </>
      )}
    </section>
  );
}
