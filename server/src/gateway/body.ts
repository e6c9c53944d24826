import { GatewayError } from './errors.js';

export type JsonObject = Record<string, unknown>;

const tooLarge = (maxBytes: number) =>
  new GatewayError(413, 'request_too_large', `The request body exceeds ${maxBytes} bytes.`);
const invalidBody = (message: string) => new GatewayError(400, 'invalid_request_body', message);

/**
 * Reads at most `maxBytes` of the body: a declared Content-Length over the limit is refused before
 * reading, and a body without one (chunked) is counted while it streams.
 */
export async function readBody(request: Request, maxBytes: number): Promise<Uint8Array> {
  const declared = request.headers.get('content-length');
  if (declared !== null && /^\d+$/.test(declared) && Number(declared) > maxBytes) {
    throw tooLarge(maxBytes);
  }
  if (!request.body) return new Uint8Array();
  const reader = request.body.getReader();
  const chunks: Uint8Array[] = [];
  let total = 0;
  for (;;) {
    let chunk: ReadableStreamReadResult<Uint8Array>;
    try {
      chunk = await reader.read();
    } catch {
      throw invalidBody('The request body could not be read.');
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

export function concatBytes(chunks: Uint8Array[]): Uint8Array {
  const bytes = new Uint8Array(chunks.reduce((total, chunk) => total + chunk.byteLength, 0));
  let offset = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, offset);
    offset += chunk.byteLength;
  }
  return bytes;
}

/** Parses a UTF-8 JSON object; anything else (invalid bytes or JSON, arrays, null…) is a 400. */
export function parseJsonObject(bytes: Uint8Array): JsonObject {
  let value: unknown;
  try {
    value = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
  } catch {
    throw invalidBody('The request body is not valid JSON.');
  }
  if (!isJsonObject(value)) throw invalidBody('The request body must be a JSON object.');
  return value;
}

export function isJsonObject(value: unknown): value is JsonObject {
  return typeof value === 'object' && value !== null && !Array.isArray(value);
}
