// The package ships no types; this is the shape its README documents (prom2json-compatible).
declare module "parse-prometheus-text-format" {
  const parse: (text: string) => unknown[];
  export default parse;
}
