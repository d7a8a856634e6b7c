export default function Loading() {
  return (
    <div aria-busy="true" className="space-y-4">
      <div className="h-24 animate-pulse rounded-xl bg-slate-200/70" />
      <div className="h-72 animate-pulse rounded-xl bg-slate-200/70" />
      <div className="grid gap-4 md:grid-cols-2">
        <div className="h-56 animate-pulse rounded-xl bg-slate-200/70" />
        <div className="h-56 animate-pulse rounded-xl bg-slate-200/70" />
      </div>
      <p className="text-sm text-slate-500">Loading spend…</p>
    </div>
  );
}
