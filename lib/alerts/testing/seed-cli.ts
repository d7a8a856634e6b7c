/**
 * For end-to-end tests: opens an alert in the server's data directory through applyEvaluation, as an
 * evaluator would, and prints its id. argv[2] = dedup key, argv[3] = title. The first organization
 * (the demo one) gets it.
 */
import { applyEvaluation } from "@/lib/alerts/apply";
import { closeDb, db } from "@/lib/db/prisma";
import { condition } from "./fixtures";

const [dedupKey, title] = [process.argv[2], process.argv[3]];
const org = await db().organization.findFirstOrThrow({ orderBy: { createdAt: "asc" } });
const r = await applyEvaluation({
  orgId: org.id,
  source: { type: "monitor", id: `e2e-${dedupKey}` },
  conditions: [condition(dedupKey, 1, "critical", { title })],
  evaluatedAt: new Date(),
});
process.stdout.write(`${r.alerts[0].alertId}\n`);
await closeDb();
