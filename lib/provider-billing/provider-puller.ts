import "server-only";
import type { z } from "zod";
import { CollectorError, type Collector, type CollectorOutcome, type CollectorRun, type SourceType } from "@/lib/source-contract/collector";
import { providerConfigSchema, type ProviderConfig } from "./config";
import { upsertCosts } from "./cost-table";
import type { PullOptions } from "./http-pull";
import { planPull } from "./pull-plan";
import type { BillingProvider, CostBucketRow, UsageBucketRow } from "./types";
import { upsertUsage } from "./usage-table";

/**
 * What differs between the OpenAI and Anthropic pullers: how to call the API. Planning the windows,
 * storing, progress and the cursor are the same for both and live here.
 */
export type ProviderApi = {
  provider: BillingProvider & SourceType;
  label: string;
  defaultBaseUrl: string;
  /** request headers carrying the key */
  headers: (config: ProviderConfig) => Record<string, string>;
  authHelp: string;
  /** every usage page in [from, to), hourly buckets */
  usagePages: (config: ProviderConfig, from: Date, to: Date, opts: PullOptions) => AsyncGenerator<UsageBucketRow[]>;
  /** every cost page in [from, to), daily buckets */
  costPages: (config: ProviderConfig, from: Date, to: Date, opts: PullOptions) => AsyncGenerator<CostBucketRow[]>;
};

/** A puller runs every 5 minutes once its backfill is done; the trailing window keeps open buckets fresh. */
const INTERVAL_MS = 5 * 60_000;

export function makeProviderCollector(api: ProviderApi): Collector {
  const schema = providerConfigSchema(api.defaultBaseUrl);
  return {
    type: api.provider,
    configSchema: schema as unknown as z.ZodType<Record<string, unknown>>,
    secretFields: ["admin_key"],
    intervalMs: () => INTERVAL_MS,
    run: (ctx) => runPull(api, schema, ctx),
  };
}

async function runPull(api: ProviderApi, schema: ReturnType<typeof providerConfigSchema>, ctx: CollectorRun): Promise<CollectorOutcome> {
  const parsed = schema.safeParse(ctx.config);
  if (!parsed.success) {
    const i = parsed.error.issues[0];
    throw new CollectorError(`Invalid ${api.label} source settings: ${i.path.join(".")}: ${i.message}.`, "config");
  }
  const config = parsed.data;
  const plan = planPull(ctx.cursor, config.backfill_days, ctx.now);
  const opts: PullOptions = { label: api.label, headers: api.headers(config), authHelp: api.authHelp, signal: ctx.signal, log: ctx.log };
  let usageRows = 0;
  let buckets = 0;
  for await (const rows of api.usagePages(config, plan.usage.from, plan.usage.to, opts)) {
    await upsertUsage(ctx.orgId, ctx.sourceId, api.provider, rows);
    usageRows += rows.length;
    buckets += new Set(rows.map((r) => r.bucketStart.getTime())).size;
  }
  let costRows = 0;
  for await (const rows of api.costPages(config, plan.cost.from, plan.cost.to, opts)) {
    await upsertCosts(ctx.orgId, ctx.sourceId, api.provider, rows);
    costRows += rows.length;
  }
  await ctx.progress(plan.progress);
  ctx.log(
    `${api.label}: usage ${plan.usage.from.toISOString()}..${plan.usage.to.toISOString()} ${usageRows} rows, ` +
      `costs ${plan.cost.from.toISOString()}..${plan.cost.to.toISOString()} ${costRows} rows`,
  );
  return {
    cursor: plan.next,
    backfillDone: plan.next.backfillDone,
    stats: { usage_rows: usageRows, usage_buckets: buckets, cost_rows: costRows },
    ...(plan.caughtUp ? {} : { nextRunAt: ctx.now }),
  };
}
