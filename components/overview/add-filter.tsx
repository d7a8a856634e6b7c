"use client";

import { useQuery } from "@tanstack/react-query";
import { usePathname, useRouter, useSearchParams } from "next/navigation";
import { useId, useState, type FormEvent } from "react";
import { DIMENSIONS, type Dimension } from "@/lib/analytics/filters";
import { useViewNavigation } from "./view-transition";

/**
 * Filter by any dimension, not only those with a driver table: pick one, type or choose a value
 * (suggestions are the view's 50 costliest values, from the read API), and the URL gains it.
 */
export function AddFilter({ from, to }: { from: string; to: string }) {
  const router = useRouter();
  const pathname = usePathname();
  const params = useSearchParams();
  const nav = useViewNavigation();
  const [dim, setDim] = useState<Dimension>("environment");
  const [value, setValue] = useState("");
  // Suggestions are asked only once someone reaches for the picker, not on every change of view.
  const [wanted, setWanted] = useState(false);
  const listId = useId();
  const suggestions = useQuery({
    queryKey: ["filter-values", dim, from, to, params.toString()],
    queryFn: async () => {
      const sp = new URLSearchParams({ from, to, group_by: dim, limit: "50" });
      for (const d of DIMENSIONS) if (d !== dim) for (const v of params.getAll(d)) sp.append(d, v);
      const res = await fetch(`/api/v1/spend?${sp}`);
      if (!res.ok) return [];
      const body = (await res.json()) as { rows: Partial<Record<Dimension, string>>[] };
      return body.rows.map((r) => r[dim] ?? "");
    },
    staleTime: 60_000,
    enabled: wanted,
  });

  function submit(e: FormEvent) {
    e.preventDefault();
    const next = new URLSearchParams(params);
    if (!next.getAll(dim).includes(value.trim())) next.append(dim, value.trim());
    const href = `${pathname}?${next}`;
    if (nav) nav.navigate(href);
    else router.push(href);
    setValue("");
  }

  return (
    <form onSubmit={submit} onFocus={() => setWanted(true)} onPointerEnter={() => setWanted(true)} aria-label="Add a filter" className="flex flex-wrap items-end gap-2 text-sm">
      <label className="flex flex-col text-xs text-slate-500">
        Filter by
        <select value={dim} onChange={(e) => setDim(e.target.value as Dimension)} data-testid="add-filter-dimension" className="rounded-md border border-slate-300 bg-white px-2 py-1 text-sm text-slate-900">
          {DIMENSIONS.map((d) => (
            <option key={d} value={d}>
              {d}
            </option>
          ))}
        </select>
      </label>
      <label className="flex flex-col text-xs text-slate-500">
        Value
        <input
          list={listId}
          value={value}
          onChange={(e) => setValue(e.target.value)}
          placeholder={suggestions.data?.[0] ? `e.g. ${suggestions.data[0]}` : "value"}
          data-testid="add-filter-value"
          className="w-44 rounded-md border border-slate-300 bg-white px-2 py-1 text-sm text-slate-900"
        />
        <datalist id={listId}>
          {(suggestions.data ?? []).map((v) => (
            <option key={v} value={v} />
          ))}
        </datalist>
      </label>
      <button type="submit" disabled={value.trim() === ""} className="rounded-md border border-slate-300 bg-white px-3 py-1.5 hover:bg-slate-50 disabled:opacity-50">
        Add filter
      </button>
    </form>
  );
}
