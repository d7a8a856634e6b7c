"use client";

import { signOut } from "next-auth/react";

export function SignOutButton({ label = "Sign out" }: { label?: string }) {
  return (
    <button type="button" onClick={() => signOut({ callbackUrl: "/signin" })} className="rounded-md border border-slate-300 px-2 py-1 hover:bg-slate-50">
      {label}
    </button>
  );
}
