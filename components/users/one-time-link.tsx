"use client";

import { CopyButton } from "@/components/keys/copy-button";

/** A link shown once (invitation or password reset), with the host the admin is using. */
export function OneTimeLink({ path, message }: { path: string; message: string }) {
  const url = `${window.location.origin}${path}`;
  return (
    <div className="mt-3 rounded-md border border-emerald-300 bg-emerald-50 p-3 text-sm">
      <p className="font-medium text-emerald-900">{message} Copy it now: it will not be shown again.</p>
      <div className="mt-2 flex items-start gap-2">
        <code data-testid="one-time-link" className="block flex-1 select-all break-all rounded bg-white px-2 py-1 font-mono">
          {url}
        </code>
        <CopyButton value={url} />
      </div>
    </div>
  );
}
