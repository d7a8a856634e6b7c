import Link from "next/link";

export default function NotFound() {
  return (
    <main className="flex min-h-screen items-center justify-center px-4">
      <div className="max-w-md rounded-xl border border-slate-200 bg-white p-8 text-center shadow-sm">
        <h1 className="text-xl font-semibold">There is no page here</h1>
        <p className="mt-2 text-sm text-slate-600">The link may be mistyped, or the page may have moved.</p>
        <Link href="/" className="mt-6 inline-block rounded-md bg-slate-900 px-4 py-2 text-sm font-medium text-white">
          Go to the overview
        </Link>
      </div>
    </main>
  );
}
