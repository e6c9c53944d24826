/** The fetch the gateway uses to reach the upstream. `globalThis.fetch` fits. */
export type UpstreamFetch = (input: string, init: RequestInit) => Promise<Response>;

/** Bounds for `session_duration_minutes`, in minutes. Stytch accepts 5 to 527040 (366 days). */
export interface SessionDurationBounds {
  /** Used when the browser sends no duration. Default 60. */
  default: number;
  /** Smaller requested durations are raised to this. Default 5. */
  min: number;
  /** Larger requested durations are lowered to this. Default 527040. */
  max: number;
}

/**
 * Base cookie names. On https (or with `secureCookies: true`) each gets the `__Host-` prefix, which
 * makes browsers insist on `Secure`, `Path=/` and no `Domain`.
 */
export interface CookieNames {
  /** Holds `session_token`. Default `otp_session`. */
  session: string;
  /** Holds `session_jwt`. Default `otp_session_jwt`. */
  sessionJwt: string;
  /** Holds `intermediate_session_token` while MFA is pending. Default `otp_ist`. */
  intermediateSession: string;
}

export interface GatewayOptions {
  /** Stytch project id, `project-test-…` or `project-live-…`. */
  projectId: string;
  /** Project secret. Sent upstream only, as HTTP Basic auth with the project id. */
  secret: string;
  /**
   * Base URL of the Stytch API. Default: `https://test.stytch.com` for `project-test-…` ids,
   * `https://api.stytch.com` for `project-live-…` ids; required for any other id.
   */
  upstream?: string;
  /** How to reach the upstream. Default `globalThis.fetch`; pass an emulator's fetch to run offline. */
  fetch?: UpstreamFetch;
  /** Path the gateway is mounted at. Default `/api`. */
  basePath?: string;
  /**
   * Origins (`https://app.example.com`, no path) allowed besides the gateway's own. Requests whose
   * `Origin` equals the request URL's origin are always allowed. Requests the browser marks
   * `Sec-Fetch-Site: cross-site` are always refused, so only same-site origins are useful here.
   * Default: none (same-origin only).
   */
  allowedOrigins?: string[];
  /** Bounds applied to `session_duration_minutes`. Default `{ default: 60, min: 5, max: 527040 }`. */
  sessionDurationMinutes?: Partial<SessionDurationBounds>;
  /** When set, requests naming any other `organization_id` are refused with 403. */
  allowedOrganizationIds?: string[];
  /**
   * Also return `session_token`, `session_jwt` and `intermediate_session_token` in JSON bodies.
   * Default false: tokens only ever travel in HttpOnly cookies.
   */
  exposeTokens?: boolean;
  /** Header every request must carry (any non-empty value); forces a CORS preflight. Default `x-otp-auth`. */
  csrfHeader?: string;
  /** Largest accepted request body, in bytes. Default 16384. */
  maxBodyBytes?: number;
  /** Upstream timeout in milliseconds, covering the response body too. Default 10000. */
  timeoutMs?: number;
  /**
   * Use `Secure` cookies with the `__Host-` prefix. Default: true, except for plain-http requests to
   * `localhost`, `127.0.0.1` or `[::1]`, where browsers would drop such cookies.
   */
  secureCookies?: boolean;
  /** Base cookie names; see {@link CookieNames}. */
  cookieNames?: Partial<CookieNames>;
}

export interface GatewayConfig {
  upstream: string;
  authorization: string;
  fetch: UpstreamFetch;
  basePath: string;
  allowedOrigins: ReadonlySet<string>;
  sessionDuration: SessionDurationBounds;
  allowedOrganizationIds: ReadonlySet<string> | undefined;
  exposeTokens: boolean;
  csrfHeader: string;
  maxBodyBytes: number;
  timeoutMs: number;
  secureCookies: boolean | undefined;
  cookieNames: CookieNames;
}

const STYTCH_MIN_DURATION = 5;
const STYTCH_MAX_DURATION = 527040;
const HEADER_NAME = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/;
const COOKIE_NAME = /^[\w!#$%&'*.^`|~+-]+$/;

/** Validates the options and fills in defaults; throws a TypeError naming the bad option. */
export function resolveOptions(options: GatewayOptions): GatewayConfig {
  const { projectId, secret } = options;
  if (typeof projectId !== 'string' || projectId === '')
    fail('projectId must be a non-empty string');
  if (typeof secret !== 'string' || secret === '') fail('secret must be a non-empty string');
  return {
    upstream: resolveUpstream(projectId, options.upstream),
    authorization: `Basic ${base64(`${projectId}:${secret}`)}`,
    fetch: options.fetch ?? ((input, init) => globalThis.fetch(input, init)),
    basePath: resolveBasePath(options.basePath ?? '/api'),
    allowedOrigins: new Set((options.allowedOrigins ?? []).map(checkOrigin)),
    sessionDuration: resolveDuration(options.sessionDurationMinutes ?? {}),
    allowedOrganizationIds:
      options.allowedOrganizationIds && new Set(options.allowedOrganizationIds),
    exposeTokens: options.exposeTokens === true,
    csrfHeader: checkHeaderName(options.csrfHeader ?? 'x-otp-auth'),
    maxBodyBytes: positiveInteger('maxBodyBytes', options.maxBodyBytes ?? 16384),
    timeoutMs: positiveInteger('timeoutMs', options.timeoutMs ?? 10000),
    secureCookies: options.secureCookies,
    cookieNames: resolveCookieNames(options.cookieNames ?? {}),
  };
}

function fail(message: string): never {
  throw new TypeError(`createGateway: ${message}`);
}

function resolveUpstream(projectId: string, upstream: string | undefined): string {
  if (upstream === undefined) {
    if (projectId.startsWith('project-test-')) return 'https://test.stytch.com';
    if (projectId.startsWith('project-live-')) return 'https://api.stytch.com';
    fail('upstream is required when projectId is neither project-test-… nor project-live-…');
  }
  let url: URL;
  try {
    url = new URL(upstream);
  } catch {
    fail(`upstream is not a URL: ${upstream}`);
  }
  if (url.protocol !== 'https:' && url.protocol !== 'http:') fail('upstream must be http(s)');
  if (url.search || url.hash || url.username || url.password) {
    fail('upstream must be a base URL without credentials, query or fragment');
  }
  return url.href.replace(/\/+$/, '');
}

function resolveBasePath(basePath: string): string {
  const trimmed = basePath.replace(/\/+$/, '');
  if (trimmed !== '' && !/^(\/[\w.~-]+)+$/.test(trimmed)) fail(`basePath is invalid: ${basePath}`);
  if (trimmed.split('/').some((segment) => segment === '.' || segment === '..')) {
    fail(`basePath is invalid: ${basePath}`);
  }
  return trimmed;
}

function checkOrigin(origin: string): string {
  let parsed: URL | undefined;
  try {
    parsed = new URL(origin);
  } catch {
    parsed = undefined;
  }
  if (!parsed || parsed.origin === 'null' || parsed.origin !== origin) {
    fail(`allowedOrigins entries must be origins like https://app.example.com, got ${origin}`);
  }
  return origin;
}

function resolveDuration(bounds: Partial<SessionDurationBounds>): SessionDurationBounds {
  const min = bounds.min ?? STYTCH_MIN_DURATION;
  const max = bounds.max ?? STYTCH_MAX_DURATION;
  const fallback = bounds.default ?? Math.min(Math.max(60, min), max);
  const values = [min, fallback, max];
  if (!values.every(Number.isInteger)) fail('sessionDurationMinutes values must be integers');
  const inOrder = STYTCH_MIN_DURATION <= min && min <= fallback && fallback <= max;
  if (!inOrder || max > STYTCH_MAX_DURATION) {
    fail(
      `sessionDurationMinutes must satisfy 5 <= min <= default <= max <= ${STYTCH_MAX_DURATION}`,
    );
  }
  return { default: fallback, min, max };
}

function checkHeaderName(name: string): string {
  if (typeof name !== 'string' || !HEADER_NAME.test(name)) fail(`csrfHeader is invalid: ${name}`);
  return name.toLowerCase();
}

function positiveInteger(name: string, value: number): number {
  if (!Number.isInteger(value) || value <= 0) fail(`${name} must be a positive integer`);
  return value;
}

function resolveCookieNames(names: Partial<CookieNames>): CookieNames {
  const resolved: CookieNames = {
    session: names.session ?? 'otp_session',
    sessionJwt: names.sessionJwt ?? 'otp_session_jwt',
    intermediateSession: names.intermediateSession ?? 'otp_ist',
  };
  const all = Object.values(resolved);
  for (const name of all) {
    if (!COOKIE_NAME.test(name) || /^__(host|secure)-/i.test(name)) {
      fail(`cookieNames must be plain cookie names without a prefix, got ${name}`);
    }
  }
  if (new Set(all).size !== all.length) fail('cookieNames must be distinct');
  return resolved;
}

function base64(text: string): string {
  let binary = '';
  for (const byte of new TextEncoder().encode(text)) binary += String.fromCharCode(byte);
  return btoa(binary);
}
