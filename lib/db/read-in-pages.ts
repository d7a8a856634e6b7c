import "server-only";

/**
 * Reads a table in pages of `size` rows keyed by a unique `id` cursor, handing the thread back between
 * pages: with the synchronous SQLite driver, mapping a thousand rows in one step held the server's
 * thread (and every request waiting on it) for tens of milliseconds. `read` must keep one order.
 */
export async function readInPages<T extends { id: string }>(
  read: (page: { take: number; cursor?: { id: string }; skip?: number }) => Promise<T[]>,
  size: number,
  pause: () => Promise<void>,
): Promise<T[]> {
  const rows: T[] = [];
  for (let cursor: string | undefined; ; ) {
    const page = await read({ take: size, ...(cursor ? { cursor: { id: cursor }, skip: 1 } : {}) });
    rows.push(...page);
    if (page.length < size) return rows;
    cursor = page[page.length - 1].id;
    await pause();
  }
}
