import { Hono } from 'hono';
import { createEmulator, type Emulator } from '../emulator/index.js';
import { createGateway } from '../gateway/index.js';
import { readStaticFile } from './static-files.js';

export interface DemoAppOptions {
  /** Folder of the otp-auth-elements package: the demo page is served from `demo/`, the builds from `dist/`. */
  staticRoot?: string;
  /** Real Stytch credentials: the gateway forwards to Stytch and no emulator starts. */
  stytch?: { projectId: string; secret: string };
  /** An emulator to use instead of starting one. */
  emulator?: Emulator;
  /** Data file of the embedded emulator; absent = in memory. */
  dataFile?: string;
  /** Origins allowed to call the gateway besides the page's own. */
  allowedOrigins?: string[];
  log?: (line: string) => void;
}

export interface DemoApp {
  fetch(request: Request): Promise<Response>;
  emulator: Emulator | undefined;
  close(): Promise<void>;
}

/**
 * Strict policy for the demo page: no inline script or style, Trusted Types enforced (lit-html
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

const EMULATOR_PREFIX = '/emulator';

/**
 * One fetch handler for the whole demo: the page and the built elements, the gateway at `/api`,
 * the embedded emulator at `/emulator` (for back-end SDKs) and its dev outbox at `/__dev/outbox`.
 */
export async function createDemoApp(options: DemoAppOptions = {}): Promise<DemoApp> {
  const emulator = options.stytch
    ? undefined
    : (options.emulator ??
      (await createEmulator({ dataFile: options.dataFile, seed: true, log: options.log })));
  const credentials = options.stytch ?? {
    projectId: emulator!.projectId,
    secret: emulator!.secret,
  };
  const gateway = createGateway({
    projectId: credentials.projectId,
    secret: credentials.secret,
    basePath: '/api',
    allowedOrigins: options.allowedOrigins,
    ...(emulator && {
      upstream: 'http://emulator.invalid',
      fetch: (input, init) => emulator.fetch(new Request(input, init)),
    }),
  });

  const app = new Hono();
  app.all('/api/*', (c) => gateway(c.req.raw));
  if (emulator) {
    app.all(`${EMULATOR_PREFIX}/*`, (c) => emulator.fetch(stripPrefix(c.req.raw, EMULATOR_PREFIX)));
    app.all('/__dev/*', (c) => emulator.fetch(c.req.raw));
  }
  app.get('/demo-config.json', (c) =>
    c.json({
      mode: emulator ? 'emulator' : 'stytch',
      organizations: emulator?.seedInfo?.organizations ?? [],
      ...(emulator && {
        emulator: {
          base: EMULATOR_PREFIX,
          project_id: emulator.projectId,
          secret: emulator.secret,
        },
      }),
    }),
  );
  const root = options.staticRoot;
  if (root) {
    app.get('/', async (c) => page(await readStaticFile(root, 'demo/index.html')) ?? c.notFound());
    app.get('/demo/*', async (c) => (await readStaticFile(root, c.req.path)) ?? c.notFound());
    app.get('/dist/*', async (c) => (await readStaticFile(root, c.req.path)) ?? c.notFound());
  }

  return {
    fetch: (request) => Promise.resolve(app.fetch(request)),
    emulator,
    close: async () => {
      if (emulator && !options.emulator) await emulator.close();
    },
  };
}

function page(response: Response | null): Response | null {
  if (!response) return null;
  const headers = new Headers(response.headers);
  headers.set('content-security-policy', DEMO_PAGE_CSP);
  headers.set('x-content-type-options', 'nosniff');
  headers.set('referrer-policy', 'no-referrer');
  return new Response(response.body, { status: response.status, headers });
}

function stripPrefix(request: Request, prefix: string): Request {
  const url = new URL(request.url);
  url.pathname = url.pathname.slice(prefix.length) || '/';
  const init = {
    method: request.method,
    headers: request.headers,
    body: request.body,
    duplex: 'half',
  };
  return new Request(url, init as RequestInit);
}
