import { concatBytes, isJsonObject, type JsonObject } from './body.js';
import { GatewayError, upstreamTimeout, upstreamUnavailable } from './errors.js';
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
 * One POST to the upstream with the project's credentials and nothing from the browser but the
 * vetted body. No redirects, no retries: a retried authenticate or SMS send is not idempotent.
 * Failures become 502 (unreachable, redirect, not JSON) or 504 (over `timeoutMs`).
 */
export async function callUpstream(
  config: GatewayConfig,
  path: string,
  body: JsonObject,
): Promise<UpstreamAnswer> {
  const signal = AbortSignal.timeout(config.timeoutMs);
  const failure = () => (signal.aborted ? upstreamTimeout() : upstreamUnavailable());
  let response: Response;
  try {
    response = await config.fetch(config.upstream + path, {
      method: 'POST',
      headers: {
        authorization: config.authorization,
        'content-type': 'application/json',
        accept: 'application/json',
      },
      body: JSON.stringify(body),
      redirect: 'manual',
      signal,
    });
  } catch {
    throw failure();
  }
  const { status } = response;
  const retryAfter =
    status === 429 ? validRetryAfter(response.headers.get('retry-after')) : undefined;
  const isJson = JSON_TYPE.test(response.headers.get('content-type') ?? '');
  if (status < 200 || (status >= 300 && status < 400) || status > 599 || !isJson) {
    response.body?.cancel().catch(() => undefined);
    if (status === 429) throw new RateLimited(retryAfter);
    throw upstreamUnavailable();
  }
  let parsed: unknown;
  try {
    parsed = JSON.parse(await readText(response, signal));
  } catch {
    throw failure();
  }
  if (!isJsonObject(parsed)) throw upstreamUnavailable();
  return { status, body: parsed, retryAfter };
}

/** A 429 whose body was not JSON: answered in Stytch's shape, keeping `Retry-After`. */
export class RateLimited extends GatewayError {
  constructor(readonly retryAfter: string | undefined) {
    super(429, 'too_many_requests', 'Too many requests. Try again later.');
  }
}

function validRetryAfter(value: string | null): string | undefined {
  if (value === null) return undefined;
  const trimmed = value.trim();
  if (/^\d{1,10}$/.test(trimmed)) return trimmed;
  return HTTP_DATE.test(trimmed) && !Number.isNaN(Date.parse(trimmed)) ? trimmed : undefined;
}

/** Reads the body as text, giving up (and cancelling the body) when the signal aborts. */
async function readText(response: Response, signal: AbortSignal): Promise<string> {
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
    for (;;) {
      const chunk = await Promise.race([reader.read(), aborted]);
      if (chunk.done) return new TextDecoder().decode(concatBytes(chunks));
      chunks.push(chunk.value);
    }
  } finally {
    signal.removeEventListener('abort', onAbort);
  }
}
