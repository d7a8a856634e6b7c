/**
 * PLACEHOLDER on the caches branch: the self-hosted part provides the real section (prefix-cache hit
 * rates per deployment). Same signature, so the Caches page compiles before the merge.
 */
export async function PrefixCacheSection({ orgId, from, to }: { orgId: string; from: Date; to: Date }) {
  void orgId;
  void from;
  void to;
  return <p className="text-sm text-gray-500">No self-hosted deployments: connect a vLLM or SGLang server under Sources to see prefix-cache hit rates.</p>;
}
