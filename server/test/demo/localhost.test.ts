// The demo listens on the loopback interface only and answers only to localhost names on its
// own port: a page whose DNS name was rebound to 127.0.0.1 gets 421 (issue 8, item 12).

import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { connect, type AddressInfo } from 'node:net';
import { networkInterfaces } from 'node:os';
import { rawRequest, startFixture, type Fixture } from './support.js';

let fixture: Fixture;

before(async () => {
  fixture = await startFixture();
});
after(() => fixture.remove());

/** One path per port that answers 200 to a good Host. */
function servers() {
  const { demo } = fixture;
  return [
    { name: 'demo', port: demo.port, path: '/demo-config.json' },
    {
      name: 'emulator API',
      port: demo.emulatorPort!,
      path: `/v1/b2b/sessions/jwks/${demo.app.emulator!.projectId}`,
    },
  ];
}

describe('demo on localhost only', () => {
  it('listens on a loopback address', () => {
    for (const server of fixture.demo.servers) {
      const { address } = server.address() as AddressInfo;
      assert.ok(['127.0.0.1', '::1'].includes(address), address);
    }
  });

  const external = Object.values(networkInterfaces())
    .flat()
    .find((i) => i && !i.internal && i.family === 'IPv4')?.address;
  it(
    'refuses connections on the network',
    { skip: !external && 'no network interface' },
    async () => {
      for (const server of fixture.demo.servers) {
        const { port } = server.address() as AddressInfo;
        const error = await new Promise<NodeJS.ErrnoException>((resolve, reject) => {
          const socket = connect(port, external!);
          socket.once('connect', () =>
            reject(new Error(`${external}:${port} accepted a connection`)),
          );
          socket.once('error', resolve);
        });
        assert.equal(error.code, 'ECONNREFUSED');
      }
    },
  );

  it('answers to localhost, 127.0.0.1 and [::1] with its port', async () => {
    for (const { port, path } of servers())
      for (const host of ['localhost', '127.0.0.1', '[::1]', 'LocalHost']) {
        const reply = await rawRequest(port, path, { host: `${host}:${port}` });
        assert.equal(reply.status, 200, `${host}:${port}${path}`);
      }
  });

  it('answers 421 to any other Host, 400 to a malformed one, and nothing else', async () => {
    for (const { port, path } of servers()) {
      const other = port === fixture.demo.port ? fixture.demo.emulatorPort! : fixture.demo.port;
      const misdirected = [
        'evil.example',
        `evil.example:${port}`,
        `localhost.evil.example:${port}`,
        `127.0.0.1.nip.io:${port}`,
        `localhost.:${port}`,
        `127.1:${port}`,
        `0.0.0.0:${port}`,
        `2130706433:${port}`,
        'localhost',
        `localhost:${other}`,
        '',
        null,
      ];
      // @hono/node-server refuses these before any route: not a valid authority.
      const malformed = [
        `[::ffff:127.0.0.1]:${port}`,
        `localhost:${port}0`,
        `localhost:${port}@evil.example`,
      ];
      for (const [hosts, status] of [
        [misdirected, 421],
        [malformed, 400],
      ] as const)
        for (const host of hosts) {
          const reply = await rawRequest(port, path, { host });
          assert.equal(reply.status, status, `Host ${String(host)} on ${path}`);
          assert.doesNotMatch(reply.body, /secret|keys/);
        }
    }
  });

  it('a page rebound to 127.0.0.1 cannot send codes through the gateway, though same-origin to it', async () => {
    const { port, app } = fixture.demo;
    const evil = `evil.example:${port}`;
    const organization = app.emulator!.seedInfo!.organizations[0]!;
    const reply = await rawRequest(port, '/api/v1/b2b/otps/email/login_or_signup', {
      host: evil,
      method: 'POST',
      headers: { origin: `http://${evil}`, 'content-type': 'application/json', 'x-otp-auth': '1' },
      body: JSON.stringify({
        organization_id: organization.organization_id,
        email_address: organization.members[0]!.email_address,
      }),
    });
    assert.equal(reply.status, 421);
    assert.deepEqual(app.emulator!.outbox(), []);
  });

  it('says in its banner that the emulator admin API and outbox are open by design', () => {
    assert.match(fixture.demo.banner, /Open by design.*\n?.*emulator admin API/);
    assert.match(fixture.demo.banner, /dev outbox/);
    assert.match(fixture.demo.banner, /listen on localhost only/);
  });
});

describe('demo gateway on http://localhost', () => {
  it('sets cookies a browser keeps on plain http: HttpOnly, neither Secure nor __Host-', async () => {
    const { url, app } = fixture.demo;
    const organization = app.emulator!.seedInfo!.organizations.find(
      (o) => o.mfa_policy === 'OPTIONAL',
    )!;
    const email = organization.members[0]!.email_address;
    const post = (path: string, body: object) =>
      fetch(`${url}/api/v1/b2b/otps/email/${path}`, {
        method: 'POST',
        headers: { origin: url, 'content-type': 'application/json', 'x-otp-auth': '1' },
        body: JSON.stringify({ organization_id: organization.organization_id, ...body }),
      });
    assert.equal((await post('login_or_signup', { email_address: email })).status, 200);
    const code = app.emulator!.outbox().findLast((m) => m.to === email)!.code;
    const signedIn = await post('authenticate', { email_address: email, code });
    assert.equal(signedIn.status, 200);

    const cookies = signedIn.headers.getSetCookie();
    assert.ok(cookies.length > 0);
    for (const cookie of cookies) {
      assert.match(cookie, /HttpOnly/i);
      assert.doesNotMatch(cookie, /^__Host-|;\s*Secure/i);
    }
  });
});
