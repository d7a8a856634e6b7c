import type { Table } from "@/lib/reports/quarterly/tables";

/** One section of the review as a table (the same rows the CSV and the PDF hold). */
export function SectionTable({ table, testId }: { table: Table; testId: string }) {
  if (table.rows.length === 0) return <p className="text-sm text-slate-500">No data for this quarter.</p>;
  return (
    <div className="overflow-x-auto">
      <table data-testid={testId} className="w-full text-sm">
        <thead>
          <tr className="text-left text-xs uppercase tracking-wide text-slate-500">
            {table.header.map((h, i) => (
              <th key={i} className={`px-3 py-2 font-medium ${table.numeric.includes(i) ? "text-right" : ""}`}>
                {h.replaceAll("_", " ")}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {table.rows.map((row, r) => (
            <tr key={r} className="border-t border-slate-100">
              {row.map((cell, i) => (
                <td key={i} className={`px-3 py-1.5 ${table.numeric.includes(i) ? "text-right tabular-nums" : ""}`}>
                  {cell}
                </td>
              ))}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export function Card({ title, children, id }: { title: string; children: React.ReactNode; id?: string }) {
  return (
    <section id={id} className="space-y-3 rounded-xl border border-slate-200 bg-white p-4">
      <h2 className="text-lg font-semibold">{title}</h2>
      {children}
    </section>
  );
}
