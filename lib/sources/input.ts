import { z } from "zod";
import { SOURCE_TYPES } from "@/lib/source-contract/collector";

const name = z
  .string({ error: "expected a name (text)" })
  .trim()
  .min(1, "expected a name of 1 to 100 characters")
  .max(100, "expected a name of 1 to 100 characters");
const config = z.record(z.string(), z.unknown(), { error: "expected an object with the source's settings" });

/** POST /api/v1/sources. `type` is checked against the installed collectors after this (see sources.ts). */
export const createSourceSchema = z.strictObject({
  type: z.string({ error: `expected one of ${SOURCE_TYPES.join(", ")}` }),
  name,
  config: config.default({}),
});
export type CreateSourceInput = z.infer<typeof createSourceSchema>;

/**
 * PATCH /api/v1/sources/{id}. `config` is merged over the stored one: a field sent replaces it, `null`
 * removes it, a secret not sent is kept. `state` pauses or resumes.
 */
export const patchSourceSchema = z.strictObject({
  type: z.never({ error: "cannot be changed: create a new source of the other type" }).optional(),
  name: name.optional(),
  config: config.optional(),
  state: z.enum(["paused", "active"], { error: "expected paused or active" }).optional(),
});
export type PatchSourceInput = z.infer<typeof patchSourceSchema>;
