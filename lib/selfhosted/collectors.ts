import "server-only";
/** The self-hosted collectors, for the sources framework's registry (wired in by lib/sources). */
export { prometheusScrapeCollector } from "./scrape-collector";
export { prometheusApiCollector } from "./api-collector";
