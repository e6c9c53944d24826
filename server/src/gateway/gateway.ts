import { CookieJar } from './cookies.js';
import {
  checkCsrfHeader,
  checkJsonContentType,
  checkSite,
  corsHeaders,
  preflightHeaders,
} from './csrf.js';
import { GatewayError, internalError, routeNotFound } from './errors.js';
import { currentSession, forwardOtp, logout, type Context, type Reply } from './handlers.js';
import { resolveOptions, type GatewayConfig, type GatewayOptions } from './options.js';
import { RateLimited } from './upstream.js';

interface Route {
  method: 'GET' | 'POST';
  handle(context: Context): Promise<Reply>;
}

/** Paths below `basePath`. Matched exactly: no parameters, no normalisation, no prefixes. */
const ROUTES = new Map<string, Route>([
  ['/v1/b2b/otps/email/login_or_signup', otpRoute('emailLoginOrSignup')],
  ['/v1/b2b/otps/email/authenticate', otpRoute('emailAuthenticate')],
  ['/v1/b2b/otps/sms/send', otpRoute('smsSend')],
  ['/v1/b2b/otps/sms/authenticate', otpRoute('smsAuthenticate')],
  ['/session', { method: 'GET', handle: currentSession }],
  ['/logout', { method: 'POST', handle: logout }],
]);

function otpRoute(endpoint: Parameters<typeof forwardOtp>[1]): Route {
  return { method: 'POST', handle: (context) => forwardOtp(context, endpoint) };
}

const BASE_HEADERS = {
  'cache-control': 'no-store',
  'x-content-type-options': 'nosniff',
};

/**
 * A fetch handler that lets browsers run the Stytch B2B OTP login without seeing the project
 * secret or any session token. It forwards a fixed allowlist of endpoints to the upstream, adds the
 * project's credentials, keeps tokens in HttpOnly cookies and injects them where Stytch needs them,
 * and refuses cross-site, oversized or non-JSON requests. Every answer is JSON; errors have
 * Stytch's shape.
 *
 * Mount it wherever a `(Request) => Promise<Response>` fits, with `basePath` matching the mount
 * point; add OPTIONS only when `allowedOrigins` lists other origins (CORS preflights).
 *
 * @example
 * const gateway = createGateway({ projectId, secret });
 * // Next.js, app/api/[...path]/route.ts:
 * export { gateway as GET, gateway as POST };
 * // Cloudflare Workers: export default { fetch: gateway };
 * // Node: serve({ fetch: gateway }) from @hono/node-server; Hono: app.all('/api/*', (c) => gateway(c.req.raw))
 */
export function createGateway(options: GatewayOptions): (request: Request) => Promise<Response> {
  const config = resolveOptions(options);
  return async (request) => {
    let cors: Record<string, string> = {};
    let jar: CookieJar | undefined;
    try {
      const url = new URL(request.url);
      const route = findRoute(config, url.pathname);
      if (request.method === 'OPTIONS') return preflight(request, url, config, route);
      if (request.method !== route.method) throw routeNotFound();
      const foreignOrigin = checkSite(request, url, config.allowedOrigins);
      if (foreignOrigin) cors = corsHeaders(foreignOrigin);
      checkCsrfHeader(request, config.csrfHeader);
      if (route.method === 'POST') checkJsonContentType(request);
      jar = new CookieJar(request, url, config.cookieNames, config.secureCookies);
      const reply = await route.handle({ request, config, jar });
      return respond(reply, jar.setCookies, cors);
    } catch (error) {
      const known = error instanceof GatewayError ? error : internalError();
      const retryAfter = error instanceof RateLimited ? error.retryAfter : undefined;
      const reply = { status: known.status, body: known.toBody(), retryAfter };
      return respond(reply, jar?.setCookies ?? [], cors);
    }
  };
}

function findRoute(config: GatewayConfig, pathname: string): Route {
  const route = pathname.startsWith(config.basePath)
    ? ROUTES.get(pathname.slice(config.basePath.length))
    : undefined;
  if (!route) throw routeNotFound();
  return route;
}

function preflight(request: Request, url: URL, config: GatewayConfig, route: Route): Response {
  const origin = checkSite(request, url, config.allowedOrigins);
  if (!origin) throw routeNotFound();
  const headers = { ...BASE_HEADERS, ...preflightHeaders(origin, route.method, config.csrfHeader) };
  return new Response(null, { status: 204, headers });
}

function respond(reply: Reply, setCookies: string[], cors: Record<string, string>): Response {
  const headers = new Headers({ ...BASE_HEADERS, ...cors, 'content-type': 'application/json' });
  if (reply.retryAfter !== undefined) headers.set('retry-after', reply.retryAfter);
  for (const cookie of setCookies) headers.append('set-cookie', cookie);
  return new Response(JSON.stringify(reply.body), { status: reply.status, headers });
}
