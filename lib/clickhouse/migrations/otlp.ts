import type { Migration } from "./index";
import { GENAI_METRIC_POINTS_DDL } from "@/lib/otlp/metric-store";

/** Issue 12 item 4: GenAI metrics received over OTLP (versions 40-49 belong to lib/otlp). */
export const otlpMigrations: Migration[] = [{ version: 40, name: "genai_metric_points: GenAI histogram points from OTLP metrics", statements: [GENAI_METRIC_POINTS_DDL] }];
