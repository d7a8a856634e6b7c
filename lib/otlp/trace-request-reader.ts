import protobuf from "protobufjs";
import type { Attributes, AttrValue } from "./otlp-values";

/**
 * A direct reader of ExportTraceServiceRequest bytes for the fields a span-to-event needs, on
 * protobufjs's wire Reader. The reflection decoder (codec.ts) builds a message object per field
 * (23 per GenAI span), a Long per timestamp and a prototype per type; at 500 spans a request that
 * was the largest cost of the endpoint (about 100 us a span on the shared machine). This reader
 * skips what is not read (events, links, names, scope attributes) and yields the same lowerCamel
 * shape as the reflection decoder, so collectSpans reads both; codec.test.ts checks they agree.
 * Field numbers: opentelemetry-proto trace.proto, common.proto, resource.proto (proto/).
 */
type Obj = Record<string, unknown>;

function fixed64(r: protobuf.Reader): number {
  const lo = r.fixed32();
  const hi = r.fixed32();
  return hi * 4294967296 + lo;
}

/**
 * Attribute keys and most string values repeat from span to span ("gen_ai.usage.input_tokens", the
 * model, the operation), so short strings are looked up by their bytes rather than decoded each time:
 * decoding made a new string per attribute, and the garbage of a 1,000-span request was a third of its
 * reading time. The cache is bounded; a string not in it is decoded as before.
 */
const INTERN_MAX_BYTES = 64;
const INTERN_MAX_ENTRIES = 4096;
const interned = new Map<number, { bytes: Uint8Array; text: string }[]>();
let internedCount = 0;

function shortString(r: protobuf.Reader): string {
  const at = r.pos;
  const len = r.uint32();
  const start = r.pos;
  const stop = start + len;
  if (len > INTERN_MAX_BYTES || stop > r.len) {
    r.pos = at; // long, or past the end: protobufjs reads it (and throws its range error)
    return r.string();
  }
  const buf = r.buf;
  let h = len;
  for (let i = start; i < stop; i++) h = (Math.imul(h, 31) + buf[i]) | 0;
  const bucket = interned.get(h);
  if (bucket) {
    for (const c of bucket) {
      if (c.bytes.length !== len) continue;
      let same = true;
      for (let i = 0; i < len; i++) if (c.bytes[i] !== buf[start + i]) { same = false; break; }
      if (same) {
        r.pos = stop;
        return c.text;
      }
    }
  }
  const text = Buffer.from(buf.buffer, buf.byteOffset + start, len).toString("utf8");
  if (internedCount < INTERN_MAX_ENTRIES) {
    interned.set(h, [...(bucket ?? []), { bytes: new Uint8Array(buf.subarray(start, stop)), text }]); // a copy: the request's buffer is not kept
    internedCount++;
  }
  r.pos = stop;
  return text;
}

/** Reads the length of an embedded message and returns where it ends. */
const end = (r: protobuf.Reader) => r.uint32() + r.pos;

/**
 * One AnyValue as the attribute value collectSpans reads (otlp-values.ts anyValue): no intermediate
 * message object. Should a malformed message set several of its fields, the same one wins as there:
 * string, then int, double, bool, array; bytes and key-value lists read as null.
 */
function anyValue(r: protobuf.Reader, stop: number): AttrValue {
  let str: string | undefined;
  let int: number | undefined;
  let dbl: number | undefined;
  let bool: boolean | undefined;
  let arr: AttrValue[] | undefined;
  while (r.pos < stop) {
    const tag = r.uint32();
    switch (tag >>> 3) {
      case 1: str = shortString(r); break;
      case 2: bool = r.bool(); break;
      case 3: { const l = r.int64(); int = typeof l === "number" ? l : (l as unknown as { toNumber(): number }).toNumber(); break; }
      case 4: dbl = r.double(); break;
      case 5: {
        const e = end(r);
        const values: AttrValue[] = [];
        while (r.pos < e) {
          const t = r.uint32();
          if (t >>> 3 === 1) values.push(anyValue(r, end(r)));
          else r.skipType(t & 7);
        }
        arr = values;
        break;
      }
      default: r.skipType(tag & 7);
    }
  }
  if (str !== undefined) return str;
  if (int !== undefined) return Number.isFinite(int) ? int : null;
  if (dbl !== undefined) return Number.isFinite(dbl) ? dbl : null;
  if (bool !== undefined) return bool;
  return arr ?? null;
}

/** A KeyValue into the span's attribute map (a later duplicate key wins, as attributes() does). */
function keyValue(r: protobuf.Reader, stop: number, into: Attributes) {
  let key: string | undefined;
  let value: AttrValue = null;
  while (r.pos < stop) {
    const tag = r.uint32();
    if (tag >>> 3 === 1) key = shortString(r);
    else if (tag >>> 3 === 2) value = anyValue(r, end(r));
    else r.skipType(tag & 7);
  }
  if (key !== undefined) into.set(key, value);
}

function span(r: protobuf.Reader, stop: number): Obj {
  const s: Obj = {};
  const attributes: Attributes = new Map();
  s.attributes = attributes;
  while (r.pos < stop) {
    const tag = r.uint32();
    switch (tag >>> 3) {
      case 1: s.traceId = r.bytes(); break;
      case 2: s.spanId = r.bytes(); break;
      case 7: s.startTimeUnixNano = fixed64(r); break;
      case 8: s.endTimeUnixNano = fixed64(r); break;
      case 9: keyValue(r, end(r), attributes); break;
      case 15: {
        const e = end(r);
        const status: Obj = {};
        while (r.pos < e) {
          const t = r.uint32();
          if (t >>> 3 === 3) status.code = r.int32();
          else r.skipType(t & 7);
        }
        s.status = status;
        break;
      }
      default: r.skipType(tag & 7);
    }
  }
  return s;
}

function repeated(r: protobuf.Reader, stop: number, field: number, read: (r: protobuf.Reader, stop: number) => void) {
  while (r.pos < stop) {
    const tag = r.uint32();
    if (tag >>> 3 === field && (tag & 7) === 2) read(r, end(r));
    else r.skipType(tag & 7);
  }
}

/** Throws (protobufjs RangeError / Error) on bytes that are not a well-formed message. */
export function readTraceRequest(bytes: Uint8Array): Obj {
  const r = protobuf.Reader.create(bytes);
  const resourceSpans: Obj[] = [];
  repeated(r, r.len, 1, (r, stop) => {
    const rs: Obj = { scopeSpans: [] };
    while (r.pos < stop) {
      const tag = r.uint32();
      const field = tag >>> 3;
      if (field === 1 && (tag & 7) === 2) {
        const attributes: Attributes = new Map();
        repeated(r, end(r), 1, (r, s) => keyValue(r, s, attributes));
        rs.resource = { attributes };
      } else if (field === 2 && (tag & 7) === 2) {
        const spans: Obj[] = [];
        repeated(r, end(r), 2, (r, s) => void spans.push(span(r, s)));
        (rs.scopeSpans as Obj[]).push({ spans });
      } else r.skipType(tag & 7);
    }
    resourceSpans.push(rs);
  });
  if (r.pos !== r.len) throw new Error(`trailing bytes at offset ${r.pos}`);
  return { resourceSpans };
}
