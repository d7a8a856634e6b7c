import Link from "next/link";
import type { UnpricedModel } from "@/lib/analytics/overview";
import { formatInt } from "@/components/format";

/** Usage with no known price is not $0: say how much there is and where to price it. */
export function UnpricedCallout({ models }: { models: UnpricedModel[] }) {
  const requests = models.reduce((n, m) => n + m.requests, 0);
  return (
    <section data-testid="unpriced-callout" className="rounded-xl border border-amber-300 bg-amber-50 p-4 text-sm text-amber-900">
      <p className="font-medium">
        {formatInt(requests)} requests have no known price and are not included in spend.
      </p>
      <ul className="mt-2 space-y-0.5">
        {models.slice(0, 5).map((m) => (
          <li key={`${m.provider}/${m.model}`}>
            <code>
              {m.provider}/{m.model}
            </code>
            : {formatInt(m.requests)} requests, {formatInt(m.tokens)} tokens, cost unknown
          </li>
        ))}
      </ul>
      <Link href="/prices" className="mt-2 inline-block font-medium underline">
        Set a price for them
      </Link>
    </section>
  );
}
