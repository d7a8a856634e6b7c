import { z } from "zod";
import { MAX_LIMIT } from "./key-limit-defaults";

export { DEFAULT_LIMITS, MAX_LIMIT, type KeyLimits, type KeyLimitSettings } from "./key-limit-defaults";

/** A limit typed by a person (or a CLI option): blank means the default; "1,000" and "1_000" are read as 1000. */
export const limitField = (label: string) =>
  z
    .string()
    .trim()
    .transform((raw, ctx) => {
      const s = raw.replace(/[_,\s]/g, "");
      if (s === "") return null;
      const n = /^\d+$/.test(s) ? Number(s) : NaN;
      if (!(n >= 1 && n <= MAX_LIMIT)) {
        ctx.addIssue({ code: "custom", message: `${label ? `${label}: ` : ""}expected a whole number from 1 to ${MAX_LIMIT.toLocaleString("en-US")}, or blank for the default, got "${raw.slice(0, 40)}"` });
        return z.NEVER;
      }
      return n;
    });
