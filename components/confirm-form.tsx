"use client";

import type { ReactNode } from "react";

/**
 * A one-button form for a destructive server action on one record (revoke a key, delete a price)
 * that asks first: neither can be undone from the UI.
 */
export function ConfirmForm({
  action,
  id,
  question,
  title,
  children,
}: {
  action: (form: FormData) => Promise<void>;
  id: string;
  question: string;
  title?: string;
  children: ReactNode;
}) {
  return (
    <form action={action}>
      <input type="hidden" name="id" value={id} />
      <button
        type="submit"
        title={title}
        className="text-red-700 hover:underline"
        onClick={(e) => {
          if (!window.confirm(question)) e.preventDefault();
        }}
      >
        {children}
      </button>
    </form>
  );
}
