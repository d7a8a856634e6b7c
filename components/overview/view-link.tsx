"use client";

import Link from "next/link";
import { useSearchParams } from "next/navigation";
import type { ComponentProps } from "react";

/**
 * The chart's stack dimension changes on the client (URL updated in place, no server round trip), so
 * links rendered by the server may carry a stale `stack`. These patch it from the live URL, so a
 * drill-down or a range change keeps the stacking the person chose.
 */
function withLiveStack(href: string, stack: string | null): string {
  const [path, query = ""] = href.split("?");
  const sp = new URLSearchParams(query);
  if (stack) sp.set("stack", stack);
  else sp.delete("stack");
  const q = sp.toString();
  return q ? `${path}?${q}` : path;
}

export function ViewLink({ href, ...rest }: Omit<ComponentProps<typeof Link>, "href"> & { href: string }) {
  const stack = useSearchParams().get("stack");
  return <Link href={withLiveStack(href, stack)} {...rest} />;
}

/** For the GET date form: submits the live stack along with the dates. */
export function LiveStackInput() {
  const stack = useSearchParams().get("stack");
  return stack ? <input type="hidden" name="stack" value={stack} /> : null;
}
