/**
 * Reads OTLP values from either encoding: a message decoded by protobufjs (bytes as Uint8Array,
 * 64-bit integers as Long) or parsed OTLP/JSON (hex ids, 64-bit integers as strings or numbers).
 * Both carry the same lowerCamel field names and only the fields that were set as own keys.
 */
export type AttrValue = string | number | boolean | AttrValue[] | null;
export type Attributes = Map<string, AttrValue>;

type Obj = Record<string, unknown>;
export const isObj = (v: unknown): v is Obj => typeof v === "object" && v !== null && !Array.isArray(v);
export const list = (v: unknown): unknown[] => (Array.isArray(v) ? v : []);

type LongLike = { low: number; high: number; unsigned?: boolean };
const isLong = (v: unknown): v is LongLike => isObj(v) && typeof v.low === "number" && typeof v.high === "number";

/** A 64-bit integer as a JS number (exact up to 2^53; beyond that the nearest double, which is enough for counts and nanoseconds → ms). */
export function int64(v: unknown): number | null {
  if (typeof v === "number") return Number.isFinite(v) ? v : null;
  if (typeof v === "string") return /^-?\d{1,20}$/.test(v.trim()) ? Number(v.trim()) : null;
  if (isLong(v)) return v.unsigned || v.high >= 0 ? (v.high >>> 0) * 4294967296 + (v.low >>> 0) : v.high * 4294967296 + (v.low >>> 0);
  return null;
}

/** Nanoseconds since the epoch (fixed64, a decimal string in JSON) to milliseconds; null when absent or unreadable. */
export function nanosToMs(v: unknown): number | null {
  if (typeof v === "string" && /^\d{1,20}$/.test(v.trim())) {
    // Exact integer division: Number() of a 19-digit string is already off by up to 128 ns, BigInt is not.
    return Number(BigInt(v.trim()) / 1000n) / 1000;
  }
  const n = int64(v);
  return n === null || n < 0 ? null : n / 1e6;
}

const HEX = /^[0-9a-f]*$/;

/** A trace id (16 bytes) or span id (8 bytes) as lowercase hex; null when missing, all zero or malformed. */
export function hexId(v: unknown, bytes: 16 | 8): string | null {
  let hex: string;
  if (typeof v === "string") hex = v.toLowerCase();
  else if (v instanceof Uint8Array) hex = Buffer.from(v.buffer, v.byteOffset, v.byteLength).toString("hex");
  else return null;
  if (hex.length !== bytes * 2 || !HEX.test(hex) || /^0+$/.test(hex)) return null;
  return hex;
}

/** One AnyValue; key-value lists and bytes are not attribute values this product reads (null). */
export function anyValue(v: unknown): AttrValue {
  if (!isObj(v)) return null;
  if (typeof v.stringValue === "string" && Object.hasOwn(v, "stringValue")) return v.stringValue;
  if (Object.hasOwn(v, "intValue")) return int64(v.intValue);
  if (Object.hasOwn(v, "doubleValue")) {
    const d = typeof v.doubleValue === "string" ? Number(v.doubleValue) : v.doubleValue;
    return typeof d === "number" && Number.isFinite(d) ? d : null;
  }
  if (typeof v.boolValue === "boolean" && Object.hasOwn(v, "boolValue")) return v.boolValue;
  if (Object.hasOwn(v, "arrayValue") && isObj(v.arrayValue)) return list(v.arrayValue.values).map(anyValue);
  return null;
}

/**
 * A KeyValue list as a map (a later duplicate key wins, as in most SDKs). The protobuf span reader
 * hands over a map already (trace-request-reader.ts); it is used as it is.
 */
export function attributes(kvs: unknown, into?: Attributes): Attributes {
  if (kvs instanceof Map) {
    if (!into) return kvs as Attributes;
    for (const [k, v] of kvs as Attributes) into.set(k, v);
    return into;
  }
  into ??= new Map();
  for (const kv of list(kvs)) {
    if (isObj(kv) && typeof kv.key === "string") into.set(kv.key, anyValue(kv.value));
  }
  return into;
}

/** A scalar attribute as text ("" when absent); the first element of an array (header values are string arrays). */
export function text(a: Attributes, key: string): string {
  let v = a.get(key);
  if (Array.isArray(v)) v = v[0] ?? null;
  if (v === null || v === undefined) return "";
  return typeof v === "string" ? v : String(v);
}

/** A numeric attribute (a number, or a numeric string); null when absent or not a number. */
export function num(a: Attributes, key: string): number | null {
  let v = a.get(key);
  if (Array.isArray(v)) v = v[0] ?? null;
  if (typeof v === "number") return v;
  if (typeof v === "string" && v.trim() !== "" && Number.isFinite(Number(v))) return Number(v);
  return null;
}
