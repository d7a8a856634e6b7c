import "server-only";

export class HttpError extends Error {
  constructor(public readonly status: number, message: string, public readonly details: string[] = []) {
    super(message);
  }
}

/** Deep enough for any body this product reads (an event with its usage details is 5 levels). */
export const MAX_JSON_DEPTH = 64;

/**
 * Reads a JSON body of at most `maxBytes`. The declared length is checked first and the stream is
 * cut off past the limit, so an oversized or lying client cannot make the server buffer it. Nesting
 * deeper than `maxDepth` is refused before parsing: JSON.parse copes, but everything after it that
 * walks the value recursively (JSON.stringify, validators) overflows the stack, and that error was
 * once taken for a store failure and answered 503 "retry".
 */
export async function readJsonBody(req: Request, maxBytes: number, maxDepth = MAX_JSON_DEPTH): Promise<unknown> {
  const declared = Number(req.headers.get("content-length") ?? NaN);
  if (Number.isFinite(declared) && declared > maxBytes) throw tooLarge(maxBytes);
  if (!req.body) throw new HttpError(400, "Request body is empty: expected a JSON object.");
  const reader = req.body.getReader();
  const chunks: Uint8Array[] = [];
  let size = 0;
  for (;;) {
    const { done, value } = await reader.read();
    if (done) break;
    size += value.byteLength;
    if (size > maxBytes) {
      await reader.cancel().catch(() => undefined);
      throw tooLarge(maxBytes);
    }
    chunks.push(value);
  }
  if (size === 0) throw new HttpError(400, "Request body is empty: expected a JSON object.");
  const text = Buffer.concat(chunks).toString("utf8");
  if (exceedsDepth(text, maxDepth)) {
    throw new HttpError(400, `Body nests JSON more than ${maxDepth} levels deep (objects and arrays inside each other); at most ${maxDepth} are accepted.`);
  }
  try {
    return JSON.parse(text);
  } catch (err) {
    throw new HttpError(400, `Body is not valid JSON (${err instanceof Error ? err.message : "parse error"}).`);
  }
}

/**
 * Whether any object or array of the JSON text sits more than `maxDepth` levels deep. One pass with a
 * counter, no recursion, so the check itself cannot overflow; brackets inside strings do not count.
 * Invalid JSON is left for JSON.parse to describe.
 */
export function exceedsDepth(text: string, maxDepth: number): boolean {
  let depth = 0;
  let inString = false;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (inString) {
      if (c === 0x5c) i++; // backslash: skip the escaped character
      else if (c === 0x22) inString = false;
    } else if (c === 0x22) inString = true;
    else if (c === 0x7b || c === 0x5b) {
      if (++depth > maxDepth) return true;
    } else if (c === 0x7d || c === 0x5d) depth--;
  }
  return false;
}

function tooLarge(maxBytes: number) {
  return new HttpError(413, `Body is larger than ${Math.round(maxBytes / 1024 / 1024)} MB: split it into smaller batches.`);
}
