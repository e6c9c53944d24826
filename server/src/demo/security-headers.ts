/**
 * Strict policy for the demo's pages: no inline script or style, Trusted Types enforced (lit-html
 * creates its own policy), never framed.
 */
export const DEMO_PAGE_CSP = [
  "default-src 'self'",
  "script-src 'self'",
  "style-src 'self'",
  "img-src 'self' data:",
  "connect-src 'self'",
  "object-src 'none'",
  "base-uri 'none'",
  "form-action 'self'",
  "frame-ancestors 'none'",
  "require-trusted-types-for 'script'",
  'trusted-types lit-html',
].join('; ');

/**
 * Every answer: `nosniff` and no referrer; and the strict policy unless the answer brings its own
 * (the dev outbox page does). Set on everything, not only `text/html`, so that no file a browser
 * could render as a page (HTML, SVG, a mislabelled asset) goes without it.
 */
export function withSecurityHeaders(response: Response): Response {
  const headers = new Headers(response.headers);
  headers.set('x-content-type-options', 'nosniff');
  if (!headers.has('referrer-policy')) headers.set('referrer-policy', 'no-referrer');
  if (!headers.has('content-security-policy'))
    headers.set('content-security-policy', DEMO_PAGE_CSP);
  const { status, statusText, body } = response;
  return new Response(body, { status, statusText, headers });
}
