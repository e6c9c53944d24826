// One server of the server bench, in its own process (run by server.mjs with `node --import tsx`
// from the repository root, so it loads the server's TypeScript sources as they are):
//   emulator            the emulator, in memory, over HTTP on loopback; /__bench/code?to=… reads
//                       the latest code sent to an address from its outbox (in process)
//   gateway URL on|off  the gateway, its upstream the emulator at URL, limiter on or off
//   sessions N M        no HTTP: N email logins over M members into emulator.fetch, then heap used
//   scaling N B         no HTTP: N logins of new members, logins/s per batch of B
// Prints one JSON line when ready; exits when its stdin closes.
import { readFileSync } from 'node:fs';
import { serve } from '@hono/node-server';

const [role, ...args] = process.argv.slice(2);
const source = (path) => new URL(`../../server/src/${path}`, import.meta.url).href;
const SESSION_LIMIT = { limit: 1e9, windowSeconds: 60 };

async function emulatorModule() {
  const module = await import(source('emulator/index.ts'));
  return module.createEmulator ? module : import(source('index.ts'));
}

async function newEmulator() {
  const { createEmulator } = await emulatorModule();
  const emulator = await createEmulator({ seed: true, log: () => {} });
  const org = emulator.seedInfo.organizations.find((o) => o.mfa_policy === 'OPTIONAL');
  return { emulator, organizationId: org.organization_id };
}

function heap() {
  globalThis.gc?.();
  globalThis.gc?.();
  return process.memoryUsage().heapUsed;
}

function listen(fetch) {
  return new Promise((resolve) => {
    const server = serve({ fetch, port: 0, hostname: '127.0.0.1' }, (info) =>
      resolve({ server, port: info.port }),
    );
  });
}

function ready(info) {
  process.stdout.write(`${JSON.stringify(info)}\n`);
  process.stdin.on('end', () => process.exit(0));
  process.stdin.resume();
}

if (role === 'emulator') {
  const { emulator, organizationId } = await newEmulator();
  const latest = new Map();
  const handler = async (request) => {
    const url = new URL(request.url);
    if (url.pathname === '/__bench/code') {
      // Only the newest messages are kept in the outbox; read them in process.
      for (const message of emulator.outbox()) latest.set(message.to, message.code);
      const code = latest.get(url.searchParams.get('to'));
      latest.delete(url.searchParams.get('to'));
      return Response.json({ code });
    }
    if (url.pathname === '/__bench/heap') return Response.json({ heapUsed: heap() });
    return emulator.fetch(request);
  };
  const { port } = await listen(handler);
  ready({ port, organizationId, projectId: emulator.projectId, secret: emulator.secret });
} else if (role === 'gateway') {
  const [upstream, limiter] = args;
  const { createGateway } = await import(source('gateway/index.ts'));
  const optionsSource = readFileSync(
    new URL('../../server/src/gateway/options.ts', import.meta.url),
    'utf8',
  );
  const hasLimiter = /\brateLimits\?:/.test(optionsSource);
  const { projectId, secret } = JSON.parse(args[2]);
  const options = {
    projectId,
    secret,
    upstream,
    basePath: '/api',
    secureCookies: false,
    onWarning: () => {},
  };
  if (hasLimiter) {
    options.rateLimits =
      limiter === 'on'
        ? {
            perClient: { send: [SESSION_LIMIT], authenticate: [SESSION_LIMIT] },
            perIdentifier: { send: [SESSION_LIMIT], authenticate: [SESSION_LIMIT] },
          }
        : false;
  }
  const { port } = await listen(createGateway(options));
  ready({ port, limiter: hasLimiter ? limiter : 'pending' });
} else if (role === 'sessions' || role === 'scaling') {
  // sessions N M: N logins spread over M members on an injected clock (100 ms a login keeps each
  // member under the emulator's send cap; sessions last the maximum, so all N stay live).
  // scaling N B: N logins of new members, timed per batch of B (how member count affects speed).
  const [count, size] = args.map(Number);
  let now = Date.now();
  const { createEmulator } = await emulatorModule();
  const emulator = await createEmulator({ seed: true, log: () => {}, clock: { now: () => now } });
  const organizationId = emulator.seedInfo.organizations.find(
    (o) => o.mfa_policy === 'OPTIONAL',
  ).organization_id;
  const headers = {
    'content-type': 'application/json',
    authorization: `Basic ${Buffer.from(`${emulator.projectId}:${emulator.secret}`).toString('base64')}`,
  };
  const call = async (path, body) => {
    const response = await emulator.fetch(
      new Request(`http://127.0.0.1${path}`, {
        method: 'POST',
        headers,
        body: JSON.stringify(body),
      }),
    );
    if (response.status !== 200)
      throw new Error(`${path}: ${response.status} ${await response.text()}`);
    return response.json();
  };
  const login = async (email_address) => {
    now += 100;
    await call('/v1/b2b/otps/email/login_or_signup', {
      organization_id: organizationId,
      email_address,
    });
    const code = emulator.outbox().at(-1).code;
    await call('/v1/b2b/otps/email/authenticate', {
      organization_id: organizationId,
      email_address,
      code,
      session_duration_minutes: 527040,
    });
  };
  if (role === 'sessions') {
    const before = heap();
    const started = performance.now();
    for (let i = 0; i < count; i++) await login(`member-${i % size}@example.com`);
    const seconds = (performance.now() - started) / 1000;
    ready({ count, members: size, seconds, before, after: heap(), rss: process.memoryUsage().rss });
  } else {
    const batches = [];
    const deadline = performance.now() + 120_000;
    for (let done = 0; done < count && performance.now() < deadline;) {
      const started = performance.now();
      for (let i = 0; i < size; i++, done++) await login(`new-${done}@example.com`);
      batches.push({
        members: done,
        loginsPerSecond: size / ((performance.now() - started) / 1000),
      });
    }
    ready({ batches });
  }
}
