/** Pieces every self-hosted candidate shares: money strings, the evidence link, number formats. Pure. */
import { PICO_PER_USD, picoToUsdString } from "@/lib/money/pico";
import { usdToPico } from "@/lib/selfhosted/money";
import { HOURS_PER_MONTH } from "./capacity";

const CENT = PICO_PER_USD / 100n;

/** Pico-dollars rounded to the cent, as the API's decimal string. */
export const centsString = (pico: bigint): string => picoToUsdString(((pico + CENT / 2n) / CENT) * CENT);

/** `gpus` GPUs at `priceUsd` per GPU-hour for a month of 730 hours. */
export const gpuMonthsPico = (gpus: number, priceUsd: string): bigint => BigInt(gpus) * BigInt(HOURS_PER_MONTH) * usdToPico(priceUsd);

/** A USD float (estimates, API comparisons) as a cent-rounded decimal string. */
export const usdFloatString = (usd: number): string => centsString(BigInt(Math.round(usd * 100)) * CENT);

/** The /self-hosted page for the deployment over the page's range that covers the window. */
export function selfHostedHref(name: string, windowMs: number): string {
  const days = windowMs / 86_400_000;
  const range = days <= 1 ? "24h" : days <= 7 ? "7d" : days <= 30 ? "30d" : "60d";
  return `/self-hosted?range=${range}&deployment=${encodeURIComponent(name)}`;
}

export const pct = (v: number | null) => (v === null ? "not measured" : `${(v * 100).toFixed(1)}%`);
export const num = (v: number, digits = 0) => v.toLocaleString("en-US", { maximumFractionDigits: digits, minimumFractionDigits: digits });

/** Self-hosted levers on one deployment change the same GPU bill: totals take the largest of them. */
export const deploymentGroup = (name: string) => `deployment:${name}`;
