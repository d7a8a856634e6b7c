/**
 * A separate process applying evaluations to the DATA_DIR it inherits, for the cross-process race test:
 * argv[2] = org id, argv[3] = how many conditions, argv[4] = a label for its evaluations' time offset.
 */
import { applyEvaluation } from "@/lib/alerts/apply";
import { closeDb } from "@/lib/db/prisma";
import { condition, evaluation, minutes } from "./fixtures";

const [orgId, count, offset] = [process.argv[2], Number(process.argv[3]), Number(process.argv[4])];
for (let i = 0; i < count; i++) {
  await applyEvaluation(evaluation(orgId, `xp-source-${i}`, [condition(`xp-${i}`)], minutes(offset / 60)));
}
await closeDb();
