import type { JsonObject } from '../shared/body.js';
import {
  EMAIL_OTP_DEFAULT_MINUTES,
  EMAIL_OTP_MIN_MINUTES,
  SESSION_DEFAULT_MINUTES,
  SESSION_MAX_MINUTES,
  SESSION_MIN_MINUTES,
} from '../shared/limits.js';
import { checkSmsCountries, DEFAULT_SMS_COUNTRIES } from './phone.js';
import { createAbuseControls, type BeforeSend, type RateLimitOptions } from './limit/guard.js';
import type { UserLockMirror, UserLockOptions } from './limit/lock.js';
import { OrganizationIds } from './organization-ids.js';

/** The fetch the gateway uses to reach the upstream. `globalThis.fetch` fits. */
export type UpstreamFetch = (input: string, init: RequestInit) => Promise<Response>;

/** Bounds for `session_duration_minutes`, in minutes. Stytch accepts 5 to 527040 (366 days). */
export interface SessionDurationBounds {
  /** Used when the browser sends no duration. Default 60. */
  default: number;
  /** Smaller requested durations are raised to this. Default 5. */
  min: number;
  /** Larger requested durations are lowered to this. Default: the default, i.e. 60. */
  max: number;
}

/**
 * Base cookie names. With `secureCookies` (the default) each gets the `__Host-` prefix, which makes
 * browsers insist on `Secure`, `Path=/` and no `Domain`.
 */
export interface CookieNames {
  /** Holds `session_token`. Default `otp_session`. */
  session: string;
  /** Holds `session_jwt`. Default `otp_session_jwt`. */
  sessionJwt: string;
  /** Holds `intermediate_session_token` while MFA is pending. Default `otp_ist`. */
  intermediateSession: string;
}

/** Decides whether a foreign `Origin` may call the gateway. */
export type OriginCheck = (origin: string, request: Request) => boolean;

/** What the gateway is about to forward; see {@link GatewayConfig.guards}. */
export interface ForwardCall {
  request: Request;
  /** The handler's second argument (platform context: socket, env…), as given. */
  platform: unknown;
  /** The upstream path, e.g. `/v1/b2b/otps/email/login_or_signup`. */
  path: string;
  operation: { action: 'send' | 'authenticate'; channel: 'email' | 'sms' };
  /** The checked fields that will be forwarded (tokens not included). */
  body: Readonly<JsonObject>;
}

/** Runs before a send or authenticate is forwarded; throwing a `StytchError` refuses it. */
export type ForwardGuard = (call: ForwardCall) => void | Promise<void>;

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
   * Origins (`https://app.example.com`, no path) allowed besides the gateway's own, or a function
   * deciding for each foreign `Origin`. Same-origin requests are always allowed; requests the
   * browser marks `Sec-Fetch-Site: cross-site` are always refused, so only same-site origins are
   * useful here. Default: none (same-origin only).
   */
  allowedOrigins?: string[] | OriginCheck;
  /**
   * Session lifetime, owned by the server. The browser may ask for a duration; it is clamped to
   * `[min, max]`. Default `{ default: 60, min: 5, max: 60 }`: raise `max` (and `default`) to allow
   * longer sessions, up to Stytch's 527040.
   */
  sessionDurationMinutes?: Partial<SessionDurationBounds>;
  /**
   * Longest email code lifetime (`login_/signup_/discovery_expiration_minutes` from the browser are
   * lowered to it; below Stytch's default of 10 it is sent when the browser asks for none).
   * Default 10, the most ASVS 2.7.2 allows; 2 to 10.
   */
  maxCodeLifetimeMinutes?: number;
  /**
   * Regions (ISO 3166 alpha-2) a new MFA phone number may be in; any other `mfa_phone_number` is
   * refused with 400 `invalid_phone_number_country_code` before an SMS is sent. Default
   * `['US', 'CA']`, Stytch's own default.
   */
  smsCountries?: string[];
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
  /** Largest accepted upstream answer, in bytes; a larger one is a 502. Default 262144. */
  maxUpstreamBytes?: number;
  /** Upstream timeout in milliseconds, covering the response body too. Default 10000. */
  timeoutMs?: number;
  /**
   * `Secure` cookies with the `__Host-` prefix. Default true, whatever the request's Host says.
   * `false` is for local development over plain http (Safari drops `Secure` cookies on
   * `http://localhost`); it only applies to plain-http requests to `localhost`, `127.0.0.1` or
   * `[::1]`: any other request still gets secure cookies, and a warning.
   */
  secureCookies?: boolean;
  /** Base cookie names; see {@link CookieNames}. */
  cookieNames?: Partial<CookieNames>;
  /**
   * Called with unexpected failures (answered 500, 502 or 504) and failed revocations, for
   * logging. The gateway logs nothing itself; errors thrown here are ignored.
   */
  onError?: (error: unknown, request: Request) => void;
  /** Configuration warnings (e.g. a cookie security fallback). Default `console.warn`. */
  onWarning?: (message: string) => void;
  /**
   * Abuse limits per client address and per email address / phone number, answered 429 with
   * `Retry-After`; see SECURITY.md, "Abuse controls". Default: on, in memory, client = socket peer.
   * `false` turns them off (load tests behind your own limits).
   */
  rateLimits?: RateLimitOptions | false;
  /** A bot check run before any code is sent; see {@link BeforeSend}. */
  beforeSend?: BeforeSend;
  /**
   * Stytch's user lock, mirrored for every address so that wrong codes for an address that is not
   * a member get the same `429 user_lock_limit_reached` as a locked member; see SECURITY.md,
   * "Anti-enumeration". Set it to your Stytch project's user-lock settings. Default
   * `{ threshold: 10, ttlMinutes: 60 }`, Stytch's. Stays on with `rateLimits: false`.
   */
  userLock?: UserLockOptions;
}

export interface GatewayConfig {
  upstream: string;
  authorization: string;
  fetch: UpstreamFetch;
  basePath: string;
  allowedOrigin: OriginCheck;
  sessionDuration: SessionDurationBounds;
  maxCodeLifetimeMinutes: number;
  smsCountries: ReadonlySet<string>;
  allowedOrganizationIds: ReadonlySet<string> | undefined;
  exposeTokens: boolean;
  csrfHeader: string;
  maxBodyBytes: number;
  maxUpstreamBytes: number;
  timeoutMs: number;
  secureCookies: boolean;
  cookieNames: CookieNames;
  onError: (error: unknown, request: Request) => void;
  warn: (message: string) => void;
  /**
   * Checks run in order before a send or authenticate is forwarded, after its fields are checked.
   * Abuse limits and bot checks add theirs here.
   */
  guards: ForwardGuard[];
  /** Failed email codes and locks per organization and address. */
  userLock: UserLockMirror;
  /** Organization slugs and external ids resolved to ids, for the user-lock mirror. */
  organizationIds: OrganizationIds;
}

const HEADER_NAME = /^[!#$%&'*+\-.^_`|~0-9A-Za-z]+$/;
const COOKIE_NAME = /^[\w!#$%&'*.^`|~+-]+$/;

/** Validates the options and fills in defaults; throws a TypeError naming the bad option. */
export function resolveOptions(options: GatewayOptions): GatewayConfig {
  const { projectId, secret } = options;
  if (typeof projectId !== 'string' || projectId === '')
    fail('projectId must be a non-empty string');
  if (typeof secret !== 'string' || secret === '') fail('secret must be a non-empty string');
  const abuse = createAbuseControls(options.rateLimits, options.beforeSend, options.userLock);
  return {
    upstream: resolveUpstream(projectId, options.upstream),
    authorization: `Basic ${base64(`${projectId}:${secret}`)}`,
    fetch: options.fetch ?? ((input, init) => globalThis.fetch(input, init)),
    basePath: resolveBasePath(options.basePath ?? '/api'),
    allowedOrigin: resolveOrigins(options.allowedOrigins ?? []),
    sessionDuration: resolveDuration(options.sessionDurationMinutes ?? {}),
    maxCodeLifetimeMinutes: codeLifetime(
      options.maxCodeLifetimeMinutes ?? EMAIL_OTP_DEFAULT_MINUTES,
    ),
    smsCountries: checkSmsCountries(options.smsCountries ?? DEFAULT_SMS_COUNTRIES),
    allowedOrganizationIds:
      options.allowedOrganizationIds && new Set(options.allowedOrganizationIds),
    exposeTokens: options.exposeTokens === true,
    csrfHeader: checkHeaderName(options.csrfHeader ?? 'x-otp-auth'),
    maxBodyBytes: positiveInteger('maxBodyBytes', options.maxBodyBytes ?? 16384),
    maxUpstreamBytes: positiveInteger('maxUpstreamBytes', options.maxUpstreamBytes ?? 262144),
    timeoutMs: positiveInteger('timeoutMs', options.timeoutMs ?? 10000),
    secureCookies: options.secureCookies ?? true,
    cookieNames: resolveCookieNames(options.cookieNames ?? {}),
    onError: quiet(options.onError ?? (() => undefined)),
    warn: options.onWarning ?? ((message) => console.warn(message)),
    guards: [abuse.guard],
    userLock: abuse.userLock,
    organizationIds: new OrganizationIds(),
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

function resolveOrigins(allowed: string[] | OriginCheck): OriginCheck {
  if (typeof allowed === 'function') return allowed;
  if (!Array.isArray(allowed)) fail('allowedOrigins must be an array of origins or a function');
  const origins = new Set(allowed.map(checkOrigin));
  return (origin) => origins.has(origin);
}

/** A logging callback must not turn an answer into a crash. */
function quiet(onError: (error: unknown, request: Request) => void) {
  return (error: unknown, request: Request) => {
    try {
      const result: unknown = onError(error, request);
      if (result instanceof Promise) result.catch(() => undefined);
    } catch {
      // ignored: see GatewayOptions.onError
    }
  };
}

function codeLifetime(minutes: number): number {
  if (!Number.isInteger(minutes) || minutes < EMAIL_OTP_MIN_MINUTES || minutes > 10) {
    fail(`maxCodeLifetimeMinutes must be an integer from ${EMAIL_OTP_MIN_MINUTES} to 10`);
  }
  return minutes;
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
  const min = bounds.min ?? SESSION_MIN_MINUTES;
  const fallback = bounds.default ?? Math.max(SESSION_DEFAULT_MINUTES, min);
  const max = bounds.max ?? fallback;
  const values = [min, fallback, max];
  if (!values.every(Number.isInteger)) fail('sessionDurationMinutes values must be integers');
  const inOrder = SESSION_MIN_MINUTES <= min && min <= fallback && fallback <= max;
  if (!inOrder || max > SESSION_MAX_MINUTES) {
    fail(
      `sessionDurationMinutes must satisfy 5 <= min <= default <= max <= ${SESSION_MAX_MINUTES}`,
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
