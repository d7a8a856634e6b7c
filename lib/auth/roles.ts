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
} as const satisfies Record<string, readonly Role[]>;

export type Permission = keyof typeof PERMISSIONS;

export function isRole(value: unknown): value is Role {
  return typeof value === "string" && (ROLES as readonly string[]).includes(value);
}

export function can(role: Role, permission: Permission): boolean {
  return (PERMISSIONS[permission] as readonly Role[]).includes(role);
}
