"use client";

import { useRouter } from "next/navigation";
import { createContext, useCallback, useContext, useMemo, useState, useTransition, type ReactNode } from "react";

type ViewNavigation = {
  /** the view being loaded (path and query), or null when the shown view is current */
  pendingHref: string | null;
  navigate: (href: string) => void;
};

const Context = createContext<ViewNavigation | null>(null);

/**
 * Changes of range or filter go through here: the router loads the new view in a transition while
 * the page shows, in the very next frame, that it is on its way (progress bar, dimmed content, the
 * chosen control marked), instead of a click that seems to do nothing until the server answers.
 */
export function ViewTransitionProvider({ children }: { children: ReactNode }) {
  const router = useRouter();
  const [isPending, startTransition] = useTransition();
  const [target, setTarget] = useState<string | null>(null);
  const navigate = useCallback(
    (href: string) => {
      setTarget(href);
      // The address bar changes at once, as with any link; Next.js adopts a pushState without a server
      // round trip, and the navigation that follows replaces that entry rather than adding a second.
      if (href !== window.location.pathname + window.location.search) window.history.pushState(null, "", href);
      startTransition(() => router.push(href, { scroll: false }));
    },
    [router],
  );
  const value = useMemo(() => ({ pendingHref: isPending ? target : null, navigate }), [isPending, target, navigate]);
  return (
    <Context.Provider value={value}>
      {isPending && (
        <div role="progressbar" aria-label="Loading the new view" data-testid="view-progress" className="fixed inset-x-0 top-0 z-50 h-1 animate-pulse bg-indigo-600" />
      )}
      {children}
    </Context.Provider>
  );
}

/** null outside a provider: links then navigate as plain links. */
export function useViewNavigation(): ViewNavigation | null {
  return useContext(Context);
}

/** The part of the page that the next view replaces: dimmed and marked busy while it loads. */
export function PendingRegion({ children, className = "" }: { children: ReactNode; className?: string }) {
  const pending = useViewNavigation()?.pendingHref != null;
  return (
    <div aria-busy={pending || undefined} data-testid="view-content" className={`${className} transition-opacity duration-150 ${pending ? "opacity-50" : ""}`}>
      {children}
    </div>
  );
}
