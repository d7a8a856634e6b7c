/** Display name of a dimension value; events without the attribute group under "(not set)". */
export function labelOf(value: string): string {
  return value === "" ? "(not set)" : value;
}
