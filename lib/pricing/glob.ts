/**
 * Case-insensitive `*` globs for override model patterns, matched in time linear in the pattern and
 * the name, whatever the pattern. The RegExp this replaces backtracked: `*a*a*a*a*b` took 53 s per
 * event against a 256-character model name, inside the ingest path every tenant shares. Patterns
 * already stored are compiled the same way, so none can be slow, whatever its length.
 *
 * Semantics are the old RegExp's (`^…$` with the `i` flag, every other character literal) except
 * that `*` now also matches line terminators, which RegExp's `.` did not (no stored model name has one
 * since ingest refuses control characters).
 */

export type Glob = {
  /** the pattern without `*`: an exact (case-insensitive) name */
  exact: boolean;
  /** the folded literal runs between the stars; with a star, the first is a prefix and the last a suffix */
  parts: Uint16Array[];
  /** KMP failure tables of the middle parts (index-aligned with `parts`) */
  failure: (Int32Array | null)[];
};

let foldTable: Uint16Array | null = null;

/**
 * RegExp's case folding without the `u` flag (ECMA-262 Canonicalize): the upper case of a UTF-16 code
 * unit when that is a single code unit, except that a non-ASCII unit never folds to ASCII (so "ſ"
 * does not match "s"). Tabulated once for all 65,536 units.
 */
function fold(): Uint16Array {
  if (foldTable) return foldTable;
  const t = new Uint16Array(0x10000);
  for (let c = 0; c < 0x10000; c++) {
    const u = String.fromCharCode(c).toUpperCase();
    const cu = u.length === 1 ? u.charCodeAt(0) : c;
    t[c] = c >= 128 && cu < 128 ? c : cu;
  }
  foldTable = t;
  return t;
}

/** A name folded once, to test against many globs. */
export function foldName(s: string): Uint16Array {
  const t = fold();
  const out = new Uint16Array(s.length);
  for (let i = 0; i < s.length; i++) out[i] = t[s.charCodeAt(i)];
  return out;
}

function failureTable(p: Uint16Array): Int32Array {
  const f = new Int32Array(p.length);
  let k = 0;
  for (let i = 1; i < p.length; i++) {
    while (k > 0 && p[i] !== p[k]) k = f[k - 1];
    if (p[i] === p[k]) k++;
    f[i] = k;
  }
  return f;
}

export function compileGlob(pattern: string): Glob {
  const parts = pattern.split("*").map((p) => foldName(p));
  const exact = parts.length === 1;
  const failure = parts.map((p, i) => (!exact && i > 0 && i < parts.length - 1 && p.length > 0 ? failureTable(p) : null));
  return { exact, parts, failure };
}

/** Index of the first occurrence of part in text[from, to), or -1 (Knuth–Morris–Pratt: linear). */
function find(text: Uint16Array, from: number, to: number, part: Uint16Array, f: Int32Array): number {
  let k = 0;
  for (let i = from; i < to; i++) {
    while (k > 0 && text[i] !== part[k]) k = f[k - 1];
    if (text[i] === part[k]) k++;
    if (k === part.length) return i - part.length + 1;
  }
  return -1;
}

function startsAt(text: Uint16Array, at: number, part: Uint16Array): boolean {
  for (let i = 0; i < part.length; i++) if (text[at + i] !== part[i]) return false;
  return true;
}

/**
 * Whether `name` matches the whole glob. With stars: the first part must be a prefix, the last a
 * suffix, and the middle parts must occur in order between them; taking each middle part at its
 * leftmost occurrence is optimal (it leaves the most room for the rest), so no backtracking is needed.
 */
export function globMatches(g: Glob, name: string | Uint16Array): boolean {
  const text = typeof name === "string" ? foldName(name) : name;
  const { parts } = g;
  if (g.exact) return text.length === parts[0].length && startsAt(text, 0, parts[0]);
  const first = parts[0];
  const last = parts[parts.length - 1];
  if (first.length + last.length > text.length) return false;
  if (!startsAt(text, 0, first) || !startsAt(text, text.length - last.length, last)) return false;
  let at = first.length;
  const end = text.length - last.length;
  for (let i = 1; i < parts.length - 1; i++) {
    const part = parts[i];
    if (part.length === 0) continue;
    const found = find(text, at, end, part, g.failure[i]!);
    if (found < 0) return false;
    at = found + part.length;
  }
  return true;
}
