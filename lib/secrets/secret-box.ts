import "server-only";
import { createCipheriv, createDecipheriv, createHash, randomBytes } from "node:crypto";
import fs from "node:fs";
import path from "node:path";
import { env } from "@/lib/config/env";

/**
 * Secrets at rest (channel webhook URLs, routing keys, SMTP passwords, signing secrets):
 * AES-256-GCM with a random 96-bit nonce per value. The stored text is
 * `v1.<key id>.<nonce b64url>.<ciphertext b64url>.<tag b64url>`: the version lets the format change,
 * and the key id (first 8 hex of the key's SHA-256) lets a rotated key be told apart from a corrupt
 * value. To rotate, set SECRETS_KEY to the new key and SECRETS_KEY_PREVIOUS to the old one; values
 * are read with either and written with the new one. Nothing here ever logs a key or a plaintext.
 */

const VERSION = "v1";

type Key = { id: string; bytes: Buffer };

let cachedKeys: Key[] | null = null;

function keyId(bytes: Buffer): string {
  return createHash("sha256").update(bytes).digest("hex").slice(0, 8);
}

function parseKey(name: string, b64: string): Buffer {
  const bytes = Buffer.from(b64.trim(), "base64");
  if (bytes.length !== 32) throw new Error(`${name} must be 32 bytes encoded in base64 (got ${bytes.length} bytes)`);
  return bytes;
}

/** The key from SECRETS_KEY, else a key file made once in the data directory (mode 0600). */
function keys(): Key[] {
  if (cachedKeys) return cachedKeys;
  const list: Buffer[] = [];
  const fromEnv = process.env.SECRETS_KEY;
  if (fromEnv) list.push(parseKey("SECRETS_KEY", fromEnv));
  else {
    const dir = env().DATA_DIR;
    fs.mkdirSync(dir, { recursive: true });
    const file = path.join(dir, "secrets-key");
    // "wx" fails if another process created it first; then both read the same file.
    try {
      fs.writeFileSync(file, randomBytes(32).toString("base64"), { mode: 0o600, flag: "wx" });
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== "EEXIST") throw err;
    }
    list.push(parseKey(`the key file ${file}`, fs.readFileSync(file, "utf8")));
  }
  if (process.env.SECRETS_KEY_PREVIOUS) list.push(parseKey("SECRETS_KEY_PREVIOUS", process.env.SECRETS_KEY_PREVIOUS));
  cachedKeys = list.map((bytes) => ({ id: keyId(bytes), bytes }));
  return cachedKeys;
}

/** Forgets the loaded keys (tests that change SECRETS_KEY). */
export function resetSecretKeysForTests(): void {
  cachedKeys = null;
}

export function sealSecret(plaintext: string): string {
  const key = keys()[0];
  const nonce = randomBytes(12);
  const cipher = createCipheriv("aes-256-gcm", key.bytes, nonce);
  cipher.setAAD(Buffer.from(`${VERSION}.${key.id}`));
  const ct = Buffer.concat([cipher.update(plaintext, "utf8"), cipher.final()]);
  return [VERSION, key.id, nonce.toString("base64url"), ct.toString("base64url"), cipher.getAuthTag().toString("base64url")].join(".");
}

export function openSecret(sealed: string): string {
  const parts = sealed.split(".");
  if (parts.length !== 5 || parts[0] !== VERSION) throw new Error("stored secret has an unknown format");
  const [, id, nonce, ct, tag] = parts;
  const key = keys().find((k) => k.id === id);
  if (!key) throw new Error(`stored secret was sealed with key ${id}, which is not configured (set SECRETS_KEY_PREVIOUS to rotate)`);
  const decipher = createDecipheriv("aes-256-gcm", key.bytes, Buffer.from(nonce, "base64url"));
  decipher.setAAD(Buffer.from(`${VERSION}.${id}`));
  decipher.setAuthTag(Buffer.from(tag, "base64url"));
  return Buffer.concat([decipher.update(Buffer.from(ct, "base64url")), decipher.final()]).toString("utf8");
}

export function sealJson(value: unknown): string {
  return sealSecret(JSON.stringify(value));
}

export function openJson(sealed: string): unknown {
  return JSON.parse(openSecret(sealed));
}
