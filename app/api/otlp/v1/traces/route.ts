import { handleOtlp } from "@/lib/otlp/http-otlp";

export const dynamic = "force-dynamic";

export function POST(req: Request) {
  return handleOtlp(req, "traces");
}
