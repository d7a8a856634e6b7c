import fs from "node:fs";
import os from "node:os";
import path from "node:path";
import { test } from "node:test";
import assert from "node:assert/strict";
import { randomBytes } from "node:crypto";

const dir = fs.mkdtempSync(path.join(os.tmpdir(), "secret-box-"));
process.env.DATA_DIR = dir;
delete process.env.SECRETS_KEY;
delete process.env.SECRETS_KEY_PREVIOUS;
process.once("exit", () => fs.rmSync(dir, { recursive: true, force: true }));

const box = await import("./secret-box");

test("round trip; the ciphertext holds no plaintext and differs per call", () => {
  const secret = "https://hooks.slack.com/services/T000/B000/SECRETSECRET";
  const a = box.sealSecret(secret);
  const b = box.sealSecret(secret);
  assert.notEqual(a, b);
  assert.ok(!a.includes("SECRETSECRET"));
  assert.ok(a.startsWith("v1."));
  assert.equal(box.openSecret(a), secret);
});

test("without SECRETS_KEY a key file is made once with mode 0600", () => {
  const file = path.join(dir, "secrets-key");
  assert.ok(fs.existsSync(file));
  assert.equal(fs.statSync(file).mode & 0o777, 0o600);
});

test("tampering is detected", () => {
  const sealed = box.sealSecret("routing-key-123");
  const parts = sealed.split(".");
  const ct = Buffer.from(parts[3], "base64url");
  ct[0] ^= 1;
  parts[3] = ct.toString("base64url");
  assert.throws(() => box.openSecret(parts.join(".")));
});

test("rotation: values sealed with the old key open with SECRETS_KEY_PREVIOUS, new ones use the new key", () => {
  const oldKey = randomBytes(32).toString("base64");
  const newKey = randomBytes(32).toString("base64");
  process.env.SECRETS_KEY = oldKey;
  box.resetSecretKeysForTests();
  const sealedOld = box.sealSecret("password-1");
  process.env.SECRETS_KEY = newKey;
  box.resetSecretKeysForTests();
  assert.throws(() => box.openSecret(sealedOld), /not configured/);
  process.env.SECRETS_KEY_PREVIOUS = oldKey;
  box.resetSecretKeysForTests();
  assert.equal(box.openSecret(sealedOld), "password-1");
  const sealedNew = box.sealSecret("password-2");
  assert.notEqual(sealedNew.split(".")[1], sealedOld.split(".")[1]);
  delete process.env.SECRETS_KEY;
  delete process.env.SECRETS_KEY_PREVIOUS;
  box.resetSecretKeysForTests();
});

test("a SECRETS_KEY of the wrong length is refused with its name", () => {
  process.env.SECRETS_KEY = Buffer.alloc(16).toString("base64");
  box.resetSecretKeysForTests();
  assert.throws(() => box.sealSecret("x"), /SECRETS_KEY must be 32 bytes/);
  delete process.env.SECRETS_KEY;
  box.resetSecretKeysForTests();
});
