import "server-only";
import { z } from "zod";
import { DEFAULT_MAX_TOKENS_PER_BUCKET, MAX_TOKENS_PER_BUCKET_CEILING } from "@/lib/domain/event";

const envSchema = z.object({
  CLICKHOUSE_URL: z.url().optional(),
  CLICKHOUSE_USER: z.string().optional(),
  CLICKHOUSE_PASSWORD: z.string().optional(),
  CLICKHOUSE_DATABASE: z.string().default("default"),
  /** A cluster named in the servers' configuration: the schema is created ON CLUSTER, replicated and distributed. */
  CLICKHOUSE_CLUSTER: z
    .string()
    .regex(/^[A-Za-z_][A-Za-z0-9_]*$/, "expected a cluster name (letters, digits, underscores)")
    .optional(),
  DATA_DIR: z.string().default(".data"),
  /** "0" turns off seeding the demo organization on first start. */
  DEMO_DATA: z.enum(["0", "1"]).default("1"),
  /** "0" keeps the worker loops out of the web server process (they then run via `npm run workers`). */
  EMBEDDED_WORKERS: z.enum(["0", "1"]).optional(),
  /**
   * How the embedded engine receives inserts: "native" (chdb's own insert, the default) or "client"
   * (inline in the SQL text through @clickhouse/client's connection, kept to compare in benchmarks).
   */
  EMBEDDED_INSERT_PATH: z.enum(["native", "client"]).default("native"),
  /** Max milliseconds an ingest request waits for its group commit. */
  INGEST_FLUSH_MS: z.coerce.number().int().min(1).max(5000).default(15),
  /** Most tokens one event may claim in any one bucket (input, cache read, cache write, output, ...). */
  INGEST_MAX_TOKENS_PER_BUCKET: z.coerce.number().int().min(1).max(MAX_TOKENS_PER_BUCKET_CEILING).default(DEFAULT_MAX_TOKENS_PER_BUCKET),
  QUERY_TIMEOUT_SECONDS: z.coerce.number().int().min(1).max(3600).default(30),
  /** How long a worker owns an organization's re-cost without extending it (extended every third). */
  RECOST_LEASE_MS: z.coerce.number().int().min(300).max(3_600_000).default(30_000),

  // --- access: sign-in throttling and rate limits (lib/auth) ---
  /**
   * How many reverse proxies in front of the server append to X-Forwarded-For. 0 (default): the
   * client address is the TCP peer's and X-Forwarded-For is ignored, so clients cannot choose it.
   */
  TRUST_PROXY_HOPS: z.coerce.number().int().min(0).max(10).default(0),
});

export type Env = z.infer<typeof envSchema>;

let cached: Env | undefined;

/** Environment, validated once; a bad value stops start-up with the variable's name. */
export function env(): Env {
  if (cached) return cached;
  const parsed = envSchema.safeParse(process.env);
  if (!parsed.success) {
    const problems = parsed.error.issues.map((i) => `${i.path.join(".")}: ${i.message}`).join("; ");
    throw new Error(`Invalid environment: ${problems}`);
  }
  if (parsed.data.CLICKHOUSE_CLUSTER && !parsed.data.CLICKHOUSE_URL) throw new Error("Invalid environment: CLICKHOUSE_CLUSTER: needs CLICKHOUSE_URL (a cluster is never embedded)");
  cached = parsed.data;
  return cached;
}

export function isEmbedded(): boolean {
  return !env().CLICKHOUSE_URL;
}
