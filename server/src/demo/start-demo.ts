import { serve, type ServerType } from '@hono/node-server';
import type { AddressInfo } from 'node:net';
import { createDemoApp, type DemoApp } from './demo-app.js';
import { localhostOnly, type FetchHandler } from './localhost-only.js';
import { withSecurityHeaders } from './security-headers.js';

export interface StartDemoOptions {
  /** Port of the page, elements and gateway; 0 picks a free one. */
  port: number;
  /** Port of the emulator API, served at the root as back-end SDKs expect; 0 picks a free one. */
  emulatorPort: number;
  /** Folder of the otp-auth-elements package (holds demo/ and dist/). */
  staticRoot: string;
  /** Data file of the embedded emulator; absent = in memory. */
  dataFile?: string;
  stytch?: { projectId: string; secret: string };
  log?: (line: string) => void;
}

export interface RunningDemo {
  app: DemoApp;
  /** The listening servers: the demo's, then the emulator API's. */
  servers: ServerType[];
  /** `http://localhost:PORT`: the page, `/api` and `/__dev/outbox`. */
  url: string;
  port: number;
  /** `http://localhost:PORT`: the emulator API for back-end SDKs; absent with real Stytch. */
  emulatorUrl?: string;
  emulatorPort?: number;
  /** What a developer needs to know, printed by the CLI. */
  banner: string;
  close(): Promise<void>;
}

interface Listening {
  server: ServerType;
  port: number;
  url: string;
}

/**
 * Starts the demo on localhost only, each port answering only to localhost names: the page,
 * elements and gateway on `port`; without Stytch credentials the emulator API on `emulatorPort`.
 */
export async function startDemo(options: StartDemoOptions): Promise<RunningDemo> {
  const app = await createDemoApp(options);
  const servers: ServerType[] = [];
  const close = async () => {
    await Promise.all(servers.map((server) => new Promise((closed) => server.close(closed))));
    await app.close();
  };
  try {
    const demo = await listenOnLocalhost(app.fetch, options.port);
    servers.push(demo.server);
    const emulator = app.emulator;
    const api = emulator
      ? await listenOnLocalhost(
          async (r) => withSecurityHeaders(await emulator.fetch(r)),
          options.emulatorPort,
        )
      : undefined;
    if (api) servers.push(api.server);
    return {
      app,
      servers,
      url: demo.url,
      port: demo.port,
      emulatorUrl: api?.url,
      emulatorPort: api?.port,
      banner: banner(app, demo.url, api?.url, options),
      close,
    };
  } catch (error) {
    await close();
    throw error;
  }
}

async function listenOnLocalhost(fetch: FetchHandler, port: number): Promise<Listening> {
  let actualPort = port;
  const server = serve({
    fetch: localhostOnly(fetch, () => actualPort),
    port,
    hostname: 'localhost',
  });
  await new Promise<void>((listening, failed) => {
    server.once('listening', listening);
    server.once('error', failed);
  });
  actualPort = (server.address() as AddressInfo).port;
  return { server, port: actualPort, url: `http://localhost:${actualPort}` };
}

function banner(
  app: DemoApp,
  url: string,
  emulatorUrl: string | undefined,
  options: StartDemoOptions,
): string {
  const emulator = app.emulator;
  const lines = [
    '',
    `otp-auth-elements demo: ${url}/`,
    emulator
      ? `Gateway ${url}/api → embedded Stytch emulator (no account, no network)`
      : `Gateway ${url}/api → Stytch (${options.stytch!.projectId})`,
  ];
  if (emulator && emulatorUrl) {
    lines.push(
      `Dev outbox (codes sent): ${url}/__dev/outbox`,
      `Emulator API for back-end SDKs: ${emulatorUrl}/  (B2BClient env; project_id ${emulator.projectId}  secret ${emulator.secret})`,
      ...(options.dataFile ? [`Emulator data: ${options.dataFile}`] : []),
      '',
      'Open by design, for local development only: the emulator admin API (organizations, members,',
      'sessions; its secret is printed above and given to the page) and the dev outbox (every code in',
      'clear text). Both listen on localhost only and refuse requests for any other host name.',
      '',
      'Seeded organizations:',
    );
    for (const org of emulator.seedInfo?.organizations ?? []) {
      lines.push(`  ${org.organization_name} [${org.mfa_policy}] ${org.organization_id}`);
      for (const m of org.members) {
        const phone = m.mfa_phone_number_verified ? `, SMS MFA ${m.mfa_phone_number}` : '';
        lines.push(`    ${m.email_address}${phone}`);
      }
      for (const domain of org.email_allowed_domains) lines.push(`    any new @${domain} address`);
    }
  }
  return lines.join('\n');
}
