import { secureCookiesFor, CookieJar } from './cookies.js';
import {
  checkCsrfHeader,
  checkJsonContentType,
  checkSite,
  corsHeaders,
  preflightHeaders,
} from './csrf.js';
import { LOGOUT_PATH, OTP_ENDPOINTS, SESSION_PATH } from './endpoints.js';
import { internalError, newRequestId, routeNotFound, StytchError } from './errors.js';
import { currentSession, forwardOtp, logout, type Context, type Reply } from './handlers.js';
import { resolveOptions, type GatewayConfig, type GatewayOptions } from './options.js';

interface Route {
  method: 'GET' | 'POST';
  handle(context: Context): Promise<Reply>;
}

/** A fetch handler; the optional second argument is the platform's (socket, env…), for guards. */
export type GatewayHandler = (request: Request, platform?: unknown) => Promise<Response>;

/** Paths below `basePath`, from the endpoint table. Matched exactly: no parameters, no prefixes. */
function routesOf(config: GatewayConfig): Map<string, Route> {
  const routes = new Map<string, Route>();
  for (const endpoint of Object.values(OTP_ENDPOINTS)) {
    const schema = endpoint.fields(config);
    routes.set(endpoint.path, {
      method: 'POST',
      handle: (context) => forwardOtp(context, endpoint, schema),
    });
  }
  routes.set(SESSION_PATH, { method: 'GET', handle: currentSession });
  routes.set(LOGOUT_PATH, { method: 'POST', handle: logout });
  return routes;
}

const BASE_HEADERS = {
  'cache-control': 'no-store',
  'x-content-type-options': 'nosniff',
};

/**
 * A fetch handler that lets browsers run the Stytch B2B OTP login without seeing the project
 * secret or any session token. It forwards a fixed allowlist of endpoints to the upstream, checks
 * every forwarded field, adds the project's credentials, keeps tokens in HttpOnly cookies and
 * injects them where Stytch needs them, answers strangers the same whatever the address, and
 * refuses cross-site, oversized or non-JSON requests. Every answer is JSON; errors have Stytch's
 * shape.
 *
 * Mount it wherever a `(Request) => Promise<Response>` fits, with `basePath` matching the mount
 * point; add OPTIONS only when `allowedOrigins` lists other origins (CORS preflights).
 *
 * @example
 * const gateway = createGateway({ projectId, secret });
 * // Next.js, app/api/[...path]/route.ts:
 * export { gateway as GET, gateway as POST };
 * // Cloudflare Workers: export default { fetch: gateway };
 * // Node: serve({ fetch: gateway }) from @hono/node-server; Hono: app.all('/api/*', (c) => gateway(c.req.raw, c.env))
 */
export function createGateway(options: GatewayOptions): GatewayHandler {
  const config = resolveOptions(options);
  const routes = routesOf(config);
  const warnOnce = once(config.warn);
  return async (request, platform) => {
    let cors: Record<string, string> = {};
    let jar: CookieJar | undefined;
    try {
      const url = new URL(request.url);
      const route = findRoute(routes, config.basePath, url.pathname);
      if (request.method === 'OPTIONS') return preflight(request, url, config, route);
      if (request.method !== route.method) throw routeNotFound();
      const foreignOrigin = checkSite(request, url, config.allowedOrigin);
      if (foreignOrigin) cors = corsHeaders(foreignOrigin);
      checkCsrfHeader(request, config.csrfHeader);
      if (route.method === 'POST') checkJsonContentType(request);
      const secure = secureCookiesFor(request, url, config.secureCookies, warnOnce);
      jar = new CookieJar(request, config.cookieNames, secure);
      const reply = await route.handle({ request, platform, config, jar });
      return respond(reply, jar.setCookies, cors);
    } catch (error) {
      const known = error instanceof StytchError ? error : internalError();
      if (known.status >= 500) config.onError(error, request);
      const retryAfter = known.headers['retry-after'];
      const reply = { status: known.status, body: known.toBody(newRequestId()), retryAfter };
      return respond(reply, jar?.setCookies ?? [], cors);
    }
  };
}

function once(warn: (message: string) => void): (message: string) => void {
  const seen = new Set<string>();
  return (message) => {
    if (seen.has(message)) return;
    seen.add(message);
    warn(message);
  };
}

function findRoute(routes: Map<string, Route>, basePath: string, pathname: string): Route {
  const route = pathname.startsWith(basePath)
    ? routes.get(pathname.slice(basePath.length))
    : undefined;
  if (!route) throw routeNotFound();
  return route;
}

function preflight(request: Request, url: URL, config: GatewayConfig, route: Route): Response {
  const origin = checkSite(request, url, config.allowedOrigin);
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
