import "server-only";
import { createHash } from "node:crypto";
import { addToCounter, decrementCounter, deleteCounter, pruneCounters } from "./rate-counter";

/**
 * Sign-in attempts are counted per account (the email typed, whether or not such a user exists,
 * so the answer says nothing about which accounts exist) and per client address, in the
 * configuration database so every server process shares the count. An attempt is counted before
 * the password is checked, so concurrent guesses cannot slip through; a successful sign-in clears
 * its account's count and gives its address attempt back.
 */
export const SIGNIN_WINDOW_MS = 15 * 60_000;
export const MAX_ATTEMPTS_PER_ACCOUNT = 10;
export const MAX_ATTEMPTS_PER_ADDRESS = 50;

export type ThrottleDecision = { ok: true } | { ok: false; retryAfterSeconds: number; scope: "account" | "address" };

const hashed = (s: string) => createHash("sha256").update(s).digest("base64url").slice(0, 32);
export const accountKey = (email: string) => `signin:account:${hashed(email.trim().toLowerCase())}`;
export const addressKey = (address: string) => `signin:address:${hashed(address)}`;

export async function takeSignInAttempt(input: { email: string; address: string }, now = Date.now()): Promise<ThrottleDecision> {
  if (Math.random() < 0.01) await pruneCounters(now - 24 * 3_600_000);
  // The address first: a client already refused for its address does not also use up the
  // attempts of the account it is guessing at.
  const checks = [
    { scope: "address", key: addressKey(input.address), max: MAX_ATTEMPTS_PER_ADDRESS },
    { scope: "account", key: accountKey(input.email), max: MAX_ATTEMPTS_PER_ACCOUNT },
  ] as const;
  for (const c of checks) {
    const state = await addToCounter(c.key, 1, now, now - SIGNIN_WINDOW_MS);
    if (state.count > c.max) {
      return { ok: false, scope: c.scope, retryAfterSeconds: Math.max(1, Math.ceil((state.windowStartMs + SIGNIN_WINDOW_MS - now) / 1000)) };
    }
  }
  return { ok: true };
}

export async function signInSucceeded(input: { email: string; address: string }): Promise<void> {
  await deleteCounter(accountKey(input.email));
  await decrementCounter(addressKey(input.address));
}

export function retryAfterText(seconds: number): string {
  const minutes = Math.ceil(seconds / 60);
  return seconds < 90 ? `${seconds} seconds` : `${minutes} minutes`;
}
