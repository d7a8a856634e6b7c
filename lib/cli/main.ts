/**
 * `npm run cli -- <command>`: what scripts and CI need without the UI. Talks only to the
 * configuration database, so it is safe while the server runs on the embedded engine.
 */
import { parseArgs } from "node:util";
import { z } from "zod";
import { COMMANDS, type Command } from "./commands";

function usage(): string {
  return [
    "Usage: npm run cli -- <command> [options]",
    "",
    ...COMMANDS.map((c) => `  ${c.name.padEnd(16)} ${c.summary}\n  ${" ".repeat(16)} ${c.usage}`),
    "",
    "Options --org <id> select the organization when there is more than one (see `orgs list`).",
  ].join("\n");
}

const name = [process.argv[2], process.argv[3]].filter(Boolean).join(" ");
const command: Command | undefined = COMMANDS.find((c) => c.name === name);
if (!command) {
  console.error(name ? `Unknown command "${name}".\n\n${usage()}` : usage());
  process.exit(2);
}

try {
  const { values } = parseArgs({ args: process.argv.slice(4), options: command.options, strict: true, allowPositionals: false });
  await command.run(values as Record<string, string | boolean | undefined>);
  process.exit(0);
} catch (err) {
  const msg =
    err instanceof z.ZodError
      ? err.issues.map((i) => `--${i.path.join(".")}: ${i.message}`).join("\n")
      : err instanceof Error
        ? err.message
        : String(err);
  console.error(`${command.name}: ${msg}\n  usage: npm run cli -- ${command.usage}`);
  process.exit(1);
}
