import { test } from "node:test";
import assert from "node:assert/strict";
import http from "node:http";
import type { AddressInfo } from "node:net";
import { PEER_HEADER, clientAddress, installPeerAddressStamp } from "./client-address";

test("without the stamp installed, a header a client sends itself is not believed", () => {
  assert.equal(clientAddress(new Headers({ [PEER_HEADER]: "1.2.3.4", "x-forwarded-for": "5.6.7.8" }), 0), "unknown");
});

test("the TCP peer address wins over anything the client sends, unless proxies are trusted", async () => {
  installPeerAddressStamp();
  const seen: Record<string, string | string[] | undefined>[] = [];
  const server = http.createServer((req, res) => {
    seen.push({ ...req.headers });
    res.end("ok");
  });
  await new Promise<void>((r) => server.listen(0, "127.0.0.1", r));
  try {
    const { port } = server.address() as AddressInfo;
    await fetch(`http://127.0.0.1:${port}/`, { headers: { [PEER_HEADER]: "6.6.6.6", "x-forwarded-for": "7.7.7.7, 8.8.8.8" } });
    const headers = seen[0];
    assert.equal(clientAddress(headers, 0), "127.0.0.1", "socket address; the client's own header was overwritten");
    // Behind one trusted proxy, the entry it appended (the last) is the client; earlier ones are the client's say.
    assert.equal(clientAddress(headers, 1), "8.8.8.8");
    assert.equal(clientAddress(headers, 2), "7.7.7.7");
    assert.equal(clientAddress(headers, 5), "7.7.7.7", "more hops than entries: the first entry");
  } finally {
    server.close();
  }
});
