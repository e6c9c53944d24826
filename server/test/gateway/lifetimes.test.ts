// Issue 8, item 2: the server owns the session lifetime (default max = default = 60 minutes, the
// configuration may raise both) and caps browser-chosen code lifetimes at 10 minutes (ASVS 2.7.2).
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createGateway } from '../../src/gateway/index.js';
import { browser, emulated } from './emulated.js';
import { FakeClock } from './limit-support.js';
import {
  EMAIL_AUTH,
  EMAIL_LOGIN,
  SMS_AUTH,
  VALID_BODIES,
  apiRequest,
  findCookie,
  json,
  sessionBody,
  setup,
} from './support.js';

const YEAR_MINUTES = 527_040;
const DISCOVERY_SEND = '/api/v1/b2b/otps/email/discovery/send';
const DISCOVERY_AUTH = '/api/v1/b2b/otps/email/discovery/authenticate';

async function authenticate(options: object, asked: unknown, expiresInMs = 3_600_000) {
  const expiresAt = new Date(Date.now() + expiresInMs).toISOString();
  const { gateway, calls } = setup(options, () => json(200, sessionBody(expiresAt)));
  const body = { ...VALID_BODIES[EMAIL_AUTH], session_duration_minutes: asked };
  const response = await gateway(apiRequest(EMAIL_AUTH, { body }));
  const maxAge = findCookie(response, '__Host-otp_session')?.maxAge ?? NaN;
  return { sent: calls[0].body.session_duration_minutes, maxAge };
}

describe('gateway session lifetime', () => {
  it('by default lets no browser ask for more than 60 minutes', async () => {
    for (const path of [EMAIL_AUTH, SMS_AUTH]) {
      const { gateway, calls } = setup();
      const body = { ...VALID_BODIES[path], session_duration_minutes: YEAR_MINUTES };
      await gateway(apiRequest(path, { body, cookie: '__Host-otp_ist=ist-1' }));
      assert.equal(calls[0].body.session_duration_minutes, 60, path);
    }
  });

  it('caps the cookie at the configured maximum even when the upstream says a year', async () => {
    const { maxAge } = await authenticate({}, YEAR_MINUTES, 366 * 24 * 3_600_000);
    assert.equal(maxAge, 3600);
  });

  it('lets the configuration raise the default and the maximum', async () => {
    const options = { sessionDurationMinutes: { default: 120, max: 1440 } };
    assert.equal((await authenticate(options, undefined)).sent, 120);
    assert.equal((await authenticate(options, 1440)).sent, 1440);
    const long = await authenticate(options, 5000, 5000 * 60_000);
    assert.deepEqual(long, { sent: 1440, maxAge: 1440 * 60 });
  });

  it('raising only max keeps the default at 60', async () => {
    const options = { sessionDurationMinutes: { max: 480 } };
    assert.equal((await authenticate(options, undefined)).sent, 60);
    assert.equal((await authenticate(options, 480)).sent, 480);
  });
});

describe('gateway code lifetime', () => {
  const ask = async (options: object, minutes: number) => {
    const { gateway, calls } = setup(options);
    const body = {
      ...VALID_BODIES[EMAIL_LOGIN],
      login_expiration_minutes: minutes,
      signup_expiration_minutes: minutes,
    };
    const response = await gateway(apiRequest(EMAIL_LOGIN, { body }));
    return { response, call: calls[0] };
  };

  it('lowers browser-chosen code lifetimes above 10 minutes to 10', async () => {
    const { call } = await ask({}, 15);
    assert.equal(call.body.login_expiration_minutes, 10);
    assert.equal(call.body.signup_expiration_minutes, 10);
    assert.equal((await ask({}, 7)).call.body.login_expiration_minutes, 7);
  });

  it('follows a lower configured cap', async () => {
    const { call } = await ask({ maxCodeLifetimeMinutes: 5 }, 10);
    assert.equal(call.body.login_expiration_minutes, 5);
  });

  it('holds a lower configured cap when the browser asks for no lifetime (Stytch would give 10 minutes)', async () => {
    const clock = new FakeClock();
    const h = await emulated([], clock);
    try {
      const user = browser(h.gatewayFor({ maxCodeLifetimeMinutes: 5 }), 'https://app.example.com');
      const { organization_id: organizationId, members } = h.org('OPTIONAL');
      const tryCodeAfter = async (email: string, minutes: number) => {
        const login = { organization_id: organizationId, email_address: email };
        assert.equal((await user.post(EMAIL_LOGIN, login)).response.status, 200);
        clock.advance(minutes * 60);
        const code = h.lastCode('email', email);
        return (await user.post(EMAIL_AUTH, { ...login, code })).response.status;
      };
      assert.equal(await tryCodeAfter(members[0].email_address, 4.5), 200);
      assert.equal(await tryCodeAfter('newcomer@example.com', 5.5), 401);
      const discovery = { email_address: members[0].email_address };
      assert.equal((await user.post(DISCOVERY_SEND, discovery)).response.status, 200);
      clock.advance(5.5 * 60);
      const code = h.lastCode('email', members[0].email_address);
      const late = await user.post(DISCOVERY_AUTH, { ...discovery, code });
      assert.equal(late.response.status, 401);
    } finally {
      await h.emulator.close();
    }
  });

  it('refuses lifetimes Stytch refuses, before forwarding', async () => {
    for (const minutes of [1, 16, 2.5]) {
      const { response, call } = await ask({}, minutes);
      assert.equal(response.status, 400, String(minutes));
      assert.equal(call, undefined);
    }
  });

  it('refuses a configured cap above 10 minutes', () => {
    for (const maxCodeLifetimeMinutes of [11, 15, 1]) {
      assert.throws(
        () => createGateway({ projectId: 'project-test-x', secret: 's', maxCodeLifetimeMinutes }),
        /maxCodeLifetimeMinutes/,
      );
    }
  });
});
