import type { z } from "zod";

/**
 * A query string read against a strict zod object, errors in the API's form ("name: what was
 * expected"): every parameter given once, unknown ones named with the list of known ones. `raw`
 * keeps the single values for checks that span several parameters.
 */
export function readQueryParams<T extends z.ZodObject>(sp: URLSearchParams, schema: T, expected: string) {
  const raw: Record<string, string> = Object.create(null);
  const errors: string[] = [];
  for (const key of new Set(sp.keys())) {
    const values = sp.getAll(key);
    if (values.length > 1) errors.push(`${key}: given ${values.length} times, expected once`);
    else raw[key] = values[0];
  }
  const parsed = schema.safeParse(raw);
  if (!parsed.success) {
    for (const i of parsed.error.issues) {
      if (i.code === "unrecognized_keys") errors.push(`unknown parameter${i.keys.length > 1 ? "s" : ""} ${i.keys.join(", ")}: expected ${expected}`);
      else errors.push(`${String(i.path[0])}: ${i.message}`);
    }
  }
  return { raw, parsed, errors };
}
