// Issue 8, item 5: old sessions do not live on. A new login in the same browser revokes the
// session it replaces (MFA-pending answers too); logout can end every session of the member.
import assert from 'node:assert/strict';
import { afterEach, beforeEach, describe, it } from 'node:test';
import { browser, emulated, type Browser } from './emulated.js';
import { EMAIL_AUTH, apiRequest, emailAuthBody, json, sessionBody, setup } from './support.js';

type Harness = Awaited<ReturnType<typeof emulated>>;
const BASE = 'https://app.example.com';

describe('gateway session revocation (emulator upstream)', () => {
  let h: Harness;
  beforeEach(async () => {
    h = await emulated();
  });
  afterEach(() => h.emulator.close());

  /** Whether a copy of the browser's cookies still opens a session. */
  async function stillValid(cookies: string): Promise<boolean> {
    const replay = await h.gatewayFor()(
      apiRequest('/api/session', { method: 'GET', cookie: cookies }),
    );
    return replay.status === 200;
  }

  async function signedIn(user: Browser, email = 'ada@example.com') {
    const { response } = await h.emailLogin(user, h.org('OPTIONAL').organization_id, email);
    assert.equal(response.status, 200);
    return user.jar.header();
  }

  it('revokes the previous session when the same browser logs in again', async () => {
    const user = browser(h.gatewayFor(), BASE);
    const first = await signedIn(user);
    const second = await signedIn(user, 'grace@example.com');
    assert.notEqual(first, second);
    assert.equal(await stillValid(first), false, 'the replaced session was revoked');
    assert.equal(await stillValid(second), true);
  });

  it('revokes the previous session when the new login stops at MFA', async () => {
    const user = browser(h.gatewayFor(), BASE);
    const first = await signedIn(user);
    const globex = h.org('REQUIRED_FOR_ALL');
    const pending = await h.emailLogin(user, globex.organization_id, 'marge@example.com');
    assert.equal(pending.body.member_authenticated, false);
    assert.deepEqual(user.jar.names(), ['__Host-otp_ist']);
    assert.equal(await stillValid(first), false);
  });

  it('logout ends only this browser’s session by default', async () => {
    const laptop = browser(h.gatewayFor(), BASE);
    const phone = browser(h.gatewayFor(), BASE);
    const laptopCookies = await signedIn(laptop);
    const phoneCookies = await signedIn(phone);
    assert.equal((await phone.post('/api/logout')).response.status, 200);
    assert.equal(await stillValid(phoneCookies), false);
    assert.equal(await stillValid(laptopCookies), true);
  });

  it('logout with all_sessions ends every session of the member', async () => {
    const laptop = browser(h.gatewayFor(), BASE);
    const phone = browser(h.gatewayFor(), BASE);
    const other = browser(h.gatewayFor(), BASE);
    const laptopCookies = await signedIn(laptop);
    const phoneCookies = await signedIn(phone);
    const otherCookies = await signedIn(other, 'grace@example.com');
    const out = await phone.post('/api/logout', { all_sessions: true });
    assert.equal(out.response.status, 200, JSON.stringify(out.body));
    assert.deepEqual(phone.jar.names(), []);
    assert.equal(await stillValid(phoneCookies), false);
    assert.equal(await stillValid(laptopCookies), false);
    assert.equal(await stillValid(otherCookies), true, 'another member keeps their session');
  });

  it('refuses a logout body that is not { all_sessions: boolean }', async () => {
    const user = browser(h.gatewayFor(), BASE);
    const cookies = await signedIn(user);
    const bad = await user.post('/api/logout', { all_sessions: 'yes' });
    assert.equal(bad.response.status, 400);
    assert.equal(await stillValid(cookies), true);
  });
});

describe('gateway session revocation (faults)', () => {
  it('still signs in when revoking the old session fails, and reports it to onError', async () => {
    const reported: unknown[] = [];
    const { gateway, calls } = setup({ onError: (error) => reported.push(error) }, (call) =>
      call.url.endsWith('/sessions/revoke')
        ? Promise.reject(new Error('revoke down'))
        : json(200, sessionBody()),
    );
    const request = apiRequest(EMAIL_AUTH, {
      body: emailAuthBody,
      cookie: '__Host-otp_session=old-token',
    });
    const response = await gateway(request);
    assert.equal(response.status, 200);
    assert.deepEqual(
      calls.map((c) => [c.url.replace(/^.*\/v1/, '/v1'), c.body.session_token]),
      [
        ['/v1/b2b/otps/email/authenticate', undefined],
        ['/v1/b2b/sessions/revoke', 'old-token'],
      ],
    );
    assert.equal(reported.length, 1);
  });

  it('does not revoke anything on a failed login', async () => {
    const { gateway, calls } = setup({}, () =>
      json(404, { status_code: 404, error_type: 'otp_code_not_found', request_id: 'r' }),
    );
    const request = apiRequest(EMAIL_AUTH, {
      body: emailAuthBody,
      cookie: '__Host-otp_session=old-token',
    });
    assert.equal((await gateway(request)).status, 404);
    assert.equal(calls.length, 1);
  });
});

describe('gateway logout of all sessions (faults)', () => {
  it('answers 502 and revokes nothing when the session names no member', async () => {
    const { gateway, calls } = setup({}, () => json(200, { status_code: 200, request_id: 'r' }));
    const response = await gateway(
      apiRequest('/api/logout', { body: { all_sessions: true }, cookie: '__Host-otp_session=st' }),
    );
    assert.equal(response.status, 502);
    assert.deepEqual(
      calls.map((c) => c.url.replace(/^.*\/v1/, '/v1')),
      ['/v1/b2b/sessions/authenticate'],
    );
  });
});
