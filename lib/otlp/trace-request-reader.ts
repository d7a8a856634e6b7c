import protobuf from "protobufjs";

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

/** Reads the length of an embedded message and returns where it ends. */
const end = (r: protobuf.Reader) => r.uint32() + r.pos;

function anyValue(r: protobuf.Reader, stop: number): Obj {
  const v: Obj = {};
  while (r.pos < stop) {
    const tag = r.uint32();
    switch (tag >>> 3) {
      case 1: v.stringValue = r.string(); break;
      case 2: v.boolValue = r.bool(); break;
      case 3: { const l = r.int64(); v.intValue = typeof l === "number" ? l : (l as unknown as { toNumber(): number }).toNumber(); break; }
      case 4: v.doubleValue = r.double(); break;
      case 5: {
        const e = end(r);
        const values: Obj[] = [];
        while (r.pos < e) {
          const t = r.uint32();
          if (t >>> 3 === 1) values.push(anyValue(r, end(r)));
          else r.skipType(t & 7);
        }
        v.arrayValue = { values };
        break;
      }
      default: r.skipType(tag & 7);
    }
  }
  return v;
}

function keyValues(r: protobuf.Reader, stop: number, into: Obj[]) {
  const kv: Obj = {};
  while (r.pos < stop) {
    const tag = r.uint32();
    if (tag >>> 3 === 1) kv.key = r.string();
    else if (tag >>> 3 === 2) kv.value = anyValue(r, end(r));
    else r.skipType(tag & 7);
  }
  into.push(kv);
}

function span(r: protobuf.Reader, stop: number): Obj {
  const s: Obj = {};
  const attributes: Obj[] = [];
  s.attributes = attributes;
  while (r.pos < stop) {
    const tag = r.uint32();
    switch (tag >>> 3) {
      case 1: s.traceId = r.bytes(); break;
      case 2: s.spanId = r.bytes(); break;
      case 7: s.startTimeUnixNano = fixed64(r); break;
      case 8: s.endTimeUnixNano = fixed64(r); break;
      case 9: keyValues(r, end(r), attributes); break;
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
        const attributes: Obj[] = [];
        repeated(r, end(r), 1, (r, s) => keyValues(r, s, attributes));
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
