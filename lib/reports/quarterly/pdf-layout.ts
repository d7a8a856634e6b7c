import "server-only";
import PDFDocument from "pdfkit";
import SVGtoPDF from "svg-to-pdfkit";

/**
 * pdfkit helpers for the review: headings, paragraphs, tables (pdfkit's own `doc.table()`), and SVG
 * charts placed with svg-to-pdfkit, each starting a new page when it would not fit.
 */

export type Doc = PDFKit.PDFDocument;

export const MARGIN = 50;

export function newDoc(title: string): Doc {
  return new PDFDocument({ size: "A4", margin: MARGIN, info: { Title: title, Producer: "LLM FinOps", Creator: "LLM FinOps quarterly review" }, bufferPages: false });
}

const bottom = (doc: Doc) => doc.page.height - doc.page.margins.bottom;

export function ensureRoom(doc: Doc, height: number) {
  if (doc.y + height > bottom(doc)) doc.addPage();
}

export function heading(doc: Doc, text: string) {
  // A heading never ends a page: keep room for the start of what follows it.
  ensureRoom(doc, 140);
  doc.moveDown(0.8).font("Helvetica-Bold").fontSize(13).fillColor("#111827").text(text, MARGIN).moveDown(0.3);
  doc.font("Helvetica").fontSize(9).fillColor("#111827");
}

export function paragraph(doc: Doc, text: string, color = "#374151") {
  doc.font("Helvetica").fontSize(9).fillColor(color).text(text, MARGIN, undefined, { width: doc.page.width - 2 * MARGIN }).fillColor("#111827");
}

/** A table with a bold header row; numeric columns (by index) right-aligned. */
export function table(doc: Doc, header: string[], rows: string[][], numeric: number[] = []) {
  if (rows.length === 0) return paragraph(doc, "No data for this quarter.");
  ensureRoom(doc, 40);
  doc.font("Helvetica").fontSize(8);
  doc.table({
    position: { x: MARGIN },
    maxWidth: doc.page.width - 2 * MARGIN,
    columnStyles: (i: number) => (numeric.includes(i) ? { align: { x: "right" as const, y: "top" as const } } : {}),
    rowStyles: (i: number) => (i === 0 ? { font: { src: "Helvetica-Bold" }, backgroundColor: "#f3f4f6" } : {}),
    defaultStyle: { border: 0.5, borderColor: "#d1d5db", padding: [3, 4, 3, 4] as unknown as number },
    data: [header, ...rows],
  });
  doc.font("Helvetica").fontSize(9);
  doc.x = MARGIN;
  doc.moveDown(0.5);
}

export function chart(doc: Doc, svg: string | null, width = 495, height = 220) {
  if (!svg) return;
  const h = Number(/height="(\d+)"/.exec(svg)?.[1] ?? height);
  const w = Number(/width="(\d+)"/.exec(svg)?.[1] ?? width);
  const scaled = (h * width) / w;
  ensureRoom(doc, scaled + 10);
  SVGtoPDF(doc, svg, MARGIN, doc.y, { width, height: scaled, assumePt: true });
  doc.y += scaled + 10;
  doc.x = MARGIN;
}

export function toBuffer(doc: Doc): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    doc.on("data", (c: Buffer) => chunks.push(c));
    doc.on("end", () => resolve(Buffer.concat(chunks)));
    doc.on("error", reject);
    doc.end();
  });
}
