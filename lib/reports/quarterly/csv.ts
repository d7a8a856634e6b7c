import { EXACT, sectionTable, type CsvSection } from "./tables";
import type { QuarterlyReport } from "./types";

/**
 * RFC 4180 CSV: CRLF line ends, a field quoted when it holds a comma, a quote, CR or LF, quotes
 * doubled. Money is the exact decimal string. A text cell a spreadsheet would run as a formula
 * (starting =, +, -, @, tab or CR) gets a leading apostrophe; numbers we write are left alone.
 */
const NUMBER = /^-?\d+(\.\d+)?(e-?\d+)?$/;

export function csvCell(v: string): string {
  const safe = !NUMBER.test(v) && /^[=+\-@\t\r]/.test(v) ? `'${v}` : v;
  return /[",\r\n]/.test(safe) ? `"${safe.replaceAll('"', '""')}"` : safe;
}

export function toCsv(header: string[], rows: string[][]): string {
  return [header, ...rows].map((r) => r.map(csvCell).join(",")).join("\r\n") + "\r\n";
}

export function sectionCsv(r: QuarterlyReport, section: CsvSection): string {
  const t = sectionTable(r, section, EXACT);
  return toCsv(t.header, t.rows);
}
