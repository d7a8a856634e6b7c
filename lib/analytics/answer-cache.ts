import "server-only";
import { ledgerGeneration } from "@/lib/clickhouse/ledger-generation";
import { isEmbedded } from "@/lib/config/env";

/**
 * Answers of ledger reads, kept per question until this process next writes to the ledger (see
 * ledgerGeneration). That is only correct where this process is the store's only writer, i.e. in
 * embedded mode; against a ClickHouse server every question is computed.
 * Holds promises, so concurrent askers of one question share one computation, and asking a question
 * already answered costs no statement at all. A failed answer is dropped, so the next asker asks again.
 */
export class AnswerCache<V> {
  private readonly entries = new Map<string, V>();
  private generation = -1;

  /**
   * @param max questions kept, least recently asked dropped first
   * @param settled resolves once an answer is complete (to its size, for `keepAtMost`), rejects if it failed
   */
  constructor(
    private readonly max: number,
    private readonly settled: (v: V) => Promise<number | void>,
    private readonly keepAtMost = Infinity,
  ) {}

  get(question: string, compute: () => V): V {
    if (!isEmbedded()) return compute();
    const generation = ledgerGeneration();
    if (generation !== this.generation) {
      // Everything kept was read before the last write: none of it may be served again.
      this.entries.clear();
      this.generation = generation;
    }
    let answer = this.entries.get(question);
    if (answer !== undefined) this.entries.delete(question);
    else {
      answer = compute();
      const mine = answer;
      const drop = () => this.entries.get(question) === mine && this.entries.delete(question);
      // A large answer is served to those already waiting for it, then not kept: memory stays bounded.
      this.settled(answer).then((size) => typeof size === "number" && size > this.keepAtMost && drop(), drop);
    }
    this.entries.set(question, answer);
    while (this.entries.size > this.max) this.entries.delete(this.entries.keys().next().value!);
    return answer;
  }
}
