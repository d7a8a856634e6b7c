"use client";

import Link from "next/link";
import { useSearchParams } from "next/navigation";
import type { ComponentProps, MouseEvent } from "react";
import { useViewNavigation } from "./view-transition";

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

/**
 * A link to another view of the overview. A plain click loads it in a transition (see
 * ViewTransitionProvider) and marks this link `data-pending` until it shows; modified clicks (new tab,
 * new window) stay ordinary links.
 */
export function ViewLink({ href, onClick, ...rest }: Omit<ComponentProps<typeof Link>, "href"> & { href: string }) {
  const stack = useSearchParams().get("stack");
  const nav = useViewNavigation();
  const target = withLiveStack(href, stack);
  function click(e: MouseEvent<HTMLAnchorElement>) {
    onClick?.(e);
    if (!nav || e.defaultPrevented || e.button !== 0 || e.metaKey || e.ctrlKey || e.shiftKey || e.altKey) return;
    e.preventDefault();
    nav.navigate(target);
  }
  // No prefetch: a page of driver tables holds dozens of these links, and prefetching each one costs
  // the server a request while the person is waiting for the view they did click.
  return <Link href={target} prefetch={false} onClick={click} data-pending={nav?.pendingHref === target || undefined} {...rest} />;
}

/** For the GET date form: submits the live stack along with the dates. */
export function LiveStackInput() {
  const stack = useSearchParams().get("stack");
  return stack ? <input type="hidden" name="stack" value={stack} /> : null;
}
