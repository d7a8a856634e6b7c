import "server-only";
import { HttpError } from "@/lib/http/body";
import type { SloConfig } from "./types";

export type SloFormState = { ok: boolean; message: string; errors?: string[]; id?: string };

/** A service call as the form's state: validation errors listed by field, anything else rethrown. */
export async function sloFormResult(run: () => Promise<SloConfig | null>): Promise<SloFormState> {
  try {
    const s = await run();
    return s ? { ok: true, message: "Saved.", id: s.id } : { ok: false, message: "That SLO no longer exists." };
  } catch (err) {
    if (err instanceof HttpError) return { ok: false, message: "The SLO was not saved.", errors: err.details.length ? err.details : [err.message] };
    throw err;
  }
}
