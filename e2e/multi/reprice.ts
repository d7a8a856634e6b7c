/**
 * Changes a price the way an admin does on the Prices page: an override for openai/gpt-4o-mini
 * (input $1, output $2 per million tokens, effective since 2000) and a queued re-cost of
 * [--from, --to) for the workers. Run as `DATA_DIR=... node --conditions=react-server --import tsx
 * e2e/multi/reprice.ts --org <id> --from <iso> --to <iso>`; prints the job id after a marker.
 */
import { closeDb } from "@/lib/db/prisma";
import { createOverride } from "@/lib/pricing/overrides";
import { enqueueRecost } from "@/lib/pricing/recost";

const arg = (name: string) => process.argv[process.argv.indexOf(name) + 1];
const orgId = arg("--org");
await createOverride(orgId, { provider: "openai", modelPattern: "gpt-4o-mini", effectiveFrom: new Date("2000-01-01T00:00:00Z"), inputPerMtok: "1", outputPerMtok: "2", note: "multi-process test" });
const job = await enqueueRecost(orgId, new Date(arg("--from")), new Date(arg("--to")), "multi-process test");
process.stdout.write(`\n@@job@@${job.id}\n`);
await closeDb();
