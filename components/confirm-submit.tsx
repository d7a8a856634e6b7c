"use client";

import type { ReactNode } from "react";

/** A submit button that asks first: revoking a key or deleting a price cannot be undone from the UI. */
export function ConfirmSubmit({ question, className, title, children }: { question: string; className?: string; title?: string; children: ReactNode }) {
  return (
    <button
      type="submit"
      title={title}
      className={className}
      onClick={(e) => {
        if (!window.confirm(question)) e.preventDefault();
      }}
    >
      {children}
    </button>
  );
}
