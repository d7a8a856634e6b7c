import Link from "next/link";
import type { UnpricedModel } from "@/lib/analytics/overview";
import { formatInt } from "@/components/format";

const SHOWN = 5;

/** Usage with no known price is not $0: say how much there is, and where to price it. */
export function UnpricedCallout({ models, canEditPrices }: { models: UnpricedModel[]; canEditPrices: boolean }) {
  const requests = models.reduce((n, m) => n + m.requests, 0);
  const tokens = models.reduce((n, m) => n + m.tokens, 0);
  return (
    <section data-testid="unpriced-callout" role="status" className="rounded-xl border border-amber-300 bg-amber-50 p-4 text-sm text-amber-900">
      <p className="font-medium">
        {formatInt(requests)} {requests === 1 ? "request" : "requests"} ({formatInt(tokens)} tokens) in this view used{" "}
        {models.length === 1 ? "a model" : "models"} with no known price. Their cost is unknown, so it is not in the spend figures below.
      </p>
      <ul className="mt-2 space-y-0.5">
        {models.slice(0, SHOWN).map((m) => (
          <li key={`${m.provider}/${m.model}`}>
            <code className="font-medium">
              {m.provider}/{m.model}
            </code>
            : {formatInt(m.requests)} {m.requests === 1 ? "request" : "requests"}, {formatInt(m.tokens)} tokens, unpriced
          </li>
        ))}
        {models.length > SHOWN && <li>and {formatInt(models.length - SHOWN)} more models, listed on the Prices page</li>}
      </ul>
      <Link href="/prices#unpriced" className="mt-2 inline-block font-medium underline">
        {canEditPrices ? "Set a price for them" : "See them on the Prices page"}
      </Link>
    </section>
  );
}
