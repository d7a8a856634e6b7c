export const ROLES = ["admin", "finance", "engineer", "oncall", "viewer"] as const;
export type Role = (typeof ROLES)[number];

/** What each role may do; checked on the server for every page, route handler and server action. */
export const PERMISSIONS = {
  "dashboard.view": ["admin", "finance", "engineer", "oncall", "viewer"],
  "prices.view": ["admin", "finance", "engineer", "oncall", "viewer"],
  "prices.edit": ["admin", "finance"],
  "apikeys.manage": ["admin", "engineer"],
  "users.manage": ["admin"],
  "budgets.view": ["admin", "finance", "engineer", "oncall", "viewer"],
  "budgets.manage": ["admin", "finance"],
  /** alerts, monitors, channels and routing: everyone signed in reads them */
  "alerts.view": ["admin", "finance", "engineer", "oncall", "viewer"],
  /** acknowledge, resolve, snooze and silence */
  "alerts.act": ["admin", "engineer", "oncall"],
  /** monitors, channels, routing rules */
  "alerting.manage": ["admin", "engineer"],
  "audit.view": ["admin"],
  /** provider API pullers and Prometheus scrapers: they hold admin keys and bearer tokens */
  "sources.view": ["admin", "engineer"],
  "sources.manage": ["admin", "engineer"],
  /** billed vs attributed, self-hosted GPU cost, caches, provider health: read by everyone signed in */
  "reconciliation.view": ["admin", "finance", "engineer", "oncall", "viewer"],
  /** provider project / workspace / api key -> project and team mapping, coverage alert threshold */
  "reconciliation.manage": ["admin", "finance", "engineer"],
  "selfhosted.view": ["admin", "finance", "engineer", "oncall", "viewer"],
  /** deployments: GPUs, endpoints and their price per GPU-hour */
  "selfhosted.manage": ["admin", "engineer"],
  "caches.view": ["admin", "finance", "engineer", "oncall", "viewer"],
  "providers.view": ["admin", "finance", "engineer", "oncall", "viewer"],
  /** per-feature cost, latency, error and cache SLOs with their burn */
  "slos.view": ["admin", "finance", "engineer", "oncall", "viewer"],
  "slos.manage": ["admin", "finance", "engineer"],
  /** savings recommendations, the capacity planner and what-if replays (a replay only reads) */
  "recommendations.view": ["admin", "finance", "engineer", "oncall", "viewer"],
  /** accept, dismiss, mark implemented, recompute, per-feature settings (interactive or batchable) */
  "recommendations.manage": ["admin", "finance", "engineer"],
  "whatif.run": ["admin", "finance", "engineer", "oncall", "viewer"],
  /** the quarterly optimization review: page, PDF and CSVs */
  "reports.view": ["admin", "finance", "engineer", "oncall", "viewer"],
} as const satisfies Record<string, readonly Role[]>;

export type Permission = keyof typeof PERMISSIONS;

export function isRole(value: unknown): value is Role {
  return typeof value === "string" && (ROLES as readonly string[]).includes(value);
}

export function can(role: Role, permission: Permission): boolean {
  return (PERMISSIONS[permission] as readonly Role[]).includes(role);
}
