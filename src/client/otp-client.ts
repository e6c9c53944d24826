import { OtpAuthError } from './otp-auth-error.js';
import { parseRetryAfter } from './retry-after.js';
import type { OtpApi, RequestOptions } from './types.js';

/** Options of {@link createOtpClient}. */
export interface OtpClientOptions {
  /** Where the gateway is mounted. Default `/api`; a trailing slash is ignored. */
  baseUrl?: string;
  /** fetch implementation. Default: the global `fetch`, looked up at call time. */
  fetch?: typeof globalThis.fetch;
  /** Per-request limit in milliseconds, response body included. Default 15000; `Infinity` disables it. */
  timeoutMs?: number;
  /** Default `same-origin`; use `include` for a gateway on another origin. */
  credentials?: RequestCredentials;
  /** Extra headers. `Content-Type`, `Accept` and `X-OTP-Auth` are always set by the client. */
  headers?: HeadersInit;
}

// The gateway keeps these in HttpOnly cookies and injects them upstream itself. Sending them from
// script would mean they had been readable by script, which is exactly what the cookies prevent,
// so the client drops them from every body it is given.
const TOKEN_FIELDS = new Set(['session_token', 'session_jwt', 'intermediate_session_token']);
// setTimeout fires at once for delays beyond 2^31 - 1 ms.
const MAX_TIMER_MS = 2 ** 31 - 1;

type Json = Record<string, unknown>;

const isObject = (v: unknown): v is Json =>
  typeof v === 'object' && v !== null && !Array.isArray(v);
const str = (v: unknown) => (typeof v === 'string' ? v : undefined);

function withoutTokens(body: object | undefined): Json {
  const out: Json = {};
  for (const [key, value] of Object.entries(body ?? {}))
    if (!TOKEN_FIELDS.has(key)) out[key] = value;
  return out;
}

function abortReason(signal: AbortSignal): unknown {
  return signal.reason ?? new DOMException('The operation was aborted.', 'AbortError');
}

/**
 * Settles with `work`, or rejects as soon as `signal` aborts, whichever comes first: a fetch
 * implementation that ignores its signal still cannot outlive the timeout or the caller's abort.
 */
function untilAborted<T>(signal: AbortSignal, work: () => Promise<T>): Promise<T> {
  return new Promise<T>((resolve, reject) => {
    const onAbort = () => reject(abortReason(signal));
    signal.addEventListener('abort', onAbort, { once: true });
    work()
      .then(resolve, reject)
      .finally(() => signal.removeEventListener('abort', onAbort));
  });
}

async function readResponse(response: Response): Promise<Json> {
  const { ok, status } = response;
  // Read first, parse apart: a failing body stream is a network error or an abort, not bad JSON.
  const text = await response.text();
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch {
    // HTML from a proxy, an empty body...: reported below as unexpected_response.
  }
  if (ok && isObject(data)) return data;
  const body = !ok && isObject(data) ? data : {};
  throw new OtpAuthError({
    status_code: status,
    error_type: str(body.error_type) ?? 'unexpected_response',
    error_message:
      str(body.error_message) ?? `Unexpected response from the server (HTTP ${status}).`,
    request_id: str(body.request_id),
    error_url: str(body.error_url),
    retryAfter: await parseRetryAfter(
      response.headers.get('Retry-After'),
      response.headers.get('Date'),
    ),
  });
}

/**
 * Creates the fetch-based {@link OtpApi} the elements use to talk to the gateway.
 *
 * Requests go to `{baseUrl}/v1/b2b/...` with Stytch's paths and field names (the OTP endpoints, the
 * discovery endpoints and `sessions/exchange`), plus `GET {baseUrl}/session` and
 * `POST {baseUrl}/logout`. Every failure rejects with an {@link OtpAuthError}, except an abort
 * through the caller's `signal`, which rejects with that signal's `AbortError`. Nothing is retried.
 *
 * @example
 * const api = createOtpClient({ baseUrl: '/auth' });
 * await api.emailLoginOrSignup({ organization_id, email_address });
 * // Signed in, switch to another of the member's organizations:
 * const { discovered_organizations } = await api.listDiscoveredOrganizations();
 * await api.exchangeSession({ organization_id: discovered_organizations[1].organization.organization_id });
 */
export function createOtpClient(options: OtpClientOptions = {}): OtpApi {
  const base = (options.baseUrl ?? '/api').replace(/\/+$/, '');
  const timeoutMs = options.timeoutMs ?? 15_000;
  if (!(timeoutMs > 0))
    throw new RangeError('createOtpClient: timeoutMs must be a positive number');
  const headers: Record<string, string> = {};
  new Headers(options.headers).forEach((value, name) => (headers[name] = value));
  Object.assign(headers, {
    'content-type': 'application/json',
    accept: 'application/json',
    'x-otp-auth': '1',
  });

  async function request<T>(
    method: 'GET' | 'POST',
    path: string,
    body: object | undefined,
    { signal: caller }: RequestOptions = {},
  ): Promise<T> {
    if (caller?.aborted) throw abortReason(caller);
    const fetchImpl = options.fetch ?? globalThis.fetch;
    if (typeof fetchImpl !== 'function') throw new TypeError('createOtpClient: no fetch available');
    // One controller fed by the caller's signal and the timer, in every engine: AbortSignal.any()
    // and AbortSignal.timeout() are missing from older WebKitGTK and Firefox ESR builds, and the
    // flag set by the timer is what tells a timeout apart from the caller's abort.
    const controller = new AbortController();
    const forward = () => controller.abort(caller?.reason);
    caller?.addEventListener('abort', forward, { once: true });
    let timedOut = false;
    const timer =
      timeoutMs <= MAX_TIMER_MS
        ? setTimeout(() => {
            timedOut = true;
            controller.abort();
          }, timeoutMs)
        : undefined;
    try {
      return (await untilAborted(controller.signal, async () =>
        readResponse(
          // .call: a fetch taken off `window` throws "Illegal invocation" with another `this`.
          await fetchImpl.call(globalThis, base + path, {
            method,
            headers: { ...headers },
            body: method === 'POST' ? JSON.stringify(withoutTokens(body)) : undefined,
            credentials: options.credentials ?? 'same-origin',
            cache: 'no-store',
            signal: controller.signal,
          }),
        ),
      )) as T;
    } catch (error) {
      if (timedOut) {
        throw new OtpAuthError({
          status_code: 0,
          error_type: 'timeout',
          error_message: `The server did not answer within ${timeoutMs} ms.`,
          cause: error,
        });
      }
      if (caller?.aborted) throw abortReason(caller);
      if (error instanceof OtpAuthError) throw error;
      throw new OtpAuthError({
        status_code: 0,
        error_type: 'network_error',
        error_message: 'The server could not be reached.',
        cause: error,
      });
    } finally {
      clearTimeout(timer);
      caller?.removeEventListener('abort', forward);
    }
  }

  const post =
    <T>(path: string) =>
    (body: object, opts?: RequestOptions) =>
      request<T>('POST', `/v1/b2b/${path}`, body, opts);

  return {
    emailLoginOrSignup: post('otps/email/login_or_signup'),
    emailAuthenticate: post('otps/email/authenticate'),
    smsSend: post('otps/sms/send'),
    smsAuthenticate: post('otps/sms/authenticate'),
    discoverySend: post('otps/email/discovery/send'),
    discoveryAuthenticate: post('otps/email/discovery/authenticate'),
    listDiscoveredOrganizations: (opts) =>
      request('POST', '/v1/b2b/discovery/organizations', {}, opts),
    exchangeIntermediateSession: post('discovery/intermediate_sessions/exchange'),
    createOrganizationViaDiscovery: post('discovery/organizations/create'),
    exchangeSession: post('sessions/exchange'),
    session: (opts) => request('GET', '/session', undefined, opts),
    logout: (opts) => request('POST', '/logout', {}, opts),
  };
}
