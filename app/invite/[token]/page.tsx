import type { Metadata } from "next";
import Link from "next/link";
import { findLink } from "@/lib/auth/invitations";
import { AcceptLinkForm } from "@/components/users/accept-link-form";
import { acceptLinkAction } from "../actions";

export const metadata: Metadata = { title: "Set your password", referrer: "no-referrer" };

/** Where an invitation or reset link lands; open to signed-out visitors, the token decides. */
export default async function InvitePage({ params }: { params: Promise<{ token: string }> }) {
  const { token } = await params;
  const link = await findLink(token);
  return (
    <main className="flex min-h-screen items-center justify-center px-4">
      <div className="w-full max-w-sm rounded-xl border border-slate-200 bg-white p-8 shadow-sm">
        {link ? (
          <>
            <h1 className="text-xl font-semibold">{link.kind === "invite" ? `Join ${link.orgName}` : "Choose a new password"}</h1>
            <p className="mt-1 text-sm text-slate-500">
              {link.kind === "invite" ? (
                <>
                  You are invited as <strong>{link.email}</strong> with the <strong>{link.role}</strong> role.
                </>
              ) : (
                <>
                  For <strong>{link.email}</strong>. Every earlier session ends when you save.
                </>
              )}
            </p>
            <AcceptLinkForm token={token} askName={link.kind === "invite"} acceptLinkAction={acceptLinkAction} />
          </>
        ) : (
          <>
            <h1 className="text-xl font-semibold">This link does not work</h1>
            <p data-testid="invalid-link" className="mt-2 text-sm text-slate-600">
              It is unknown, already used, revoked or expired. Ask an admin for a new one.
            </p>
            <Link href="/signin" className="mt-4 inline-block text-sm underline">
              Sign in
            </Link>
          </>
        )}
      </div>
    </main>
  );
}
