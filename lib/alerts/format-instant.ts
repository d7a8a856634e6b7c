/** ISO instants in messages: unambiguous for people in any time zone and for scripts. */
export function formatInstant(d: Date | null | undefined): string {
  return d ? d.toISOString().replace(/\.\d{3}Z$/, "Z") : "an unknown time";
}
