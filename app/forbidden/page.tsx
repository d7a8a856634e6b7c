import Link from "next/link";

export default async function ForbiddenPage({ searchParams }: { searchParams: Promise<{ need?: string }> }) {
  const { need } = await searchParams;
  return (
    <main className="flex min-h-screen items-center justify-center px-4">
      <div className="max-w-md rounded-xl border border-slate-200 bg-white p-8 text-center shadow-sm">
        <h1 className="text-xl font-semibold">Your role can&apos;t open this page</h1>
        <p className="mt-2 text-sm text-slate-600">
          {need ? (
            <>
              It needs the <code className="rounded bg-slate-100 px-1">{need}</code> permission.{" "}
            </>
          ) : null}
          Ask an administrator if you need access.
        </p>
        <Link href="/" className="mt-6 inline-block rounded-md bg-slate-900 px-4 py-2 text-sm font-medium text-white">
          Back to the overview
        </Link>
      </div>
    </main>
  );
}
