import { StytchError } from './errors.js';

export type JsonObject = Record<string, unknown>;

const tooLarge = (maxBytes: number) =>
  new StytchError(413, 'payload_too_large', `The request body is larger than ${maxBytes} bytes.`);
const badBody = (message: string) => new StytchError(400, 'bad_request', message);

/**
 * Reads at most `maxBytes` of a body: a declared Content-Length over the limit is refused before
 * reading, and a body without one (chunked) is counted while it streams. 413 `payload_too_large`.
 */
export async function readCappedBytes(
  body: ReadableStream<Uint8Array> | null,
  maxBytes: number,
  declaredLength: string | null = null,
): Promise<Uint8Array> {
  if (declaredLength !== null && /^\d+$/.test(declaredLength.trim())) {
    if (Number(declaredLength) > maxBytes) {
      body?.cancel().catch(() => undefined);
      throw tooLarge(maxBytes);
    }
  }
  if (!body) return new Uint8Array();
  const reader = body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    let chunk: ReadableStreamReadResult<Uint8Array>;
    try {
      chunk = await reader.read();
    } catch {
      throw badBody('The request body could not be read.');
    }
    if (chunk.done) break;
    total += chunk.value.byteLength;
    if (total > maxBytes) {
      reader.cancel().catch(() => undefined);
      throw tooLarge(maxBytes);
    }
    chunks.push(chunk.value);
  }
  return concatBytes(chunks);
}

export function concatBytes(chunks: readonly Uint8Array[]): Uint8Array {
  const bytes = new Uint8Array(chunks.reduce((total, chunk) => total + chunk.byteLength, 0));
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return bytes;
}

export interface ParseOptions {
  /** An empty (or all-whitespace) body is `{}` instead of a 400. Default false. */
  emptyIsObject?: boolean;
}

/** Parses a UTF-8 JSON object; anything else (invalid bytes or JSON, arrays, null…) is a 400. */
export function parseJsonObject(bytes: Uint8Array, options: ParseOptions = {}): JsonObject {
  let text: string;
  try {
    text = new TextDecoder('utf-8', { fatal: true }).decode(bytes);
  } catch {
    throw badBody('The request body is not valid UTF-8.');
  }
  if (options.emptyIsObject && text.trim() === '') return {};
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch {
    throw badBody('The request body is not valid JSON.');
  }
  if (!isJsonObject(value)) throw badBody('The request body must be a JSON object.');
  return value;
}

/** Reads and parses a request's JSON object body, capped at `maxBytes` before parsing. */
export async function readJsonObject(
  request: Request,
  maxBytes: number,
  options: ParseOptions = {},
): Promise<JsonObject> {
  const bytes = await readCappedBytes(
    request.body,
    maxBytes,
    request.headers.get('content-length'),
  );
  return parseJsonObject(bytes, options);
}

export function isJsonObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
