/**
 * The per-request usage objects of ../shared/fixtures/sources/03-per-request-usage-openai-anthropic.txt
 * (A..E), copied verbatim from the fixture, plus the same shapes with non-zero cache and reasoning
 * counts. Shared by the normalization and the pricing tests.
 */
// --- fixture 03, verbatim ------------------------------------------------------------------------

/** A. OpenAI Chat Completions response usage (the fixture's model: gpt-5.4). */
export const A_CHAT = {
  prompt_tokens: 19,
  completion_tokens: 10,
  total_tokens: 29,
  prompt_tokens_details: { cached_tokens: 0, audio_tokens: 0 },
  completion_tokens_details: { reasoning_tokens: 0, audio_tokens: 0, accepted_prediction_tokens: 0, rejected_prediction_tokens: 0 },
};
/** B. OpenAI Responses API usage. */
export const B_RESPONSES = {
  input_tokens: 36,
  input_tokens_details: { cached_tokens: 0, cache_write_tokens: 0 },
  output_tokens: 87,
  output_tokens_details: { reasoning_tokens: 0 },
  total_tokens: 123,
};
/** C. Anthropic stream (model claude-opus-4-8), message_start usage (with the cache_creation breakdown). */
export const C_START = {
  input_tokens: 31,
  cache_creation_input_tokens: 0,
  cache_read_input_tokens: 0,
  cache_creation: { ephemeral_5m_input_tokens: 0, ephemeral_1h_input_tokens: 0 },
  output_tokens: 7,
  service_tier: "standard",
  inference_geo: "global",
};
/** C. Anthropic stream, message_delta usage (cumulative; no cache_creation; nested iterations). */
export const C_DELTA = {
  input_tokens: 31,
  cache_creation_input_tokens: 0,
  cache_read_input_tokens: 0,
  output_tokens: 547,
  output_tokens_details: { thinking_tokens: 0 },
  iterations: [
    {
      input_tokens: 31,
      output_tokens: 547,
      cache_read_input_tokens: 0,
      cache_creation_input_tokens: 0,
      cache_creation: { ephemeral_5m_input_tokens: 0, ephemeral_1h_input_tokens: 0 },
      type: "message",
    },
  ],
};
/** D. Anthropic message_start usage with cache reads and a 5 min cache write. */
export const D_START = {
  input_tokens: 10,
  output_tokens: 1,
  cache_creation_input_tokens: 2,
  cache_read_input_tokens: 3,
  cache_creation: { ephemeral_5m_input_tokens: 2, ephemeral_1h_input_tokens: 0 },
  service_tier: "standard",
};
/** D. Anthropic message_delta usage: cache reads/writes, server tool use, thinking tokens. */
export const D_DELTA = {
  input_tokens: 42,
  output_tokens: 99,
  cache_creation_input_tokens: 7,
  cache_read_input_tokens: 8,
  server_tool_use: { web_search_requests: 1, web_fetch_requests: 2 },
  output_tokens_details: { thinking_tokens: 30 },
};

// --- the same shapes with non-zero cache / reasoning counts ------------------------------------------

export const A_CHAT_CACHED = {
  prompt_tokens: 2006,
  completion_tokens: 300,
  total_tokens: 2306,
  prompt_tokens_details: { cached_tokens: 1920, audio_tokens: 0 },
  completion_tokens_details: { reasoning_tokens: 192, audio_tokens: 0, accepted_prediction_tokens: 0, rejected_prediction_tokens: 0 },
};
export const B_RESPONSES_CACHED = {
  input_tokens: 5000,
  input_tokens_details: { cached_tokens: 4096, cache_write_tokens: 0 },
  output_tokens: 1200,
  output_tokens_details: { reasoning_tokens: 1024 },
  total_tokens: 6200,
};
/** Built from E. (the Anthropic SDK's Usage type): every field set, with both TTLs of cache write. */
export const E_ANTHROPIC_1H = {
  input_tokens: 900,
  cache_creation_input_tokens: 3000,
  cache_read_input_tokens: 4000,
  cache_creation: { ephemeral_5m_input_tokens: 1000, ephemeral_1h_input_tokens: 2000 },
  output_tokens: 500,
  output_tokens_details: { thinking_tokens: 200 },
  server_tool_use: null,
  service_tier: "standard",
  inference_geo: null,
};
/** The normalized form: input_tokens is the TOTAL, cache counts are parts of it. */
export const NORMALIZED = { input_tokens: 5000, cache_read_tokens: 4000, cache_write_tokens: 100, output_tokens: 300, reasoning_tokens: 120 };
