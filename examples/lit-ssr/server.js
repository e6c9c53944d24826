// One Node server: the page with the elements rendered by Lit SSR (declarative shadow DOM, usable
// before any script runs), the hydrating client bundle, and the gateway at /api.
import { readFile } from 'node:fs/promises';
import { render } from '@lit-labs/ssr';
import { collectResult } from '@lit-labs/ssr/lib/render-result.js';
import { serve } from '@hono/node-server';
import { html } from 'lit';
import { createGateway } from 'otp-auth-server/gateway';
import 'otp-auth-elements';

const gateway = createGateway({
  projectId: process.env.STYTCH_PROJECT_ID,
  secret: process.env.STYTCH_SECRET,
  upstream: process.env.STYTCH_API_URL, // absent: Stytch itself
  basePath: '/api',
});

async function page() {
  // Your organization id (or its slug).
  const form = await collectResult(
    render(html`<otp-email-auth organization-id="acme"></otp-email-auth>`),
  );
  return `<!doctype html>
<html lang="en">
  <head>
    <meta charset="utf-8" />
    <meta name="viewport" content="width=device-width, initial-scale=1" />
    <title>otp-auth-elements: Lit SSR</title>
    <link rel="icon" href="data:," />
    <script type="module" src="/client.js"></script>
  </head>
  <body>
    <main>
      <h1>Sign in</h1>
      ${form}
      <p id="status" role="status"></p>
    </main>
  </body>
</html>`;
}

const routes = {
  '/': async () => new Response(await page(), { headers: { 'content-type': 'text/html' } }),
  '/client.js': async () =>
    new Response(await readFile(new URL('dist/client.js', import.meta.url)), {
      headers: { 'content-type': 'text/javascript' },
    }),
};

const port = Number(process.env.PORT ?? 3000);
serve({
  port,
  // `platform` ({ incoming }) gives the gateway each client's address for its limits.
  fetch: (request, platform) => {
    const { pathname } = new URL(request.url);
    if (pathname.startsWith('/api/')) return gateway(request, platform);
    return routes[pathname]?.() ?? new Response('Not found', { status: 404 });
  },
});
console.log(`Lit SSR example on http://localhost:${port}/`);
