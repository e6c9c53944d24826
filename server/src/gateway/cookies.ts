import { parse, serialize } from 'hono/utils/cookie';
import type { CookieNames } from './options.js';

/** Browsers cap cookie lifetimes at 400 days; hono refuses to write longer ones. */
const MAX_COOKIE_AGE_SECONDS = 400 * 24 * 60 * 60;
const LOCAL_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

export type TokenName = keyof CookieNames;

/**
 * Whether this request's cookies are `Secure` with the `__Host-` prefix. Configuration decides, not
 * the Host header: `secureCookies: false` only applies to plain http on a loopback host, and a
 * request that arrived over TLS (per `X-Forwarded-Proto`) keeps secure cookies whatever Host says.
 * Both fallbacks report through `warn`.
 */
export function secureCookiesFor(
  request: Request,
  url: URL,
  configured: boolean,
  warn: (message: string) => void,
): boolean {
  const plainLocal =
    url.protocol === 'http:' &&
    LOCAL_HOSTS.has(url.hostname) &&
    !/^\s*https\b/i.test(request.headers.get('x-forwarded-proto') ?? '');
  if (configured && plainLocal) {
    warn(
      `otp-auth-server gateway: Secure cookies on plain-http ${url.origin}; Safari drops them. ` +
        'Set secureCookies: false for local development.',
    );
  }
  if (!configured && !plainLocal) {
    warn(
      `otp-auth-server gateway: secureCookies is false, but ${url.origin} is not plain-http ` +
        'localhost (or X-Forwarded-Proto says https): the cookies stay Secure with the __Host- prefix.',
    );
    return true;
  }
  return configured;
}

/**
 * The token cookies of one request: reads them and collects the `Set-Cookie` lines of the answer.
 * All cookies are `HttpOnly; SameSite=Lax; Path=/`; in secure mode also `Secure` with the
 * `__Host-` prefix, which plain http cannot carry.
 */
export class CookieJar {
  readonly setCookies: string[] = [];
  private readonly secure: boolean;
  private readonly names: CookieNames;
  private readonly received: Record<string, string>;

  constructor(request: Request, baseNames: CookieNames, secure: boolean) {
    this.secure = secure;
    const prefix = this.secure ? '__Host-' : '';
    this.names = {
      session: prefix + baseNames.session,
      sessionJwt: prefix + baseNames.sessionJwt,
      intermediateSession: prefix + baseNames.intermediateSession,
    };
    this.received = parse(request.headers.get('cookie') ?? '');
  }

  /** The session credential the browser holds, if any: the session token, else the JWT. */
  session(): { session_token: string } | { session_jwt: string } | undefined {
    const token = this.get('session');
    if (token) return { session_token: token };
    const jwt = this.get('sessionJwt');
    return jwt ? { session_jwt: jwt } : undefined;
  }

  get(token: TokenName): string | undefined {
    const value = this.received[this.names[token]];
    return value ? value : undefined;
  }

  /** Sets the cookie for `maxAgeSeconds`, or expires it when that is not positive. */
  set(token: TokenName, value: string, maxAgeSeconds: number): void {
    if (!(maxAgeSeconds > 0) || value === '') {
      this.expire(token);
      return;
    }
    this.write(token, value, Math.min(Math.floor(maxAgeSeconds), MAX_COOKIE_AGE_SECONDS));
  }

  expire(...tokens: TokenName[]): void {
    for (const token of tokens) this.write(token, '', 0);
  }

  private write(token: TokenName, value: string, maxAge: number): void {
    this.setCookies.push(
      serialize(this.names[token], value, {
        maxAge,
        path: '/',
        httpOnly: true,
        secure: this.secure,
        sameSite: 'Lax',
      }),
    );
  }
}

/** Seconds from now until an RFC 3339 instant; `fallback` when the instant is missing or invalid. */
export function secondsUntil(instant: unknown, fallback: number): number {
  const time = typeof instant === 'string' ? Date.parse(instant) : NaN;
  return Number.isNaN(time) ? fallback : Math.floor((time - Date.now()) / 1000);
}
