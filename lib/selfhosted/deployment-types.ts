/** A deployment as the rest of the code sees it (parsed JSON, canonical prices). */
import type { PricingKind } from "./deployment-schema";

export type GpuPricing = Record<string, Partial<Record<PricingKind, string>>>;

export type Deployment = {
  id: string;
  orgId: string;
  name: string;
  model: string;
  gpuPricePerHourUsd: string;
  gpuPricing: GpuPricing;
  pricingKind: PricingKind;
  match: Record<string, string>;
  endpoints: string[];
  createdAt: Date;
  updatedAt: Date;
};

/** The USD price of one GPU-hour of `gpuModel` for this deployment. */
export function gpuHourPrice(d: Pick<Deployment, "gpuPricing" | "pricingKind" | "gpuPricePerHourUsd">, gpuModel: string): string {
  return d.gpuPricing[gpuModel]?.[d.pricingKind] ?? d.gpuPricePerHourUsd;
}

export function deploymentJson(d: Deployment) {
  return {
    id: d.id,
    name: d.name,
    model: d.model,
    gpu_price_per_hour_usd: d.gpuPricePerHourUsd,
    gpu_pricing: d.gpuPricing,
    pricing_kind: d.pricingKind,
    match: d.match,
    endpoints: d.endpoints,
    created_at: d.createdAt.toISOString(),
    updated_at: d.updatedAt.toISOString(),
  };
}
