/** @type {import('next').NextConfig} */
const nextConfig = {
  // The embedded ClickHouse engine (chdb) is a native addon with a 500 MB shared library:
  // it must be loaded by Node at run time, never bundled.
  serverExternalPackages: ["chdb", "@clickhouse/client", "better-sqlite3", "@prisma/adapter-better-sqlite3"],
  poweredByHeader: false,
};
export default nextConfig;
