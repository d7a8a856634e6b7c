import { resolveOrgOption } from "@/lib/db/organization";

/**
 * The shape of one CLI command, shared by the core commands (lib/cli/commands.ts) and the ones each
 * capability brings (budgets, alerts, channels, sources): a leaf module, so capabilities can declare
 * their commands without importing the list that imports them.
 */
export type Values = Record<string, string | boolean | undefined>;
export type OptionSpec = Record<string, { type: "string" | "boolean" }>;
export type Command = { name: string; summary: string; usage: string; options: OptionSpec; run: (v: Values) => Promise<void> };

export const str = { type: "string" } as const;
export const flag = { type: "boolean" } as const;

/** The organization a command acts on: `--org <id or name>`, else the only one there is. */
export const orgOf = (v: Values): Promise<string> => resolveOrgOption(v.org);
