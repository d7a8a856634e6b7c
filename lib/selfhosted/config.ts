/**
 * Config of the two self-hosted source types, as sent to POST/PATCH /api/v1/sources. Messages name
 * the field and what was expected. Pure.
 */
import { z } from "zod";
import { ENGINE_KINDS, type EngineKind } from "./types";

const httpUrl = (field: string) =>
  z
    .string({ error: `expected the ${field} as a string` })
    .trim()
    .max(2000, { message: "expected at most 2000 characters" })
    .refine((v) => /^https?:\/\/[^\s]+$/i.test(v) && URL.canParse(v), { message: "expected an http:// or https:// URL" });

const kind = z.enum(ENGINE_KINDS, { error: `expected one of ${ENGINE_KINDS.join(", ")}` });
const intervalS = z
  .number({ error: "expected a number of seconds" })
  .int({ message: "expected whole seconds" })
  .min(5, { message: "expected at least 5 seconds" })
  .max(3600, { message: "expected at most 3600 seconds" })
  .default(15);
const bearer = z.string({ error: "expected a string" }).min(1, { message: "expected a non-empty token" }).max(4096).optional();

export const scrapeConfigSchema = z
  .strictObject({ url: httpUrl("full /metrics URL").optional(), base_url: httpUrl("full /metrics URL").optional(), kind, interval_s: intervalS, bearer_token: bearer })
  .superRefine((v, ctx) => {
    if (!v.url && !v.base_url) ctx.addIssue({ code: "custom", path: ["url"], message: "expected the full /metrics URL, e.g. http://vllm:8000/metrics" });
  })
  .transform((v) => ({ url: (v.url ?? v.base_url) as string, kind: v.kind, interval_s: v.interval_s, ...(v.bearer_token ? { bearer_token: v.bearer_token } : {}) }));

const labelName = /^[a-zA-Z_][a-zA-Z0-9_]*$/;
export const apiConfigSchema = z.strictObject({
  base_url: httpUrl("Prometheus base URL (without /api/v1)"),
  kind,
  interval_s: intervalS,
  bearer_token: bearer,
  match: z
    .record(
      z.string().regex(labelName, { message: "expected a Prometheus label name" }),
      z.string({ error: "expected a string label value" }).max(500),
      { error: 'expected an object of label matchers such as {"job": "dcgm"}' },
    )
    .refine((m) => Object.keys(m).length <= 20, { message: "expected at most 20 label matchers" })
    .optional(),
  backfill_days: z.number({ error: "expected a number of days" }).int({ message: "expected whole days" }).min(0, { message: "expected 0 or more" }).max(90, { message: "expected at most 90 days" }).default(1),
});

export type ScrapeConfig = { url: string; kind: EngineKind; interval_s: number; bearer_token?: string };
export type ApiConfig = z.infer<typeof apiConfigSchema>;

/** zod issues -> ["config.<path>: <message>"], the API's details lines. */
export function configIssues(err: z.ZodError): string[] {
  return err.issues.map((i) => `config${i.path.length ? "." + i.path.join(".") : ""}: ${i.message}`);
}
