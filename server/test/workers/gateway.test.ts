// The gateway in the real Workers runtime (workerd from npm), WITHOUT Node compatibility: the
// package's gateway entry is bundled for a neutral platform, run by workerd, and a full email login
// goes through it to the emulator running in Node on loopback.
import assert from 'node:assert/strict';
import { spawn, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { after, before, describe, it } from 'node:test';
import { serve, type ServerType } from '@hono/node-server';
import { createEmulator, type Emulator } from '../../src/emulator/index.js';
import { bundleNeutral, specifierOf } from './bundle.js';

const WORKER = `
import { createGateway } from '${specifierOf('./gateway')}';
let gateway;
export default {
  fetch(request, env) {
    gateway ??= createGateway({
      projectId: env.PROJECT_ID,
      secret: env.SECRET,
      upstream: env.UPSTREAM,
      secureCookies: false,
    });
    return gateway(request);
  },
};
`;

/** workerd's own config: one worker, its bindings, and an outbound network that may reach loopback. */
function capnpConfig(upstream: string, emulator: Emulator): string {
  const text = (name: string, value: string) =>
    `(name = "${name}", text = ${JSON.stringify(value)})`;
  return `using Workerd = import "/workerd/workerd.capnp";
const config :Workerd.Config = (
  services = [
    (name = "main", worker = .gateway),
    (name = "internet", network = (allow = ["local"])),
  ],
  sockets = [(name = "http", address = "127.0.0.1:0", http = (), service = "main")],
);
const gateway :Workerd.Worker = (
  modules = [(name = "worker.js", esModule = embed "worker.js")],
  compatibilityDate = "2025-01-01",
  bindings = [
    ${text('PROJECT_ID', emulator.projectId)},
    ${text('SECRET', emulator.secret)},
    ${text('UPSTREAM', upstream)},
  ],
);
`;
}

/** Starts workerd and resolves with the port its socket listens on (from --control-fd). */
function startWorkerd(configFile: string): Promise<{ child: ChildProcess; port: number }> {
  // The package's main module names the platform binary, whether or not its postinstall ran.
  const { default: binary } = createRequire(import.meta.url)('workerd') as { default: string };
  const child = spawn(binary, ['serve', configFile, '--control-fd=3'], {
    stdio: ['ignore', 'ignore', 'pipe', 'pipe'],
  });
  let stderr = '';
  child.stderr?.on('data', (chunk: Buffer) => (stderr += chunk.toString()));
  return new Promise((resolve, reject) => {
    child.once('exit', (code) => reject(new Error(`workerd exited with ${code}: ${stderr}`)));
    const lines = createInterface({ input: child.stdio[3] as NodeJS.ReadableStream });
    lines.on('line', (line) => {
      const message = JSON.parse(line) as { event?: string; socket?: string; port?: number };
      if (message.event === 'listen' && message.socket === 'http' && message.port) {
        resolve({ child, port: message.port });
      }
    });
  });
}

describe('gateway in the Workers runtime (workerd, no Node compatibility)', () => {
  let emulator: Emulator;
  let emulatorServer: ServerType;
  let workerd: ChildProcess | undefined;
  let base = '';
  let dir = '';

  before(async () => {
    emulator = await createEmulator({ seed: true, log: () => undefined });
    emulatorServer = serve({ fetch: emulator.fetch, port: 0, hostname: '127.0.0.1' });
    await new Promise((resolve) => emulatorServer.once('listening', resolve));
    const upstream = `http://127.0.0.1:${(emulatorServer.address() as AddressInfo).port}`;

    const { imports, code } = await bundleNeutral(WORKER, ['./gateway']);
    assert.deepEqual(imports, [], 'the worker bundle imports no Node built-in');
    dir = mkdtempSync(join(tmpdir(), 'otp-workerd-'));
    writeFileSync(join(dir, 'worker.js'), code);
    writeFileSync(join(dir, 'config.capnp'), capnpConfig(upstream, emulator));
    const started = await startWorkerd(join(dir, 'config.capnp'));
    workerd = started.child;
    base = `http://127.0.0.1:${started.port}`;
  });

  after(async () => {
    if (workerd && workerd.exitCode === null) {
      workerd.removeAllListeners('exit');
      const exited = new Promise((resolve) => workerd!.once('exit', resolve));
      workerd.kill();
      await exited;
    }
    emulatorServer?.close();
    await emulator?.close();
    if (dir) rmSync(dir, { recursive: true, force: true });
  });

  const post = (path: string, body: object, cookie = '') =>
    fetch(base + path, {
      method: 'POST',
      headers: {
        origin: base,
        'content-type': 'application/json',
        'x-otp-auth': '1',
        ...(cookie && { cookie }),
      },
      body: JSON.stringify(body),
    });

  it('completes an email login: code sent, read from the outbox, authenticated, cookie set', async () => {
    const acme = emulator.seedInfo!.organizations.find((o) => o.mfa_policy === 'OPTIONAL')!;
    const who = { organization_id: acme.organization_id, email_address: 'ada@example.com' };

    const sent = await post('/api/v1/b2b/otps/email/login_or_signup', who);
    assert.equal(sent.status, 200, await sent.clone().text());
    assert.deepEqual(Object.keys(await sent.json()).sort(), [
      'organization_id',
      'request_id',
      'status_code',
    ]);
    const message = emulator.outbox().findLast((m) => m.to === who.email_address);
    assert.ok(message, 'the emulator sent a code');

    const done = await post('/api/v1/b2b/otps/email/authenticate', { ...who, code: message.code });
    const body = (await done.json()) as Record<string, unknown> & {
      member: { email_address: string };
    };
    assert.equal(done.status, 200, JSON.stringify(body));
    assert.equal(body.member_authenticated, true);
    assert.equal(body.member.email_address, who.email_address);
    assert.equal('session_token' in body, false);
    const cookies = done.headers.getSetCookie();
    const session = cookies.find((line) => line.startsWith('otp_session='));
    assert.ok(session, cookies.join('\n'));
    assert.match(session, /HttpOnly/);

    const cookie = cookies.map((line) => line.split(';')[0]).join('; ');
    const current = await fetch(`${base}/api/session`, { headers: { cookie, 'x-otp-auth': '1' } });
    assert.equal(current.status, 200);
    const me = (await current.json()) as { member: { email_address: string } };
    assert.equal(me.member.email_address, who.email_address);
  });

  it('refuses a cross-site request and an SMS to a country off the list, inside workerd too', async () => {
    const crossSite = await fetch(`${base}/api/v1/b2b/otps/email/login_or_signup`, {
      method: 'POST',
      headers: {
        origin: 'https://evil.example',
        'content-type': 'application/json',
        'x-otp-auth': '1',
      },
      body: '{}',
    });
    assert.equal(crossSite.status, 403);
    const sms = await post(
      '/api/v1/b2b/otps/sms/send',
      {
        organization_id: 'organization-x',
        member_id: 'member-x',
        mfa_phone_number: '+447912345678',
      },
      'otp_ist=ist',
    );
    assert.equal(sms.status, 400);
    assert.equal(
      ((await sms.json()) as { error_type: string }).error_type,
      'invalid_phone_number_country_code',
    );
  });
});
