import assert from "node:assert/strict";
import { test } from "node:test";
import { decodeStatus, encodeStatus } from "./codec";
import { rootFromProtoFiles } from "./proto/build-root";
import { OTLP_DESCRIPTOR } from "./proto/descriptor";

test("descriptor.ts is what the official .proto files in proto/ say (regenerate with proto/generate-descriptor.ts)", () => {
  assert.deepEqual(JSON.parse(JSON.stringify(rootFromProtoFiles().toJSON())), JSON.parse(JSON.stringify(OTLP_DESCRIPTOR)));
});

test("google.rpc.Status round trip", () => {
  assert.deepEqual(decodeStatus(encodeStatus(3, "bad")), { code: 3, message: "bad" });
});
