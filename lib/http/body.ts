import "server-only";

export class HttpError extends Error {
  constructor(public readonly status: number, message: string, public readonly details: string[] = []) {
    super(message);
  }
}

/**
 * Reads a JSON body of at most `maxBytes`. The declared length is checked first and the stream is
 * cut off past the limit, so an oversized or lying client cannot make the server buffer it.
 */
export async function readJsonBody(req: Request, maxBytes: number): Promise<unknown> {
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
  try {
    return JSON.parse(text);
  } catch (err) {
    throw new HttpError(400, `Body is not valid JSON (${err instanceof Error ? err.message : "parse error"}).`);
  }
}

function tooLarge(maxBytes: number) {
  return new HttpError(413, `Body is larger than ${Math.round(maxBytes / 1024 / 1024)} MB: split it into smaller batches.`);
}
