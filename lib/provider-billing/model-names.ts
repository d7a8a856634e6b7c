/**
 * How billed and attributed model names meet. The usage APIs report the dated model id the provider
 * served ("gpt-4o-mini-2024-07-18", "claude-sonnet-4-20250514"); applications send whatever they asked
 * for, often the alias ("gpt-4o-mini", "claude-sonnet-4-0"). Reconciliation therefore groups both sides
 * by the model FAMILY: the id without a trailing snapshot date (-YYYY-MM-DD or -YYYYMMDD) and without
 * "-latest" / "-0" alias suffixes. Two snapshots of one model are reconciled as one row.
 */
export function modelFamily(model: string): string {
  const m = model.trim().toLowerCase();
  if (!m) return "";
  return m
    .replace(/-(\d{4}-\d{2}-\d{2}|\d{8})$/, "")
    .replace(/-(latest|0)$/, "");
}
