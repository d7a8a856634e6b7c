import { CSV_SECTIONS } from "@/lib/reports/quarterly/tables";

/** Quarter picker (a plain GET form: works before any script loads) and the download links. */
export function QuarterPicker({ quarter, quarters }: { quarter: string; quarters: string[] }) {
  return (
    <form method="get" action="/reports/quarterly" className="flex items-center gap-2 text-sm">
      <label htmlFor="quarter" className="text-slate-600">
        Quarter (UTC)
      </label>
      <select id="quarter" name="quarter" defaultValue={quarter} className="rounded-md border border-slate-300 bg-white px-2 py-1">
        {quarters.map((q) => (
          <option key={q} value={q}>
            {q}
          </option>
        ))}
      </select>
      <button type="submit" className="rounded-md border border-slate-300 px-3 py-1 font-medium">
        Show
      </button>
    </form>
  );
}

export function Downloads({ quarter }: { quarter: string }) {
  const base = `/api/v1/reports/quarterly?quarter=${encodeURIComponent(quarter)}`;
  return (
    <div className="flex flex-wrap items-center gap-2 text-sm" data-testid="downloads">
      <a href={`${base}&format=pdf`} download className="rounded-md bg-slate-900 px-3 py-1.5 font-medium text-white">
        Download PDF
      </a>
      <details className="relative">
        <summary className="cursor-pointer rounded-md border border-slate-300 px-3 py-1.5 font-medium">CSV</summary>
        <ul className="absolute right-0 z-10 mt-1 w-48 rounded-md border border-slate-200 bg-white p-1 shadow">
          {CSV_SECTIONS.map((s) => (
            <li key={s}>
              <a href={`${base}&format=csv&section=${s}`} download className="block rounded px-2 py-1 hover:bg-slate-100">
                {s.replaceAll("_", " ")}.csv
              </a>
            </li>
          ))}
        </ul>
      </details>
      <a href={`${base}&format=json`} className="px-2 py-1.5 text-indigo-700 hover:underline">
        JSON
      </a>
    </div>
  );
}
