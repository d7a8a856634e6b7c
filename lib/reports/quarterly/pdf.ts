import "server-only";
import { durationText, percentText, usdNumberText, usdText } from "../format";
import { spendByFeatureSvg, spendByMonthSvg, unitCostVsBenchmarkSvg } from "./charts";
import { MARGIN, chart, heading, newDoc, paragraph, table, toBuffer } from "./pdf-layout";
import { sectionTable, summaryRows, type CsvSection, type Fmt } from "./tables";
import type { QuarterlyReport } from "./types";

/** The quarterly review as a PDF (pdfkit, tables with doc.table(), echarts SVG charts). Text is real text. */

const READABLE: Fmt = { money: usdText, num: (n) => (n === null ? "n/a" : n.toLocaleString("en-US")), pct: (n) => percentText(n), usdNum: usdNumberText };

function put(doc: ReturnType<typeof newDoc>, r: QuarterlyReport, section: CsvSection) {
  const t = sectionTable(r, section, READABLE);
  table(doc, t.header.map((h) => h.replaceAll("_", " ")), t.rows, t.numeric);
}

export async function quarterlyPdf(r: QuarterlyReport, orgName: string): Promise<Buffer> {
  const doc = newDoc(`Quarterly optimization review ${r.quarter}`);
  const last = new Date(Date.parse(r.to) - 86_400_000).toISOString().slice(0, 10);
  doc.font("Helvetica-Bold").fontSize(18).text(`Quarterly optimization review ${r.quarter}`, MARGIN);
  doc.font("Helvetica").fontSize(10).fillColor("#374151");
  doc.text(`${orgName}: ${r.from.slice(0, 10)} to ${last}, quarters in UTC.`);
  doc.text(r.complete ? "Complete quarter." : `Quarter in progress: figures to ${r.as_of}.`);
  doc.text(`Generated ${r.generated_at}.`).fillColor("#111827");

  heading(doc, "Summary");
  paragraph(doc, `Total spend ${usdText(r.total_spend_usd)} (exact ${r.total_spend_usd} USD) over ${r.requests.toLocaleString("en-US")} requests.`);
  paragraph(doc, r.previous_total_spend_usd === null
    ? `Previous quarter ${r.previous.quarter}: no data.`
    : `Previous quarter ${r.previous.quarter}: ${usdText(r.previous_total_spend_usd)} (exact ${r.previous_total_spend_usd} USD), change ${usdText(r.change_vs_previous_usd)} (${percentText(r.change_vs_previous_percent, true)}).`);
  paragraph(doc, r.last_year_total_spend_usd === null
    ? `Same quarter last year ${r.last_year.quarter}: no data.`
    : `Same quarter last year ${r.last_year.quarter}: ${usdText(r.last_year_total_spend_usd)} (exact ${r.last_year_total_spend_usd} USD), change ${usdText(r.change_vs_last_year_usd)} (${percentText(r.change_vs_last_year_percent, true)}).`);
  doc.moveDown(0.5);
  table(doc, ["metric", "value"], summaryRows(r, READABLE).slice(4), [1]);
  chart(doc, spendByMonthSvg(r));
  put(doc, r, "by_month");

  heading(doc, "Spend by feature");
  chart(doc, spendByFeatureSvg(r));
  put(doc, r, "feature");
  for (const [dim, title] of [["team", "Spend by team"], ["model", "Spend by model"], ["customer", "Spend by customer"]] as const) {
    heading(doc, title);
    put(doc, r, dim);
  }

  heading(doc, "Unit economics against the industry table");
  paragraph(doc, "Cost per request is spend over priced requests; per user, spend of events naming a user over distinct users; per action, a feature's spend over its events tagged with that action. Industry bands from seed 002 (see Sources).");
  put(doc, r, "unit_costs");
  chart(doc, unitCostVsBenchmarkSvg(r));
  put(doc, r, "tiers");
  for (const t of r.unit_economics.tiers) if (t.benchmark?.note) paragraph(doc, `${t.label}: ${t.benchmark.note}.`);
  if (r.unit_economics.actions.length) put(doc, r, "actions");

  heading(doc, "Budget variance");
  paragraph(doc, "Each budget's own periods (its time zone and calendar) that overlap the quarter and have started; amount against actual.");
  put(doc, r, "budgets");

  heading(doc, "Alerts");
  const a = r.alerts;
  paragraph(doc, `${a.total} alerts opened; ${a.acknowledged} acknowledged, ${a.resolved} resolved, ${a.still_open} not resolved. Median time to acknowledge ${durationText(a.median_time_to_acknowledge_seconds)}; median time to resolve ${durationText(a.median_time_to_resolve_seconds)} (p90 ${durationText(a.p90_time_to_resolve_seconds)}).`);
  put(doc, r, "alerts");

  heading(doc, "Attribution coverage");
  put(doc, r, "attribution");
  if (r.attribution.benchmark) paragraph(doc, `Industry: P50 ${r.attribution.benchmark.p50}, world class ${r.attribution.benchmark.world_class}; this organization: ${r.attribution.benchmark.place}.`);

  heading(doc, "SLO attainment");
  put(doc, r, "slos");
  heading(doc, "Recommendations and realized savings");
  put(doc, r, "recommendations");

  heading(doc, "Sources");
  paragraph(doc, `Industry benchmarks: ${r.benchmarks_source.title}, project seed ${r.benchmarks_source.seed}. ${r.benchmarks_source.note}`);
  put(doc, r, "benchmarks");
  return toBuffer(doc);
}
