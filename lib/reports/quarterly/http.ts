import "server-only";
import { authenticate } from "@/lib/auth/request";
import { checkKeyRequestLimit } from "@/lib/auth/key-limits";
import { db } from "@/lib/db/prisma";
import { errorResponse, jsonError } from "@/lib/http/responses";
import { sectionCsv } from "./csv";
import { parseReportParams } from "./params";
import { quarterlyPdf } from "./pdf";
import { quarterlyReport } from "./report";

/** GET /api/v1/reports/quarterly: a read-scoped API key, or a signed-in user with reports.view. */
export async function handleQuarterlyReport(req: Request): Promise<Response> {
  const auth = await authenticate(req, "read", "reports.view");
  if (!auth.ok) return jsonError(auth.status, auth.error);
  const limited = await checkKeyRequestLimit(auth.principal);
  if (limited) return limited;
  const params = parseReportParams(new URL(req.url).searchParams);
  if (!params.ok) return jsonError(400, "Invalid query parameters.", params.errors);
  const { quarter, format, section, top } = params.value;
  try {
    const orgId = auth.principal.orgId;
    const report = await quarterlyReport(orgId, quarter.label, { topN: top });
    const name = `llm-finops-${quarter.label}`;
    const headers = { "cache-control": "no-store" };
    if (format === "csv") {
      return new Response(sectionCsv(report, section), {
        headers: { ...headers, "content-type": "text/csv; charset=utf-8; header=present", "content-disposition": `attachment; filename="${name}-${section}.csv"` },
      });
    }
    if (format === "pdf") {
      const org = await db().organization.findUnique({ where: { id: orgId }, select: { name: true } });
      const pdf = await quarterlyPdf(report, org?.name ?? "Organization");
      return new Response(new Uint8Array(pdf), {
        headers: { ...headers, "content-type": "application/pdf", "content-disposition": `attachment; filename="${name}.pdf"`, "content-length": String(pdf.length) },
      });
    }
    return Response.json(report, { headers });
  } catch (err) {
    return errorResponse("reports.quarterly", err);
  }
}
