"use client";

import { useQuery } from "@tanstack/react-query";
import type { HealthPoint, ProviderHealthRow } from "@/lib/provider-health/health-query";
import { HealthCharts } from "./health-charts";

export type HealthAnswer = {
  from: string;
  to: string;
  settings: { headroom_alert_percent: number; headroom_alert_minutes: number };
  rows: ProviderHealthRow[];
  series: { interval: "hour" | "day"; points: HealthPoint[] };
};

/**
 * The charts, refreshed every 30 s from GET /api/v1/provider-health (the page's session is the
 * credential); the server-rendered answer shows at once.
 */
export function LiveHealthCharts({ initial, query }: { initial: HealthAnswer; query: string }) {
  const { data } = useQuery({
    queryKey: ["provider-health", query],
    queryFn: async (): Promise<HealthAnswer> => {
      const res = await fetch(`/api/v1/provider-health?${query}`, { headers: { accept: "application/json" } });
      if (!res.ok) throw new Error(`the provider-health API answered ${res.status}`);
      return res.json();
    },
    initialData: initial,
    refetchInterval: 30_000,
  });
  return <HealthCharts points={data.series.points} interval={data.series.interval} />;
}
