/**
 * Text checks for every string an event carries into ClickHouse. A group commit shares one INSERT
 * between requests of every organization, and the engine refuses the whole INSERT for one string
 * with an unpaired UTF-16 surrogate; so each string is checked here, per event, before it can join
 * a batch. Control and bidirectional-override characters are refused too: they cannot be typed
 * into a filter, and the overrides can make a value display as a different one (a "spoofed"
 * customer or team name on a dashboard). Pure and linear in the string's length.
 */

const hex = (c: number) => `U+${c.toString(16).toUpperCase().padStart(4, "0")}`;

const isControl = (c: number) => c <= 0x1f || (c >= 0x7f && c <= 0x9f);
const isBidiControl = (c: number) => (c >= 0x202a && c <= 0x202e) || (c >= 0x2066 && c <= 0x2069);

/**
 * Why `s` cannot be stored as text, or null when it can: an unpaired surrogate (the engine refuses
 * it), a C0/DEL/C1 control character, or a bidirectional override/isolate. Positions are 1-based
 * UTF-16 code units, as a JavaScript client counts them.
 */
export function textProblem(s: string): string | null {
  for (let i = 0; i < s.length; i++) {
    const c = s.charCodeAt(i);
    if (c >= 0xd800 && c <= 0xdbff) {
      const next = i + 1 < s.length ? s.charCodeAt(i + 1) : 0;
      if (next >= 0xdc00 && next <= 0xdfff) {
        i++; // a valid pair
        continue;
      }
      return `contains an unpaired UTF-16 surrogate (${hex(c)}) at character ${i + 1}; expected valid Unicode text`;
    }
    if (c >= 0xdc00 && c <= 0xdfff) return `contains an unpaired UTF-16 surrogate (${hex(c)}) at character ${i + 1}; expected valid Unicode text`;
    if (isControl(c)) return `contains the control character ${hex(c)} at character ${i + 1}; control characters (U+0000–U+001F, U+007F–U+009F) are not accepted`;
    if (isBidiControl(c)) {
      return `contains the bidirectional formatting character ${hex(c)} at character ${i + 1}; overrides and isolates (U+202A–U+202E, U+2066–U+2069) are not accepted`;
    }
  }
  return null;
}

/** Canonical form of a stored value: NFC, so "é" typed precomposed or decomposed is one value. */
export function canonicalText(s: string): string {
  return s.normalize("NFC");
}

/**
 * A short, safe rendering of untrusted text for an error message: JSON-quoted, with the characters
 * textProblem refuses escaped (so an error cannot itself carry a bidi override) and cut to `max`.
 */
export function showText(s: string, max = 60): string {
  const cut = s.length > max ? `${s.slice(0, max)}…` : s;
  return JSON.stringify(cut).replace(/[\u007f-\u009f\u202a-\u202e\u2066-\u2069]/g, (ch) => `\\u${ch.charCodeAt(0).toString(16).padStart(4, "0")}`);
}

/**
 * A short description of any JSON value for an error message. Never throws: JSON.stringify
 * recurses, and a value nested thousands deep overflows the stack (which once made a bad event
 * look like a store failure, answered 503 "retry").
 */
export function describeValue(v: unknown, max = 80): string {
  if (typeof v === "string") return showText(v, max);
  let s: string | undefined;
  try {
    s = JSON.stringify(v);
  } catch {
    return Array.isArray(v) ? "an array nested too deeply to show" : "an object nested too deeply to show";
  }
  if (s === undefined) return String(v);
  return s.length > max ? `${s.slice(0, max)}…` : s;
}
