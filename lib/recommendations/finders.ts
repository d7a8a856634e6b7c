import "server-only";
import type { Finder } from "@/lib/recommendation-contract/candidate";
import { findModelRouting } from "./finders/model-routing";
import { findPromptCaching } from "./finders/prompt-caching";
import { findResponseCaching } from "./finders/response-caching";
import { findMaxTokens } from "./finders/max-tokens";
import { findBatch } from "./finders/batch";
import { findContextTrim } from "./finders/context-trim";
import { findErrors } from "./finders/errors";
import { selfHostedFinders } from "@/lib/selfhosted-advice/finders";

/**
 * Every finder a recomputation runs: those on API traffic here, and the self-hosted ones
 * (lib/selfhosted-advice: GPU right-sizing, autoscaling, quantization, self-host crossover).
 */
export const API_TRAFFIC_FINDERS: Finder[] = [findModelRouting, findPromptCaching, findResponseCaching, findMaxTokens, findBatch, findContextTrim, findErrors];

export const FINDERS: Finder[] = [...API_TRAFFIC_FINDERS, ...selfHostedFinders];
