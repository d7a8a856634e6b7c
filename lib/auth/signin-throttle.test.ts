import { makeUser, openConfigDb, type ConfigDb } from "./testing/config-db"; // first: sets DATA_DIR
import { after, before, test } from "node:test";
import assert from "node:assert/strict";
import { MAX_ATTEMPTS_PER_ACCOUNT, MAX_ATTEMPTS_PER_ADDRESS, SIGNIN_WINDOW_MS, signInSucceeded, takeSignInAttempt } from "./signin-throttle";
import { checkCredentials } from "./credentials";

let cfg: ConfigDb;
before(async () => {
  cfg = await openConfigDb();
});
after(async () => cfg?.close());

test("an account is refused after its attempts are used up, whether or not it exists, until the window ends", async () => {
  const t0 = Date.parse("2026-12-01T10:00:00Z");
  for (const email of ["nobody@example.com", "Someone@Example.com"]) {
    for (let i = 0; i < MAX_ATTEMPTS_PER_ACCOUNT; i++) {
      assert.deepEqual(await takeSignInAttempt({ email, address: `10.0.0.${i}` }, t0 + i), { ok: true });
    }
    const refused = await takeSignInAttempt({ email: email.toUpperCase(), address: "10.9.9.9" }, t0 + 60_000);
    assert.equal(refused.ok, false);
    if (!refused.ok) {
      assert.equal(refused.scope, "account");
      assert.equal(refused.retryAfterSeconds, Math.ceil((SIGNIN_WINDOW_MS - 60_000) / 1000));
    }
    assert.deepEqual(await takeSignInAttempt({ email, address: "10.9.9.9" }, t0 + SIGNIN_WINDOW_MS + 1), { ok: true }, "a new window");
  }
});

test("an address is refused after its attempts are used up, across accounts, without using up the accounts", async () => {
  const t0 = Date.parse("2026-12-01T11:00:00Z");
  for (let i = 0; i < MAX_ATTEMPTS_PER_ADDRESS; i++) {
    assert.equal((await takeSignInAttempt({ email: `guess${i}@example.com`, address: "203.0.113.7" }, t0)).ok, true);
  }
  const refused = await takeSignInAttempt({ email: "victim@example.com", address: "203.0.113.7" }, t0);
  assert.equal(refused.ok, false);
  if (!refused.ok) assert.equal(refused.scope, "address");
  // The victim's own attempts were not spent by the refused guesser.
  for (let i = 0; i < MAX_ATTEMPTS_PER_ACCOUNT; i++) {
    assert.equal((await takeSignInAttempt({ email: "victim@example.com", address: "198.51.100.1" }, t0)).ok, true);
  }
});

test("concurrent guesses cannot slip past the limit", async () => {
  const t0 = Date.parse("2026-12-01T12:00:00Z");
  const results = await Promise.all(
    Array.from({ length: 40 }, (_, i) => takeSignInAttempt({ email: "target@example.com", address: `192.0.2.${i}` }, t0)),
  );
  assert.equal(results.filter((r) => r.ok).length, MAX_ATTEMPTS_PER_ACCOUNT);
});

test("a successful sign-in clears its account's count and gives the address its attempt back", async () => {
  const t0 = Date.parse("2026-12-01T13:00:00Z");
  for (let i = 0; i < MAX_ATTEMPTS_PER_ACCOUNT; i++) await takeSignInAttempt({ email: "typo@example.com", address: "192.0.2.200" }, t0);
  await signInSucceeded({ email: "typo@example.com", address: "192.0.2.200" });
  assert.equal((await takeSignInAttempt({ email: "typo@example.com", address: "192.0.2.200" }, t0 + 1)).ok, true);
});

test("known, unknown and disabled accounts cost the same password check (no user enumeration by timing)", async () => {
  await makeUser(cfg.orgId, "known@example.com", "viewer", "the right password");
  const disabled = await makeUser(cfg.orgId, "disabled@example.com", "viewer", "the right password");
  const { setUserDisabled } = await import("./users");
  await setUserDisabled(cfg.orgId, disabled.id, true);
  // The fastest of several tries: other processes only ever add time; the work done sets a floor.
  const fastest = async (email: string) => {
    const times: number[] = [];
    for (let i = 0; i < 7; i++) {
      const t = performance.now();
      assert.equal(await checkCredentials({ email, password: "a wrong password" }), null);
      times.push(performance.now() - t);
    }
    return Math.min(...times);
  };
  await fastest("warm-up@example.com");
  const known = await fastest("known@example.com");
  const unknown = await fastest("unknown@example.com");
  const off = await fastest("disabled@example.com");
  // A scrypt check takes tens of milliseconds and a lookup well under one: skipping it for unknown
  // accounts (the old behaviour) makes them ~10x faster; the same work makes the ratio ~1.
  assert.ok(unknown > known * 0.5, `unknown ${unknown.toFixed(1)} ms vs known ${known.toFixed(1)} ms`);
  assert.ok(off > known * 0.5, `disabled ${off.toFixed(1)} ms vs known ${known.toFixed(1)} ms`);
});
