import { concatBytes, isJsonObject, type JsonObject } from '../shared/body.js';
import { StytchError, upstreamTimeout, upstreamUnavailable } from './errors.js';
import type { GatewayConfig } from './options.js';

export interface UpstreamAnswer {
  status: number;
  body: JsonObject;
  /** The upstream's `Retry-After` on a 429, when it is a number of seconds or an HTTP date. */
  retryAfter?: string;
}

const JSON_TYPE = /^application\/json\s*(;|$)/i;
const HTTP_DATE = /^[A-Za-z]{3}, \d{2} [A-Za-z]{3} \d{4} \d{2}:\d{2}:\d{2} GMT$/;

/**
 * One call (a POST unless said otherwise) to the upstream with the project's credentials and nothing from the browser but the
 * vetted body. No redirects, no retries: a retried authenticate or SMS send is not idempotent.
 * Failures become 502 (unreachable, redirect, 5xx, not JSON, too large) or 504 (over `timeoutMs`).
 */
export async function callUpstream(
  config: GatewayConfig,
  path: string,
  body: JsonObject | undefined,
  method: 'POST' | 'GET' = 'POST',
): Promise<UpstreamAnswer> {
  const signal = AbortSignal.timeout(config.timeoutMs);
  const failure = (cause: unknown) =>
    signal.aborted ? upstreamTimeout(cause) : upstreamUnavailable(cause);
  let response: Response;
  try {
    response = await config.fetch(config.upstream + path, {
      method,
      headers: {
        authorization: config.authorization,
        ...(body && { 'content-type': 'application/json' }),
        accept: 'application/json',
      },
      body: body && JSON.stringify(body),
      redirect: 'manual',
      signal,
    });
  } catch (error) {
    throw failure(error);
  }
  const { status } = response;
  const retryAfter =
    status === 429 ? validRetryAfter(response.headers.get('retry-after')) : undefined;
  const isJson = JSON_TYPE.test(response.headers.get('content-type') ?? '');
  if (status < 200 || (status >= 300 && status < 400) || status >= 500 || !isJson) {
    response.body?.cancel().catch(() => undefined);
    if (status === 429) throw rateLimited(retryAfter);
    const type = response.headers.get('content-type');
    throw upstreamUnavailable(
      new Error(`Upstream answered HTTP ${status} (${type ?? 'no type'}).`),
    );
  }
  const declared = Number(response.headers.get('content-length') ?? '0');
  if (declared > config.maxUpstreamBytes) {
    response.body?.cancel().catch(() => undefined);
    throw upstreamUnavailable(new RangeError(`The upstream answer declares ${declared} bytes.`));
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(await readText(response, signal, config.maxUpstreamBytes));
  } catch (error) {
    throw failure(error);
  }
  if (!isJsonObject(parsed)) {
    throw upstreamUnavailable(new TypeError('The upstream answer is not a JSON object.'));
  }
  return { status, body: parsed, retryAfter };
}

/** A 429 whose body was not JSON: answered in Stytch's shape, keeping `Retry-After`. */
function rateLimited(retryAfter: string | undefined): StytchError {
  const headers: Record<string, string> =
    retryAfter === undefined ? {} : { 'retry-after': retryAfter };
  return new StytchError(429, 'too_many_requests', 'Too many requests. Try again later.', headers);
}

function validRetryAfter(value: string | null): string | undefined {
  if (value === null) return undefined;
  const trimmed = value.trim();
  if (/^\d{1,10}$/.test(trimmed)) return trimmed;
  return HTTP_DATE.test(trimmed) && !Number.isNaN(Date.parse(trimmed)) ? trimmed : undefined;
}

/**
 * Reads the body as text, giving up (and cancelling the body) when the signal aborts or the body
 * grows past `maxBytes`.
 */
async function readText(
  response: Response,
  signal: AbortSignal,
  maxBytes: number,
): Promise<string> {
  if (!response.body) return '';
  const reader = response.body.getReader();
  let onAbort = () => undefined as void;
  const aborted = new Promise<never>((_, reject) => {
    onAbort = () => {
      reject(signal.reason);
      reader.cancel().catch(() => undefined);
    };
  });
  if (signal.aborted) onAbort();
  signal.addEventListener('abort', onAbort, { once: true });
  try {
    const chunks: Uint8Array[] = [];
    let total = 0;
    for (;;) {
      const chunk = await Promise.race([reader.read(), aborted]);
      if (chunk.done) return new TextDecoder().decode(concatBytes(chunks));
      total += chunk.value.byteLength;
      if (total > maxBytes) {
        reader.cancel().catch(() => undefined);
        throw new RangeError(`The upstream answer exceeds ${maxBytes} bytes.`);
      }
      chunks.push(chunk.value);
    }
  } finally {
    signal.removeEventListener('abort', onAbort);
  }
}
