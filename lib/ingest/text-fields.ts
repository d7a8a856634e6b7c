import { z } from "zod";
import { canonicalText, showText, textProblem } from "./text";

type TextOptions = {
  /** the message when the value is not a string at all */
  typeError: string;
  max: number;
  /** set for required fields: the message for an empty value */
  empty?: string;
  lowerCase?: boolean;
  /** NFC-normalize (dimension values); ids are kept exactly as sent, since they are the client's key */
  canonical?: boolean;
};

/**
 * A text field of an event: trimmed, checked by textProblem (so nothing the engine refuses can join a
 * shared INSERT), optionally case-folded and NFC-normalized, then bounded. The length is checked
 * after normalization because that is what is stored and what a filter compares.
 */
export function textField(name: string, o: TextOptions) {
  return z.string({ error: o.typeError }).transform((raw, ctx) => {
    let s = raw.trim();
    const problem = textProblem(s);
    if (problem) {
      ctx.addIssue({ code: "custom", message: `${name}: ${problem}` });
      return z.NEVER;
    }
    if (o.lowerCase) s = s.toLowerCase();
    if (o.canonical) s = canonicalText(s);
    if (o.empty && s.length === 0) ctx.addIssue({ code: "custom", message: o.empty });
    else if (s.length > o.max) ctx.addIssue({ code: "custom", message: `${name}: at most ${o.max} characters` });
    return s;
  });
}

export const MAX_TAGS = 64;
export const MAX_TAG_KEY_LENGTH = 128;
export const MAX_TAG_VALUE_LENGTH = 1024;

const TAGS_TYPE_ERROR = "tags: expected an object of string values";
const TAG_VALUE_ERROR = `expected a string (at most ${MAX_TAG_VALUE_LENGTH} characters), number or boolean`;

/**
 * Free-form tags: keys and string values get the same text checks as dimension values (NFC, no
 * control or bidi characters). Checked by hand rather than with z.record because a record copies
 * into a plain object, where the key "__proto__" sets the prototype instead of a property: that tag
 * silently vanished. It is refused instead, since any reader that builds an object from the stored
 * tags would lose it the same way, and no real tag needs that name.
 */
export const tagsField = z.unknown().transform((raw, ctx): Record<string, string> => {
  if (raw === undefined) return {};
  if (typeof raw !== "object" || raw === null || Array.isArray(raw)) {
    ctx.addIssue({ code: "custom", message: TAGS_TYPE_ERROR });
    return z.NEVER;
  }
  const keys = Object.keys(raw);
  if (keys.length > MAX_TAGS) {
    ctx.addIssue({ code: "custom", message: `tags: at most ${MAX_TAGS} tags, got ${keys.length}` });
    return z.NEVER;
  }
  const out: Record<string, string> = {};
  for (const rawKey of keys) {
    const value = (raw as Record<string, unknown>)[rawKey];
    const keyProblem = textProblem(rawKey);
    // The key is shown verbatim only when it is plain text; otherwise quoted and escaped.
    const label = keyProblem ? `tags[${showText(rawKey)}]` : `tags.${rawKey}`;
    const fail = (message: string) => ctx.addIssue({ code: "custom", message: `${label}: ${message}`, path: [rawKey] });
    if (keyProblem) {
      fail(`the key ${keyProblem}`);
      continue;
    }
    const key = canonicalText(rawKey);
    if (key === "__proto__") {
      fail('"__proto__" is a reserved name (JavaScript objects treat it as the prototype, so the tag would be silently lost); use another key');
      continue;
    }
    if (key.length > MAX_TAG_KEY_LENGTH) {
      fail(`the key is longer than ${MAX_TAG_KEY_LENGTH} characters`);
      continue;
    }
    if (Object.hasOwn(out, key)) {
      fail(`the key is the same text as another tag key after Unicode normalization (NFC)`);
      continue;
    }
    if (typeof value === "number" || typeof value === "boolean") {
      out[key] = String(value);
      continue;
    }
    if (typeof value !== "string" || value.length > MAX_TAG_VALUE_LENGTH) {
      fail(TAG_VALUE_ERROR);
      continue;
    }
    const valueProblem = textProblem(value);
    if (valueProblem) {
      fail(`the value ${valueProblem}`);
      continue;
    }
    const v = canonicalText(value);
    if (v.length > MAX_TAG_VALUE_LENGTH) fail(TAG_VALUE_ERROR);
    else out[key] = v;
  }
  return out;
});
