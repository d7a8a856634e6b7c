import "server-only";
import { endpoint, OPENAI_BASE_URL } from "./config";
import { pullPages } from "./http-pull";
import { openaiCompletionsPage, openaiCostsPage, readCompletionsBucket, readCostsBucket } from "./openai-wire";
import type { ProviderApi } from "./provider-puller";

const unix = (d: Date) => String(Math.floor(d.getTime() / 1000));

/** OpenAI Usage and Costs APIs: Bearer admin key, unix-second windows, `group_by[]` arrays. */
export const openaiApi: ProviderApi = {
  provider: "openai",
  label: "OpenAI",
  defaultBaseUrl: OPENAI_BASE_URL,
  headers: (c) => ({ authorization: `Bearer ${c.admin_key}`, accept: "application/json" }),
  authHelp:
    "the Usage and Costs APIs need an organization Admin key (sk-admin-...), not a project key. " +
    "Create one at https://platform.openai.com/settings/organization/admin-keys and paste it into this source.",
  async *usagePages(c, from, to, opts) {
    const url = endpoint(c.base_url, "/organization/usage/completions");
    url.searchParams.set("start_time", unix(from));
    url.searchParams.set("end_time", unix(to));
    url.searchParams.set("bucket_width", "1h");
    // 168 is the most 1 h buckets OpenAI returns per page.
    url.searchParams.set("limit", "168");
    for (const g of ["project_id", "model", "api_key_id", "batch", "service_tier"]) url.searchParams.append("group_by[]", g);
    for await (const buckets of pullPages(url, openaiCompletionsPage, opts)) {
      yield buckets.flatMap((b, i) => readCompletionsBucket(b, `${url.pathname} data[${i}]`));
    }
  },
  async *costPages(c, from, to, opts) {
    const url = endpoint(c.base_url, "/organization/costs");
    url.searchParams.set("start_time", unix(from));
    url.searchParams.set("end_time", unix(to));
    url.searchParams.set("bucket_width", "1d");
    url.searchParams.set("limit", "31");
    for (const g of ["project_id", "line_item"]) url.searchParams.append("group_by[]", g);
    for await (const buckets of pullPages(url, openaiCostsPage, opts)) yield buckets.flatMap(readCostsBucket);
  },
};
