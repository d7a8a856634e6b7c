import "server-only";
import { anthropicApi } from "./anthropic-api";
import { openaiApi } from "./openai-api";
import { makeProviderCollector } from "./provider-puller";

/** The provider billing pullers, registered by the sources framework under their types. */
export const openaiCollector = makeProviderCollector(openaiApi);
export const anthropicCollector = makeProviderCollector(anthropicApi);
