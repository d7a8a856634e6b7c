import type { Severity } from "@/lib/alert-contract/condition";
import { SEVERITY_RANK, type ScopeMatcher } from "./types";

/**
 * Reading the JSON columns back. Rows are written only through validated paths, but a hand-edited or
 * older row must not break routing for everyone: anything unreadable reads as "matches nothing
 * extra" (an empty list / object) and an unknown severity as the strictest.
 */

export function storedKinds(text: string): string[] {
  try {
    const v = JSON.parse(text);
    return Array.isArray(v) ? v.filter((k): k is string => typeof k === "string") : [];
  } catch {
    return [];
  }
}

export function storedScope(text: string): ScopeMatcher {
  try {
    const v = JSON.parse(text);
    if (!v || typeof v !== "object" || Array.isArray(v)) return {};
    return Object.fromEntries(Object.entries(v).filter((e): e is [string, string] => typeof e[1] === "string"));
  } catch {
    return {};
  }
}

export function storedSeverity(text: string): Severity {
  return text in SEVERITY_RANK ? (text as Severity) : "critical";
}

export function storedSilenceMatcher(text: string): { scope: ScopeMatcher; kinds: string[] } {
  try {
    const v = JSON.parse(text) as { scope?: unknown; kinds?: unknown };
    return { scope: storedScope(JSON.stringify(v?.scope ?? {})), kinds: storedKinds(JSON.stringify(v?.kinds ?? [])) };
  } catch {
    return { scope: {}, kinds: [] };
  }
}
