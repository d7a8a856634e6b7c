/** Epoch ms -> ClickHouse's basic DateTime64(3) text, the form chInsert wants (see lib/clickhouse/query.ts). */
export const chTime = (ms: number): string => new Date(ms).toISOString().slice(0, 23).replace("T", " ");
