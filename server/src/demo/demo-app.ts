import { Hono } from 'hono';
import { createEmulator, type Emulator } from '../emulator/index.js';
import { createGateway } from '../gateway/index.js';
import { withSecurityHeaders } from './security-headers.js';
import { serveDemoFiles } from './static-files.js';

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
  /** `platform`: what the server adapter passes, e.g. `{ incoming }`: the gateway counts clients by it. */
  fetch(request: Request, platform?: unknown): Promise<Response>;
  emulator: Emulator | undefined;
  close(): Promise<void>;
}

const EMULATOR_PREFIX = '/emulator';

/**
 * One fetch handler for the whole demo: the page and the built elements, the gateway at `/api`,
 * the embedded emulator at `/emulator` (for the page and browser tests, same origin; back-end SDKs
 * need it at the root of its own port, see `startDemo`) and its dev outbox at `/__dev/outbox`.
 * Every answer carries the headers of `withSecurityHeaders`. The handler checks no `Host`: serve it
 * with `startDemo` (localhost only, DNS rebinding refused) unless the server around it does that.
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
    // The demo is plain http on localhost, where WebKit drops Secure cookies.
    secureCookies: false,
    ...(emulator && {
      upstream: 'http://emulator.invalid',
      fetch: (input, init) => emulator.fetch(new Request(input, init)),
    }),
  });

  const app = new Hono();
  app.all('/api/*', (c) => gateway(c.req.raw, c.env));
  if (emulator) {
    app.all(`${EMULATOR_PREFIX}/*`, (c) => emulator.fetch(stripPrefix(c.req.raw, EMULATOR_PREFIX)));
    app.all('/__dev/*', (c) => emulator.fetch(c.req.raw));
  }
  app.get('/demo-config.json', (c) =>
    c.json({
      mode: emulator ? 'emulator' : 'stytch',
      organizations: emulator?.seedInfo?.organizations ?? [],
      discovery: emulator?.seedInfo?.discovery ?? null,
      ...(emulator && {
        emulator: {
          base: EMULATOR_PREFIX,
          project_id: emulator.projectId,
          secret: emulator.secret,
        },
      }),
    }),
  );
  if (options.staticRoot) serveDemoFiles(app, options.staticRoot);

  return {
    fetch: async (request, platform) => withSecurityHeaders(await app.fetch(request, platform)),
    emulator,
    close: async () => {
      if (emulator && !options.emulator) await emulator.close();
    },
  };
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
