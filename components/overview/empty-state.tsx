import Link from "next/link";
import { ViewLink } from "./view-link";

/**
 * Two different empties: an organization that never sent data (tell them how to send some), and a
 * view that matches nothing (tell them how to widen it).
 */
export function EmptyState({
  kind,
  canCreateKeys = false,
  clearFiltersHref,
  widerRangeHref,
}: {
  kind: "org" | "view";
  canCreateKeys?: boolean;
  /** the same range without dimension filters, when there are filters */
  clearFiltersHref?: string;
  /** the same filters over the last 90 days */
  widerRangeHref?: string;
}) {
  return (
    <section data-testid="empty-state" data-kind={kind} className="rounded-xl border border-dashed border-slate-300 bg-white p-10 text-center">
      {kind === "org" ? (
        <>
          <h2 className="text-lg font-semibold">No usage yet</h2>
          <p className="mx-auto mt-2 max-w-lg text-sm text-slate-600">
            This organization has not sent any LLM usage. Send events to <code>POST /api/v1/events</code> with an API key that has the
            ingest scope (the README has a one-line example); the dashboard fills in as soon as they are stored.
          </p>
          {canCreateKeys ? (
            <Link href="/settings/api-keys" className="mt-4 inline-block rounded-md bg-slate-900 px-4 py-2 text-sm font-medium text-white">
              Create an API key
            </Link>
          ) : (
            <p className="mt-4 text-sm text-slate-500">An admin or engineer can create the API key.</p>
          )}
        </>
      ) : (
        <>
          <h2 className="text-lg font-semibold">Nothing in this view</h2>
          <p className="mx-auto mt-2 max-w-lg text-sm text-slate-600">
            There is usage in this organization, but none in this time range{clearFiltersHref ? " with these filters" : ""}.
          </p>
          <div className="mt-4 flex flex-wrap justify-center gap-3 text-sm">
            {clearFiltersHref && (
              <ViewLink href={clearFiltersHref} className="rounded-md bg-slate-900 px-4 py-2 font-medium text-white">
                Clear filters
              </ViewLink>
            )}
            {widerRangeHref && (
              <ViewLink href={widerRangeHref} className="rounded-md border border-slate-300 px-4 py-2 font-medium hover:bg-slate-50">
                Show the last 90 days
              </ViewLink>
            )}
          </div>
        </>
      )}
    </section>
  );
}
