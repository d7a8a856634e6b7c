import type { Metadata } from "next";
import { redirect } from "next/navigation";
import { currentUser } from "@/lib/auth/guard";
import { safeCallbackPath } from "@/lib/auth/safe-redirect";
import { demoAccounts } from "@/lib/bootstrap/demo-accounts";
import { SignInForm } from "@/components/signin-form";

export const metadata: Metadata = { title: "Sign in" };

export default async function SignInPage({ searchParams }: { searchParams: Promise<Record<string, string | string[] | undefined>> }) {
  const sp = await searchParams;
  // Only paths on this site: a sign-in link must not bounce a user to another one.
  const path = safeCallbackPath(sp.callbackUrl);
  const callbackUrl = path.startsWith("/signin") ? "/" : path; // never back here: a signed-in visit would loop
  if (await currentUser()) redirect(callbackUrl);
  const demo = await demoAccounts();
  return (
    <main className="flex min-h-screen items-center justify-center px-4">
      <div className="w-full max-w-sm">
        <div className="rounded-xl border border-slate-200 bg-white p-8 shadow-sm">
          <h1 className="text-xl font-semibold">LLM FinOps</h1>
          <p className="mt-1 text-sm text-slate-500">Sign in to see where your LLM spend goes.</p>
          <SignInForm callbackUrl={callbackUrl} demo={demo} />
        </div>
      </div>
    </main>
  );
}
