import { z } from "zod";

/** Config of both provider pullers, as sent to POST/PATCH /api/v1/sources; messages name the field. */
export function providerConfigSchema(defaultBaseUrl: string) {
  return z.object({
    admin_key: z
      .string({ error: "expected the organization's admin key as a string" })
      .trim()
      .min(8, { error: "expected the organization's admin key (at least 8 characters)" }),
    base_url: z
      .url({ protocol: /^https?$/, error: "expected an http(s) URL of the API root" })
      .default(defaultBaseUrl),
    backfill_days: z
      .number({ error: "expected a whole number of days from 1 to 400" })
      .int({ error: "expected a whole number of days from 1 to 400" })
      .min(1, { error: "expected a whole number of days from 1 to 400" })
      .max(400, { error: "expected a whole number of days from 1 to 400" })
      .default(30),
  });
}

export type ProviderConfig = { admin_key: string; base_url: string; backfill_days: number };

export const OPENAI_BASE_URL = "https://api.openai.com/v1";
export const ANTHROPIC_BASE_URL = "https://api.anthropic.com";

/** base_url joined with an endpoint path, whatever trailing slash the user typed. */
export function endpoint(baseUrl: string, path: string): URL {
  return new URL(baseUrl.replace(/\/+$/, "") + path);
}
