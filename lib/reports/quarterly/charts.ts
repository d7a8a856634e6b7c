import "server-only";
import * as echarts from "echarts/core";
import { BarChart } from "echarts/charts";
import { GridComponent, LegendComponent, TitleComponent } from "echarts/components";
import { SVGRenderer } from "echarts/renderers";
import { dimensionValueText } from "../format";
import type { QuarterlyReport } from "./types";

/**
 * The PDF's charts as SVG strings from echarts' server-side renderer (no canvas, no browser); the PDF
 * embeds them with svg-to-pdfkit. Plain built-in fonts so svg-to-pdfkit maps them to PDF standard fonts.
 */
echarts.use([BarChart, GridComponent, LegendComponent, TitleComponent, SVGRenderer]);

const FONT = { fontFamily: "Helvetica", fontSize: 10 };

function render(option: Record<string, unknown>, width = 500, height = 220): string {
  const chart = echarts.init(null, null, { renderer: "svg", ssr: true, width, height });
  try {
    chart.setOption({ animation: false, textStyle: FONT, ...option });
    return chart.renderToSVGString();
  } finally {
    chart.dispose();
  }
}

const dollars = (v: number) => (v >= 1000 ? `$${Math.round(v / 1000)}k` : `$${Number(v.toPrecision(3))}`);

export function spendByMonthSvg(r: QuarterlyReport): string {
  return render({
    title: { text: "Spend by month (USD)", textStyle: { ...FONT, fontSize: 11 } },
    grid: { left: 70, right: 20, top: 40, bottom: 30 },
    xAxis: { type: "category", data: r.spend_by_month.map((m) => m.month) },
    yAxis: { type: "value", axisLabel: { formatter: dollars } },
    series: [{ type: "bar", data: r.spend_by_month.map((m) => Number(m.cost_usd)), itemStyle: { color: "#2563eb" }, barWidth: "45%" }],
  });
}

export function spendByFeatureSvg(r: QuarterlyReport): string {
  const b = r.breakdowns.feature;
  const items = [...b.top.map((i) => ({ name: dimensionValueText(i.value), v: Number(i.cost_usd) })), ...(b.other ? [{ name: `other (${b.other.count})`, v: Number(b.other.cost_usd) }] : [])].reverse();
  return render(
    {
      title: { text: "Spend by feature (USD)", textStyle: { ...FONT, fontSize: 11 } },
      grid: { left: 130, right: 30, top: 40, bottom: 30 },
      xAxis: { type: "value", axisLabel: { formatter: dollars } },
      yAxis: { type: "category", data: items.map((i) => i.name.slice(0, 24)) },
      series: [{ type: "bar", data: items.map((i) => i.v), itemStyle: { color: "#0d9488" } }],
    },
    500,
    Math.max(160, 40 + items.length * 22),
  );
}

/** Measured cost per 1M tokens by tier beside the seed's P50 upper edge and world-class upper edge. */
export function unitCostVsBenchmarkSvg(r: QuarterlyReport): string | null {
  const tiers = r.unit_economics.tiers.filter((t) => t.benchmark && t.cost_per_mtok_usd !== null);
  if (tiers.length === 0) return null;
  const edge = (band: string) => Number((band.split("-").pop() ?? "").replace(/[$+%]/g, "")) || 0;
  return render({
    title: { text: "Cost per 1M tokens vs industry (USD)", textStyle: { ...FONT, fontSize: 11 } },
    legend: { top: 18, textStyle: FONT },
    grid: { left: 60, right: 20, top: 50, bottom: 30 },
    xAxis: { type: "category", data: tiers.map((t) => t.label.split(" (")[0]) },
    yAxis: { type: "value" },
    series: [
      { name: "measured", type: "bar", data: tiers.map((t) => Number(t.cost_per_mtok_usd!.toFixed(4))), itemStyle: { color: "#2563eb" } },
      { name: "P50 (upper edge)", type: "bar", data: tiers.map((t) => edge(t.benchmark!.p50)), itemStyle: { color: "#f59e0b" } },
      { name: "world class (upper edge)", type: "bar", data: tiers.map((t) => edge(t.benchmark!.world_class)), itemStyle: { color: "#16a34a" } },
    ],
  });
}
