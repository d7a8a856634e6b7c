/**
 * Synthetic ingest load for the benchmark: realistic event shapes (provider usage objects, seven
 * dimensions, tags) with distinct ids, spread over the 30 days before `end`. Built as strings
 * because the load generator shares the machine's two cores with the server it measures.
 */
const FEATURES = ["chat", "summarize", "search", "triage", "extract", "translate", "classify", "draft", "agent"];
const TEAMS = ["growth", "core", "support", "platform"];
const CUSTOMERS = Array.from({ length: 200 }, (_, i) => `cust-${i}`);
const USERS = 5000;
const DAY_MS = 86_400_000;

export function eventJson(runId: string, i: number, endMs: number): string {
  const ts = new Date(endMs - ((i * 7919) % (30 * DAY_MS / 1000)) * 1000).toISOString();
  const f = FEATURES[i % FEATURES.length];
  const common =
    `"id":"${runId}-${i}","timestamp":"${ts}","project":"bench","feature":"${f}","team":"${TEAMS[i % 4]}",` +
    `"user":"u-${(i * 31) % USERS}","customer":"${CUSTOMERS[(i * 17) % CUSTOMERS.length]}","environment":"prod",` +
    `"latency_ms":${300 + (i % 900)},"status":"ok","tags":{"route":"/api/${f}"}`;
  const n = 500 + (i % 1500);
  switch (i % 3) {
    case 0:
      return `{${common},"provider":"anthropic","model":"claude-sonnet-4-20250514","usage":{"input_tokens":${n},"cache_creation_input_tokens":${i % 5 === 0 ? 1000 : 0},"cache_read_input_tokens":${i % 2 ? 3000 : 0},"output_tokens":${200 + (i % 300)}}}`;
    case 1:
      return `{${common},"provider":"openai","model":"gpt-4o-mini","usage":{"prompt_tokens":${n},"completion_tokens":${100 + (i % 400)},"total_tokens":${n + 100 + (i % 400)},"prompt_tokens_details":{"cached_tokens":${i % 4 === 0 ? 256 : 0}}}}`;
    default:
      return `{${common},"provider":"openai","model":"gpt-4o","usage":{"input_tokens":${n},"output_tokens":${150 + (i % 250)},"total_tokens":${n + 150 + (i % 250)},"input_tokens_details":{"cached_tokens":0},"output_tokens_details":{"reasoning_tokens":0}}}`;
  }
}

export function batchBody(runId: string, start: number, size: number, endMs: number): string {
  const parts = new Array<string>(size);
  for (let k = 0; k < size; k++) parts[k] = eventJson(runId, start + k, endMs);
  return `{"events":[${parts.join(",")}]}`;
}
