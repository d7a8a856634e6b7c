/** The one-line result or error a server action sends back in the URL (?saved= / ?error=). */
export function Notice({ search, extra }: { search: Record<string, string | string[] | undefined>; extra?: string | null }) {
  const one = (k: string) => {
    const v = search[k];
    return Array.isArray(v) ? v[0] : v;
  };
  const error = one("error");
  const saved = one("saved");
  return (
    <>
      {error && <p role="alert" className="rounded-md border border-red-200 bg-red-50 px-3 py-2 text-sm text-red-800">{error}</p>}
      {saved && <p role="status" className="rounded-md border border-emerald-200 bg-emerald-50 px-3 py-2 text-sm text-emerald-800">{saved}</p>}
      {extra && <p className="rounded-md border border-amber-200 bg-amber-50 px-3 py-2 text-sm text-amber-800">{extra}</p>}
    </>
  );
}
