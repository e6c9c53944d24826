import { parse, serialize } from 'hono/utils/cookie';
import type { CookieNames } from './options.js';

/** Browsers cap cookie lifetimes at 400 days; hono refuses to write longer ones. */
const MAX_COOKIE_AGE_SECONDS = 400 * 24 * 60 * 60;
const LOCAL_HOSTS = new Set(['localhost', '127.0.0.1', '[::1]']);

export type TokenName = keyof CookieNames;

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

  constructor(
    request: Request,
    url: URL,
    baseNames: CookieNames,
    secureOption: boolean | undefined,
  ) {
    this.secure = secureOption ?? !(url.protocol === 'http:' && LOCAL_HOSTS.has(url.hostname));
    const prefix = this.secure ? '__Host-' : '';
    this.names = {
      session: prefix + baseNames.session,
      sessionJwt: prefix + baseNames.sessionJwt,
      intermediateSession: prefix + baseNames.intermediateSession,
    };
    this.received = parse(request.headers.get('cookie') ?? '');
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
