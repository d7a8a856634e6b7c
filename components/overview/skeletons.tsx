/**
 * Placeholders for the sections of the overview while their numbers stream in. Each has the height of
 * what replaces it, so nothing jumps, and says it is busy to assistive technology (and to tests).
 */
const block = "animate-pulse rounded-xl bg-slate-200/70";

export function KpisSkeleton() {
  return (
    <div aria-busy="true" aria-label="Loading totals" className="grid gap-4 sm:grid-cols-2 lg:grid-cols-5">
      {Array.from({ length: 5 }, (_, i) => (
        <div key={i} className={`h-[6.5rem] ${block}`} />
      ))}
    </div>
  );
}

export function ChartSkeleton() {
  return <div aria-busy="true" aria-label="Loading the chart" className={`h-[22.5rem] ${block}`} />;
}

export function DriversSkeleton() {
  return (
    <div aria-busy="true" aria-label="Loading the top cost drivers" className="grid gap-6 md:grid-cols-2">
      {Array.from({ length: 6 }, (_, i) => (
        <div key={i} className={`h-80 ${block}`} />
      ))}
    </div>
  );
}

export function OverviewSkeleton() {
  return (
    <div className="space-y-6">
      <KpisSkeleton />
      <div className="grid gap-6 lg:grid-cols-3">
        <div className="lg:col-span-2">
          <ChartSkeleton />
        </div>
        <div aria-busy="true" className={`h-[22.5rem] ${block}`} />
      </div>
      <DriversSkeleton />
    </div>
  );
}
