/**
 * The hours a write touches, per organization: what an intent records and what a repair checks.
 * Hours are ClickHouse DateTime text ("YYYY-MM-DD hh:00:00", UTC). Pure: no I/O.
 */
export type OrgHours = Map<string, Set<string>>;

/** The hour of a row's ClickHouse time text ("YYYY-MM-DD hh:mm:ss.sss"). */
export function hourOf(ts: string): string {
  return `${ts.slice(0, 13)}:00:00`;
}

export function orgHoursOf(rows: Iterable<{ org_id: string; ts: string }>): OrgHours {
  const out: OrgHours = new Map();
  for (const r of rows) addHour(out, r.org_id, hourOf(r.ts));
  return out;
}

export function addHour(into: OrgHours, org: string, hour: string): void {
  let hours = into.get(org);
  if (!hours) into.set(org, (hours = new Set()));
  hours.add(hour);
}

export function mergeOrgHours(all: Iterable<OrgHours>): OrgHours {
  const out: OrgHours = new Map();
  for (const oh of all) for (const [org, hours] of oh) for (const h of hours) addHour(out, org, h);
  return out;
}

export function countHours(oh: OrgHours): number {
  let n = 0;
  for (const hours of oh.values()) n += hours.size;
  return n;
}
