"use client";

import type { FormEvent } from "react";
import { LiveStackInput } from "./view-link";
import { useViewNavigation } from "./view-transition";

/**
 * Explicit dates. A GET form, so it works before the page's script has loaded; once it has, the new
 * range loads in a transition like every other change of view instead of reloading the whole page.
 */
export function DateRangeForm({ keep, from, to }: { keep: [string, string][]; from: string; to: string }) {
  const nav = useViewNavigation();
  function submit(e: FormEvent<HTMLFormElement>) {
    if (!nav) return;
    e.preventDefault();
    const sp = new URLSearchParams();
    for (const [k, v] of new FormData(e.currentTarget)) sp.append(k, String(v));
    nav.navigate(`/?${sp}`);
  }
  const pending = nav?.pendingHref != null;
  return (
    <form action="/" onSubmit={submit} className="flex flex-wrap items-end gap-2">
      {keep.map(([k, v], i) => (
        <input key={`${k}-${i}`} type="hidden" name={k} value={v} />
      ))}
      <LiveStackInput />
      <label className="flex flex-col text-xs text-slate-500">
        From
        <input type="date" name="from" required defaultValue={from} className="rounded-md border border-slate-300 bg-white px-2 py-1 text-sm text-slate-900" />
      </label>
      <label className="flex flex-col text-xs text-slate-500">
        To
        <input type="date" name="to" required defaultValue={to} className="rounded-md border border-slate-300 bg-white px-2 py-1 text-sm text-slate-900" />
      </label>
      <button type="submit" className="rounded-md bg-slate-900 px-3 py-1.5 text-white hover:bg-slate-700 disabled:opacity-60" disabled={pending}>
        Apply
      </button>
    </form>
  );
}
