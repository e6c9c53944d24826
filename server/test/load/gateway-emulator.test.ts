// A bounded load run: thousands of email send + authenticate cycles, hundreds in flight, through the
// gateway and the emulator, each in its own loopback HTTP server. Distinct JIT members, and the
// gateway's abuse limits off (`rateLimits: false`, as SECURITY.md documents for load tests), so the
// subject is correctness under concurrency, not the limits. No assertion on speed: the figures are
// printed for the record; the gateway keeps its default upstream timeout.
//
// The three parties share one event loop, and libuv (Node 20+) accepts one new connection per loop
// iteration. A burst of hundreds of new connections against a loop busy with the requests of the
// connections it already has waits in the listen queue for seconds (15 s answers, before): so the
// connections are opened before the run, while the loop is idle, and the client never opens more
// than IN_FLIGHT (fetch's pool opens a new one when a request leaves right after the previous answer
// was read, before that connection is marked free: 31 connections for 20 sequential workers).
import { serve, type ServerType } from '@hono/node-server';
import assert from 'node:assert/strict';
import { Agent, request as httpRequest } from 'node:http';
import type { AddressInfo } from 'node:net';
import { describe, it } from 'node:test';
import { SEND_WINDOW_MS } from '../../src/emulator/constants.js';
import { createEmulator } from '../../src/emulator/index.js';
import { JWKS_PATH } from '../../src/emulator/routes/sessions.js';
import { DEMO_EMAIL_DOMAIN } from '../../src/emulator/seed.js';
import { createGateway } from '../../src/gateway/index.js';

const CYCLES = Number(process.env.LOAD_CYCLES ?? 2000);
const IN_FLIGHT = Number(process.env.LOAD_IN_FLIGHT ?? 200);
/** One used code in this many is replayed (each replay is a counted failure for its member). */
const REPLAY_EVERY = 4;

function listen(fetch: (request: Request) => Response | Promise<Response>) {
  return new Promise<{ server: ServerType; url: string }>((resolve) => {
    const server = serve({ fetch, port: 0, hostname: '127.0.0.1' }, (info: AddressInfo) =>
      resolve({ server, url: `http://127.0.0.1:${info.port}` }),
    );
  });
}

function close(server: ServerType) {
  return new Promise<void>((resolve, reject) => {
    if ('closeAllConnections' in server) server.closeAllConnections();
    server.close((error) => (error ? reject(error) : resolve()));
  });
}

/** Runs `task(0..count-1)` with at most `limit` at once. */
async function pool(count: number, limit: number, task: (index: number) => Promise<void>) {
  let next = 0;
  const worker = async () => {
    while (next < count) await task(next++);
  };
  await Promise.all(Array.from({ length: Math.min(limit, count) }, worker));
}

interface Sent {
  method: 'GET' | 'POST';
  headers: Record<string, string>;
  body?: string;
}

/** One HTTP request through `agent`: status, `Set-Cookie` lines and the body as text. */
function send(agent: Agent, url: string, { method, headers, body }: Sent) {
  return new Promise<{ status: number; setCookies: string[]; text: string }>((resolve, reject) => {
    const length = body === undefined ? {} : { 'content-length': String(Buffer.byteLength(body)) };
    const request = httpRequest(
      url,
      { method, headers: { ...headers, ...length }, agent },
      (res) => {
        let text = '';
        res.setEncoding('utf8');
        res.on('data', (chunk: string) => (text += chunk));
        res.on('error', reject);
        res.on('end', () =>
          resolve({
            status: res.statusCode ?? 0,
            setCookies: res.headers['set-cookie'] ?? [],
            text,
          }),
        );
      },
    );
    request.on('error', reject);
    request.end(body);
  });
}

/** The fields of gateway answers read here. */
interface Answer {
  member_id?: string;
  error_type?: string;
  member?: { member_id: string; email_address: string };
}

interface Login {
  email: string;
  code: string;
  cookie: string;
  memberId: string;
}

describe('load: gateway and emulator over loopback HTTP', () => {
  it(
    `${CYCLES} send + authenticate cycles, ${IN_FLIGHT} in flight, leave consistent state`,
    { timeout: 120_000 },
    async (t) => {
      let now = Date.now();
      const emulator = await createEmulator({
        seed: true,
        clock: { now: () => now },
        log: () => {},
      });
      const upstream = await listen(emulator.fetch);
      const gatewayErrors: unknown[] = [];
      const gateway = await listen(
        createGateway({
          projectId: emulator.projectId,
          secret: emulator.secret,
          upstream: upstream.url,
          rateLimits: false,
          secureCookies: false,
          onError: (error) => gatewayErrors.push(error),
          onWarning: () => {},
        }),
      );
      // The browsers' side: at most IN_FLIGHT keep-alive connections, each reused in turn.
      const client = new Agent({ keepAlive: true, maxSockets: IN_FLIGHT, scheduling: 'fifo' });
      try {
        const acme = emulator.seedInfo?.organizations.find((o) => o.organization_slug === 'acme');
        assert.ok(acme, 'the seeded JIT organization');
        // Warm-up, as a running service is: IN_FLIGHT connections from the client to the gateway, and
        // from this process's fetch to the emulator (the pool the gateway's default upstream fetch,
        // globalThis.fetch, uses). No state changes.
        await Promise.all(
          Array.from({ length: IN_FLIGHT }, async () => {
            const headers = { 'x-otp-auth': '1' };
            const session = await send(client, `${gateway.url}/api/session`, {
              method: 'GET',
              headers,
            });
            assert.equal(session.status, 401, session.text);
          }),
        );
        await Promise.all(
          Array.from({ length: IN_FLIGHT }, async () => {
            const jwks = await fetch(`${upstream.url}${JWKS_PATH}${emulator.projectId}`);
            assert.equal(jwks.status, 200, await jwks.text());
          }),
        );
        const before = emulator.stats();
        const unexpected: string[] = [];
        let inFlight = 0;
        let peak = 0;
        let slowest = 0;
        let slowestWhat = '';
        let overFiveSeconds = 0;
        const started = performance.now();
        const call = async (path: string, expected: number[], body?: object, cookie?: string) => {
          const headers: Record<string, string> = { 'x-otp-auth': '1', accept: 'application/json' };
          if (body) {
            headers['content-type'] = 'application/json';
            headers.origin = gateway.url;
          }
          if (cookie) headers.cookie = cookie;
          peak = Math.max(peak, ++inFlight);
          const sentAt = performance.now();
          const response = await send(client, gateway.url + path, {
            method: body ? 'POST' : 'GET',
            headers,
            body: body && JSON.stringify(body),
          }).finally(() => inFlight--);
          const took = performance.now() - sentAt;
          if (took > 5000) overFiveSeconds++;
          if (took > slowest) {
            slowest = took;
            slowestWhat = `${path} sent at ${((sentAt - started) / 1000).toFixed(1)} s`;
          }
          if (!expected.includes(response.status)) {
            unexpected.push(`${path} ${response.status} ${response.text.slice(0, 200)}`);
          }
          return { ...response, body: JSON.parse(response.text) as Answer };
        };
        const codeFor = (email: string) => {
          const sent = emulator.outbox().findLast((m) => m.channel === 'email' && m.to === email);
          assert.ok(sent, `a code for ${email} in the outbox`);
          return sent.code;
        };

        const logins: Login[] = [];
        await pool(CYCLES, IN_FLIGHT, async (i) => {
          const email = `load-${i}@${DEMO_EMAIL_DOMAIN}`;
          const ids = { organization_id: acme.organization_id, email_address: email };
          const sent = await call('/api/v1/b2b/otps/email/login_or_signup', [200], ids);
          if (sent.status !== 200) return;
          const code = codeFor(email);
          const auth = await call('/api/v1/b2b/otps/email/authenticate', [200], { ...ids, code });
          if (auth.status !== 200) return;
          const cookie = auth.setCookies.map((line) => line.split(';')[0]).join('; ');
          logins.push({ email, code, cookie, memberId: String(auth.body.member_id) });
        });
        const seconds = (performance.now() - started) / 1000;
        t.diagnostic(
          `load: ${CYCLES} cycles (${CYCLES * 2} requests), ${peak} in flight at the peak, ` +
            `${unexpected.length} unexpected answers, ${gatewayErrors.length} gateway errors, ` +
            `${seconds.toFixed(1)} s, ${((CYCLES * 2) / seconds).toFixed(0)} requests/s ` +
            `(${(CYCLES / seconds).toFixed(0)} cycles/s)`,
        );
        assert.deepEqual(unexpected.slice(0, 5), []);
        assert.deepEqual(gatewayErrors.map(String), []);
        assert.equal(logins.length, CYCLES);
        assert.equal(peak, IN_FLIGHT, 'the pool kept that many requests in flight');
        assert.equal(new Set(logins.map((l) => l.memberId)).size, CYCLES, 'one member per address');
        assert.ok(
          logins.every((l) => l.cookie.includes('otp_session=')),
          'a session cookie each',
        );

        // Every session cookie authenticates, as its own member.
        await pool(CYCLES, IN_FLIGHT, async (i) => {
          const login = logins[i]!;
          const session = await call('/api/session', [200], undefined, login.cookie);
          const who = session.body.member;
          if (who?.email_address !== login.email || who.member_id !== login.memberId) {
            unexpected.push(`session of ${login.email}: ${JSON.stringify(session.body)}`);
          }
        });
        // No code works twice: a replay from a fresh browser gets Stytch's "expired or already used".
        const replayed = logins.filter((_, i) => i % REPLAY_EVERY === 0);
        await pool(replayed.length, IN_FLIGHT, async (i) => {
          const login = replayed[i]!;
          const replay = await call('/api/v1/b2b/otps/email/authenticate', [401], {
            organization_id: acme.organization_id,
            email_address: login.email,
            code: login.code,
          });
          assert.equal(replay.body.error_type, 'unable_to_auth_otp_code');
          assert.deepEqual(replay.setCookies, [], 'no cookie for a replay');
        });
        assert.deepEqual(unexpected.slice(0, 5), []);

        const after = emulator.stats();
        t.diagnostic(
          `emulator stats before ${JSON.stringify(before)} after ${JSON.stringify(after)}`,
        );
        assert.equal(after.members, before.members + CYCLES);
        assert.equal(after.sessions, before.sessions + CYCLES);
        assert.equal(after.intermediateSessions, before.intermediateSessions);
        assert.equal(after.organizations, before.organizations);

        // Past the send window, the sweep leaves no code (every one was used) and remembers only the
        // members with a failure (the replays), until the user-lock TTL forgets them too.
        now += SEND_WINDOW_MS + 1;
        await call('/api/session', [200], undefined, logins[0]!.cookie);
        const swept = emulator.stats();
        t.diagnostic(`emulator stats after the sweep ${JSON.stringify(swept)}`);
        assert.equal(swept.codes, 0, 'no pending code left');
        assert.equal(swept.guards, before.guards + replayed.length);
        assert.equal(swept.members, before.members + CYCLES, 'every JIT member was activated');
        assert.equal(swept.sessions, before.sessions + CYCLES);
        assert.equal(swept.intermediateSessions, 0);
        t.diagnostic(
          `slowest answer ${(slowest / 1000).toFixed(2)} s: ${slowestWhat}; ${overFiveSeconds} over 5 s`,
        );
        assert.deepEqual(unexpected, []);
        assert.deepEqual(gatewayErrors.map(String), []);
      } finally {
        client.destroy();
        await close(gateway.server);
        await close(upstream.server);
        await emulator.close();
      }
    },
  );
});
