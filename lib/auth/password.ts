import "server-only";
import { randomBytes, scrypt as scryptCb, timingSafeEqual, type ScryptOptions } from "node:crypto";

// scrypt (RFC 7914) from Node's OpenSSL: a memory-hard password hash with no native add-on to build.
const N = 16384;
const R = 8;
const P = 1;
const KEYLEN = 32;

function scrypt(password: string, salt: Buffer, keylen: number, opts: ScryptOptions): Promise<Buffer> {
  return new Promise((resolve, reject) =>
    scryptCb(password, salt, keylen, opts, (err, key) => (err ? reject(err) : resolve(key))),
  );
}

export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(16);
  const key = await scrypt(password, salt, KEYLEN, { N, r: R, p: P, maxmem: 64 * 1024 * 1024 });
  return `scrypt$${N}$${R}$${P}$${salt.toString("base64url")}$${key.toString("base64url")}`;
}

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const parts = stored.split("$");
  if (parts.length !== 6 || parts[0] !== "scrypt") return false;
  const [, n, r, p, saltB64, keyB64] = parts;
  const expected = Buffer.from(keyB64, "base64url");
  const key = await scrypt(password, Buffer.from(saltB64, "base64url"), expected.length, {
    N: Number(n),
    r: Number(r),
    p: Number(p),
    maxmem: 64 * 1024 * 1024,
  });
  return key.length === expected.length && timingSafeEqual(key, expected);
}

// A hash of a random password with the current parameters, to verify against when there is no
// user (or no usable hash), so every sign-in attempt costs the same.
// Made when the module loads, so the first unknown email costs no more than later ones.
const g = globalThis as typeof globalThis & { __finopsDummyHash?: Promise<string> };
g.__finopsDummyHash ??= hashPassword(randomBytes(16).toString("base64url"));

export async function verifyPasswordEvenly(password: string, stored: string | null): Promise<boolean> {
  const dummy = await g.__finopsDummyHash!;
  const usable = stored !== null && stored.split("$").length === 6;
  const ok = await verifyPassword(password, usable ? stored : dummy);
  return usable && ok;
}
