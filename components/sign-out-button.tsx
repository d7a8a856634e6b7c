"use client";

import { signOut } from "next-auth/react";

/**
 * Ends the session on the server (it is revoked, not just forgotten by the browser), then goes to
 * the sign-in page of the host in use: next-auth's own redirect would use NEXTAUTH_URL's host.
 */
export function SignOutButton({ label = "Sign out" }: { label?: string }) {
  return (
    <button
      type="button"
      onClick={async () => {
        await signOut({ redirect: false });
        window.location.assign("/signin");
      }}
      className="rounded-md border border-slate-300 px-2 py-1 hover:bg-slate-50"
    >
      {label}
    </button>
  );
}
