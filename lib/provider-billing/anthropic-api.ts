import "server-only";
import { anthropicCostPage, anthropicUsagePage, readCostBucket, readUsageBucket } from "./anthropic-wire";
import { ANTHROPIC_BASE_URL, endpoint } from "./config";
import { pullPages } from "./http-pull";
import type { ProviderApi } from "./provider-puller";

const rfc3339 = (d: Date) => d.toISOString().replace(/\.\d{3}Z$/, "Z");

/** Anthropic Admin API usage and cost reports: x-api-key + anthropic-version, RFC 3339 windows. */
export const anthropicApi: ProviderApi = {
  provider: "anthropic",
  label: "Anthropic",
  defaultBaseUrl: ANTHROPIC_BASE_URL,
  headers: (c) => ({ "x-api-key": c.admin_key, "anthropic-version": "2023-06-01", accept: "application/json" }),
  authHelp:
    "the usage and cost reports need an Admin API key (sk-ant-admin...). Create one in the Claude Console " +
    "under Settings > Admin keys (organization admins only) and paste it into this source.",
  async *usagePages(c, from, to, opts) {
    const url = endpoint(c.base_url, "/v1/organizations/usage_report/messages");
    url.searchParams.set("starting_at", rfc3339(from));
    url.searchParams.set("ending_at", rfc3339(to));
    url.searchParams.set("bucket_width", "1h");
    url.searchParams.set("limit", "168");
    for (const g of ["workspace_id", "api_key_id", "model", "service_tier", "context_window"]) url.searchParams.append("group_by[]", g);
    for await (const buckets of pullPages(url, anthropicUsagePage, opts)) yield buckets.flatMap(readUsageBucket);
  },
  async *costPages(c, from, to, opts) {
    const url = endpoint(c.base_url, "/v1/organizations/cost_report");
    url.searchParams.set("starting_at", rfc3339(from));
    url.searchParams.set("ending_at", rfc3339(to));
    url.searchParams.set("bucket_width", "1d");
    url.searchParams.set("limit", "31");
    for (const g of ["workspace_id", "description"]) url.searchParams.append("group_by[]", g);
    for await (const buckets of pullPages(url, anthropicCostPage, opts)) yield buckets.flatMap(readCostBucket);
  },
};
