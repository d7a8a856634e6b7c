/** Headers every response gets; pages also get a nonce-based CSP from proxy.ts. */
const common = [
  { key: "X-Content-Type-Options", value: "nosniff" },
  { key: "Referrer-Policy", value: "same-origin" },
  { key: "X-Frame-Options", value: "DENY" },
];

/** @type {import('next').NextConfig} */
const nextConfig = {
  // The embedded ClickHouse engine (chdb) is a native addon with a 500 MB shared library:
  // it must be loaded by Node at run time, never bundled.
  // pdfkit loads its standard fonts with createRequire(import.meta.url) and "#standard-fonts/*"
  // subpath imports, which only resolve from its own package folder.
  serverExternalPackages: ["chdb", "@clickhouse/client", "better-sqlite3", "@prisma/adapter-better-sqlite3", "pg", "@prisma/adapter-pg", "pdfkit"],
  poweredByHeader: false,
  // forbidden() in server actions: a refused action answers 403 instead of a 500 with a stack trace.
  experimental: { authInterrupts: true },
  async headers() {
    return [
      { source: "/:path*", headers: common },
      // JSON answers never need to load anything.
      { source: "/api/:path*", headers: [{ key: "Content-Security-Policy", value: "default-src 'none'; frame-ancestors 'none'" }] },
    ];
  },
};
export default nextConfig;
