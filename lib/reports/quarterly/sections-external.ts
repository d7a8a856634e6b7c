import "server-only";
import type { RecommendationsSection, SloAttainmentSection } from "./types";

/**
 * The two sections other parts of issue 11 build: SLO attainment (lib/slos `sloAttainmentForRange`)
 * and recommendations (lib/recommendations `recommendationsForQuarter`). They are read only through
 * this file so the report does not depend on them until they exist; the lead wires each function at
 * merge. Until then they answer null and the report says "not available": never a made-up figure.
 */

export async function sloAttainmentForQuarter(orgId: string, from: Date, to: Date): Promise<SloAttainmentSection | null> {
  void orgId;
  void from;
  void to;
  return null;
}

export async function recommendationsForQuarterSection(orgId: string, from: Date, to: Date): Promise<RecommendationsSection | null> {
  void orgId;
  void from;
  void to;
  return null;
}
