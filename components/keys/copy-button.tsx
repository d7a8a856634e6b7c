"use client";

import { useState } from "react";

/** Copies a value to the clipboard; says so, or says to select it by hand where the clipboard is off limits. */
export function CopyButton({ value }: { value: string }) {
  const [state, setState] = useState<"idle" | "copied" | "failed">("idle");
  return (
    <button
      type="button"
      onClick={async () => {
        try {
          await navigator.clipboard.writeText(value);
          setState("copied");
        } catch {
          setState("failed");
        }
      }}
      className="rounded-md border border-emerald-400 bg-white px-2 py-1 text-xs font-medium text-emerald-900 hover:bg-emerald-100"
    >
      {state === "copied" ? "Copied" : state === "failed" ? "Select and copy it by hand" : "Copy"}
    </button>
  );
}
