import type { Metadata } from "next";
import { requirePermission } from "@/lib/auth/guard";
import { DEFAULT_MAPPING } from "@/lib/otlp/attribute-mapping";
import { getMapping } from "@/lib/otlp/mapping-store";
import { MappingForm } from "./mapping-form";

export const metadata: Metadata = { title: "OpenTelemetry" };

export default async function OtlpSettingsPage() {
  const user = await requirePermission("apikeys.manage");
  const mapping = await getMapping(user.orgId);
  return (
    <div className="space-y-6">
      <div>
        <h1 className="text-2xl font-semibold">OpenTelemetry (OTLP)</h1>
        <p className="text-sm text-slate-500">
          Point an OpenTelemetry-instrumented service here with <code>OTEL_EXPORTER_OTLP_ENDPOINT=&lt;this server&gt;/api/otlp</code> and{" "}
          <code>OTEL_EXPORTER_OTLP_HEADERS=Authorization=Bearer%20&lt;ingest key&gt;</code> (protobuf or JSON, gzip allowed). GenAI spans become
          ledger events, priced like any other; other spans are ignored.
        </p>
      </div>
      <section className="rounded-xl border border-slate-200 bg-white p-4">
        <h2 className="font-semibold">Attribute mapping</h2>
        <p className="mb-3 text-sm text-slate-500">
          Which span or resource attributes fill each dimension. The first key present wins; a span&apos;s own attributes are searched before its
          resource&apos;s. Leave a field blank to never fill that dimension from OTLP.
        </p>
        <MappingForm mapping={mapping} defaults={DEFAULT_MAPPING} />
      </section>
    </div>
  );
}
