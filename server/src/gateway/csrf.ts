import { StytchError } from './errors.js';
import type { OriginCheck } from './options.js';

const JSON_CONTENT_TYPE = /^application\/json\s*(;\s*charset\s*=\s*"?utf-8"?\s*)?$/i;

/**
 * Refuses requests from other sites. Browsers send `Origin` on every POST, so a POST without one is
 * refused; a GET without one is a same-origin navigation or fetch unless `Sec-Fetch-Site` says
 * otherwise. Returns the caller's origin when it is an allowed foreign origin (it then needs CORS
 * headers), else undefined.
 */
export function checkSite(
  request: Request,
  url: URL,
  allowedOrigin: OriginCheck,
): string | undefined {
  const site = request.headers.get('sec-fetch-site');
  if (site === 'cross-site') {
    throw new StytchError(403, 'cross_site_request', 'Cross-site requests are not allowed.');
  }
  const origin = request.headers.get('origin');
  if (origin === null) {
    if (request.method === 'GET' && site !== 'same-site') return undefined;
    throw new StytchError(403, 'origin_not_allowed', 'The request has no Origin header.');
  }
  if (isSameOrigin(request, url, origin, site)) return undefined;
  if (origin !== 'null' && allowedOrigin(origin, request)) return origin;
  throw new StytchError(403, 'origin_not_allowed', 'Requests from this origin are not allowed.');
}

/**
 * The page and the gateway share an origin. The request URL alone cannot tell: frameworks rebuild
 * it from their own configuration (Next.js says `localhost` to a page on `127.0.0.1`) and proxies
 * rewrite it. The browser's own `Sec-Fetch-Site: same-origin` is trusted, and so is an `Origin`
 * equal to the URL's origin or naming the `Host` the browser connected to.
 */
function isSameOrigin(request: Request, url: URL, origin: string, site: string | null): boolean {
  if (site === 'same-origin' || origin === url.origin) return true;
  if (site !== null) return false;
  const host = request.headers.get('host');
  return host !== null && (origin === `http://${host}` || origin === `https://${host}`);
}

/** A custom header cannot be sent cross-origin without a CORS preflight the gateway would refuse. */
export function checkCsrfHeader(request: Request, headerName: string): void {
  if (!request.headers.get(headerName)) {
    throw new StytchError(403, 'missing_csrf_header', `The ${headerName} header is required.`);
  }
}

/** Forms can send text/plain, urlencoded and multipart bodies without a preflight; JSON they cannot. */
export function checkJsonContentType(request: Request): void {
  if (!JSON_CONTENT_TYPE.test(request.headers.get('content-type') ?? '')) {
    throw new StytchError(415, 'invalid_content_type', 'Content-Type must be application/json.');
  }
}

/** Headers that let an allowed foreign origin read the answer, cookies included. */
export function corsHeaders(origin: string): Record<string, string> {
  return {
    'access-control-allow-origin': origin,
    'access-control-allow-credentials': 'true',
    'access-control-expose-headers': 'Retry-After',
    vary: 'Origin',
  };
}

/** The answer to a preflight from an allowed foreign origin. */
export function preflightHeaders(origin: string, method: string, csrfHeader: string) {
  return {
    ...corsHeaders(origin),
    'access-control-allow-methods': method,
    'access-control-allow-headers': `content-type, accept, ${csrfHeader}`,
    'access-control-max-age': '600',
  };
}
