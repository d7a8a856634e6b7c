/**
 * Next.js calls register() once per server process before serving. In the Node runtime it brings
 * the stores up to date and, in embedded mode, runs the workers in this process (the embedded
 * engine allows one process per data directory).
 */
export async function register() {
  if (process.env.NEXT_RUNTIME !== "nodejs") return;
  // Before the first request: route handlers get the TCP peer address for sign-in throttling.
  (await import("./lib/auth/client-address")).installPeerAddressStamp();
  const { startServerRuntime } = await import("./lib/runtime/server-runtime");
  await startServerRuntime();
  // After the stores are ready (until then Next.js holds requests): the gateway budget check is
  // answered without Next.js's per-request work (lib/http/fast-routes.ts).
  (await import("./lib/runtime/fast-routes")).installFastRoutes();
}
