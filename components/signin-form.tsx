"use client";

import { signIn } from "next-auth/react";
import { useRouter } from "next/navigation";
import { useState, type FormEvent } from "react";

type Demo = { password: string; emails: string[] } | null;

export function SignInForm({ callbackUrl, demo = null }: { callbackUrl: string; demo?: Demo }) {
  const router = useRouter();
  const [email, setEmail] = useState("");
  const [password, setPassword] = useState("");
  const [error, setError] = useState<string | null>(null);
  const [pending, setPending] = useState(false);

  async function onSubmit(e: FormEvent<HTMLFormElement>) {
    e.preventDefault();
    setPending(true);
    setError(null);
    try {
      const res = await signIn("credentials", { email, password, redirect: false });
      if (res?.status === 429 && res.error) {
        // The server's sentence: too many attempts, and when to try again.
        setError(res.error);
        return;
      }
      if (!res || res.error) {
        setError("That email and password do not match an active user. Check both and try again.");
        return;
      }
      router.replace(callbackUrl);
      router.refresh();
    } catch {
      setError("The server could not be reached. Try again in a moment.");
    } finally {
      setPending(false);
    }
  }

  return (
    <>
      {/* method="post": should scripts not run, the browser must not put the password in the URL. */}
      <form method="post" onSubmit={onSubmit} className="mt-6 space-y-4">
        <label className="block text-sm font-medium">
          Email
          <input
            name="email"
            type="email"
            required
            autoComplete="username"
            value={email}
            onChange={(e) => setEmail(e.target.value)}
            className="mt-1 w-full rounded-md border border-slate-300 px-3 py-2 text-sm"
          />
        </label>
        <label className="block text-sm font-medium">
          Password
          <input
            name="password"
            type="password"
            required
            autoComplete="current-password"
            value={password}
            onChange={(e) => setPassword(e.target.value)}
            className="mt-1 w-full rounded-md border border-slate-300 px-3 py-2 text-sm"
          />
        </label>
        {error && (
          <p role="alert" className="rounded-md bg-red-50 px-3 py-2 text-sm text-red-700">
            {error}
          </p>
        )}
        <button type="submit" disabled={pending} className="w-full rounded-md bg-slate-900 px-3 py-2 text-sm font-medium text-white disabled:opacity-60">
          {pending ? "Signing in…" : "Sign in"}
        </button>
      </form>
      {demo && (
        <div className="mt-6 border-t border-slate-100 pt-4 text-xs text-slate-500">
          <p>
            This is the demo organization. Every role has a user, all with the password <code className="text-slate-700">{demo.password}</code>;
            pick one to fill the form:
          </p>
          <div className="mt-2 flex flex-wrap gap-1.5">
            {demo.emails.map((address) => (
              <button
                key={address}
                type="button"
                onClick={() => {
                  setEmail(address);
                  setPassword(demo.password);
                }}
                className="rounded-full border border-slate-300 px-2 py-0.5 text-slate-700 hover:bg-slate-50"
              >
                {address.split("@")[0]}
              </button>
            ))}
          </div>
        </div>
      )}
    </>
  );
}
