/**
 * Provider terms the replay needs beyond the price catalog, in one table each with its source, so a
 * change of terms is a one-line edit. Pure data (safe for client components: the scenario builder
 * shows them).
 */

export type BatchDiscount = { provider: string; discountPct: number; source: string };

/**
 * Batch API discounts, applied to every token bucket of a request sent through the provider's batch
 * API. A provider not listed has no batch discount: a batch scenario leaves its requests unchanged.
 */
export const BATCH_DISCOUNTS: BatchDiscount[] = [
  { provider: "openai", discountPct: 50, source: "https://platform.openai.com/docs/guides/batch (50% lower costs)" },
  { provider: "azure", discountPct: 50, source: "https://learn.microsoft.com/azure/ai-services/openai/how-to/batch (50% less than global standard)" },
  { provider: "anthropic", discountPct: 50, source: "https://docs.anthropic.com/en/docs/build-with-claude/batch-processing (50% of standard prices)" },
  { provider: "google", discountPct: 50, source: "https://ai.google.dev/gemini-api/docs/batch-mode (50% of the interactive price)" },
  { provider: "mistral", discountPct: 50, source: "https://docs.mistral.ai/capabilities/batch/ (50% discount)" },
];

export function batchDiscountPct(provider: string): number {
  return BATCH_DISCOUNTS.find((d) => d.provider === provider.toLowerCase())?.discountPct ?? 0;
}

/**
 * The smallest prompt (total input tokens) a provider caches. Requests below it are not
 * cache-eligible in a prompt_cache scenario. Model-specific minimums (e.g. Anthropic's Haiku models,
 * 2,048) are not distinguished: the replay uses the provider's common minimum.
 */
export const MIN_CACHEABLE_TOKENS: { provider: string; tokens: number; source: string }[] = [
  { provider: "openai", tokens: 1024, source: "https://platform.openai.com/docs/guides/prompt-caching (prompts of 1,024 tokens or more)" },
  { provider: "azure", tokens: 1024, source: "https://learn.microsoft.com/azure/ai-services/openai/how-to/prompt-caching (1,024 tokens)" },
  { provider: "anthropic", tokens: 1024, source: "https://docs.anthropic.com/en/docs/build-with-claude/prompt-caching (1,024 tokens for Sonnet and Opus)" },
  { provider: "google", tokens: 1024, source: "https://ai.google.dev/gemini-api/docs/caching (implicit caching from 1,024 tokens on Flash)" },
  { provider: "deepseek", tokens: 64, source: "https://api-docs.deepseek.com/guides/kv_cache (64-token units)" },
];
export const DEFAULT_MIN_CACHEABLE_TOKENS = 1024;

export function minCacheableTokens(provider: string): number {
  return MIN_CACHEABLE_TOKENS.find((m) => m.provider === provider.toLowerCase())?.tokens ?? DEFAULT_MIN_CACHEABLE_TOKENS;
}
