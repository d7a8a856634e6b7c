import Link from "next/link";

/** Preset ranges as plain links (work without script); the current one is highlighted. */
export function RangePicker({ path, current, presets }: { path: string; current: string; presets: { key: string; label: string }[] }) {
  return (
    <nav className="flex gap-1 text-sm" aria-label="Time range">
      {presets.map((p) => (
        <Link
          key={p.key}
          href={`${path}?range=${p.key}`}
          aria-current={p.key === current ? "page" : undefined}
          className={`rounded-md px-2.5 py-1 ${p.key === current ? "bg-slate-900 text-white" : "border border-slate-300 bg-white text-slate-700 hover:bg-slate-50"}`}
        >
          {p.label}
        </Link>
      ))}
    </nav>
  );
}
