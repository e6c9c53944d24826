// End-to-end: the gateway in front of the in-process emulator, driven like a browser would.
import assert from 'node:assert/strict';
import { afterEach, beforeEach, describe, it } from 'node:test';
import type { Emulator } from '../../src/emulator/index.js';
import { assertNoTokens, browser, emulated } from './emulated.js';
import {
  COOKIE_ATTRIBUTES_HTTP,
  COOKIE_ATTRIBUTES_HTTPS,
  EMAIL_AUTH,
  EMAIL_LOGIN,
  SMS_AUTH,
  SMS_SEND,
  apiRequest,
  attributesOf,
  findCookie,
} from './support.js';

type Harness = Awaited<ReturnType<typeof emulated>>;

describe('gateway in front of the emulator', () => {
  let emulator: Emulator;
  let gatewayFor: Harness['gatewayFor'];
  let org: Harness['org'];
  let lastCode: Harness['lastCode'];
  let emailLogin: Harness['emailLogin'];

  beforeEach(async () => {
    ({ emulator, gatewayFor, org, lastCode, emailLogin } = await emulated());
  });
  afterEach(() => emulator.close());

  it('logs in by email on the OPTIONAL organization, reads the session, logs out', async () => {
    const acme = org('OPTIONAL');
    const user = browser(gatewayFor(), 'https://app.example.com');
    const { response, body } = await emailLogin(user, acme.organization_id, 'ada@example.com');
    assert.equal(response.status, 200, JSON.stringify(body));
    assert.equal(body.member_authenticated, true);
    assert.equal(body.member.email_address, 'ada@example.com');
    assertNoTokens(body);
    const session = findCookie(response, '__Host-otp_session');
    assert.deepEqual(attributesOf(session), COOKIE_ATTRIBUTES_HTTPS);
    assert.ok(session!.maxAge! > 3590 && session!.maxAge! <= 3600, `Max-Age ${session?.maxAge}`);
    assert.deepEqual(
      attributesOf(findCookie(response, '__Host-otp_session_jwt')),
      COOKIE_ATTRIBUTES_HTTPS,
    );
    assert.deepEqual(user.jar.names(), ['__Host-otp_session', '__Host-otp_session_jwt']);

    const current = await user.get('/api/session');
    assert.equal(current.response.status, 200);
    assert.deepEqual(Object.keys(current.body).sort(), [
      'member',
      'member_session',
      'organization',
      'request_id',
      'status_code',
    ]);
    assert.equal(current.body.member.member_id, body.member_id);
    assert.equal(current.body.organization.organization_id, acme.organization_id);
    assert.equal(current.body.member_session!.authentication_factors[0].type, 'email_otp');

    const stolenCookie = user.jar.header();
    const out = await user.post('/api/logout');
    assert.equal(out.response.status, 200);
    assert.equal(out.body.status_code, 200);
    assert.deepEqual(user.jar.names(), []);
    assert.equal((await user.get('/api/session')).response.status, 401);

    // The session was revoked upstream, not only forgotten by the browser.
    const replay = await gatewayFor()(
      apiRequest('/api/session', { method: 'GET', cookie: stolenCookie }),
    );
    assert.equal(replay.status, 401);
    assert.equal(findCookie(replay, '__Host-otp_session')?.maxAge, 0);
  });

  it('clamps session_duration_minutes before the emulator sees it', async () => {
    const user = browser(gatewayFor(), 'https://app.example.com');
    const acme = org('OPTIONAL');
    const { response, body } = await emailLogin(user, acme.organization_id, 'ada@example.com', {
      session_duration_minutes: 1,
    });
    assert.equal(response.status, 200, JSON.stringify(body));
    const lifetime = Date.parse(body.member_session!.expires_at) - Date.now();
    assert.ok(lifetime > 290_000 && lifetime <= 300_000, `lifetime ${lifetime}`);
    const maxAge = findCookie(response, '__Host-otp_session')?.maxAge ?? 0;
    assert.ok(maxAge >= 290 && maxAge <= 300, `Max-Age ${maxAge}`);
  });

  it('completes MFA on the REQUIRED_FOR_ALL organization with the IST from the cookie', async () => {
    const globex = org('REQUIRED_FOR_ALL');
    const user = browser(gatewayFor(), 'https://app.example.com');
    const primary = await emailLogin(user, globex.organization_id, 'marge@example.com');
    assert.equal(primary.response.status, 200, JSON.stringify(primary.body));
    assert.equal(primary.body.member_authenticated, false);
    assert.equal(primary.body.member_session, null);
    assert.ok(primary.body.mfa_required);
    assertNoTokens(primary.body);
    const ist = findCookie(primary.response, '__Host-otp_ist');
    assert.deepEqual(attributesOf(ist), COOKIE_ATTRIBUTES_HTTPS);
    assert.ok(ist!.maxAge! > 590 && ist!.maxAge! <= 600, `IST Max-Age ${ist?.maxAge}`);
    assert.equal(findCookie(primary.response, '__Host-otp_session')?.maxAge, 0);
    assert.deepEqual(user.jar.names(), ['__Host-otp_ist']);
    assert.equal((await user.get('/api/session')).response.status, 401);

    const memberId = primary.body.member_id;
    const phone = '+15555550123';
    const sent = await user.post(SMS_SEND, {
      organization_id: globex.organization_id,
      member_id: memberId,
      mfa_phone_number: phone,
    });
    assert.equal(sent.response.status, 200, JSON.stringify(sent.body));
    assert.deepEqual(sent.response.headers.getSetCookie(), []);

    const done = await user.post(SMS_AUTH, {
      organization_id: globex.organization_id,
      member_id: memberId,
      code: lastCode('sms', phone),
    });
    assert.equal(done.response.status, 200, JSON.stringify(done.body));
    assertNoTokens(done.body);
    assert.equal(findCookie(done.response, '__Host-otp_ist')?.maxAge, 0);
    assert.deepEqual(user.jar.names(), ['__Host-otp_session', '__Host-otp_session_jwt']);

    const current = await user.get('/api/session');
    assert.equal(current.response.status, 200);
    const factors = current.body.member_session!.authentication_factors.map((f) => f.type);
    assert.deepEqual(factors.sort(), ['email_otp', 'otp']);
  });

  it('clears the IST cookie once the emulator has consumed the IST', async () => {
    const globex = org('REQUIRED_FOR_ALL');
    const hank = globex.members.find((m) => m.mfa_phone_number_verified);
    assert.ok(hank);
    const user = browser(gatewayFor(), 'https://app.example.com');
    const primary = await emailLogin(user, globex.organization_id, hank.email_address);
    assert.equal(primary.body.mfa_required?.secondary_auth_initiated, 'sms_otp');
    const istCookie = user.jar.header();
    const smsBody = {
      organization_id: globex.organization_id,
      member_id: hank.member_id,
      code: lastCode('sms', hank.mfa_phone_number),
    };
    assert.equal((await user.post(SMS_AUTH, smsBody)).response.status, 200);

    const replay = await gatewayFor()(apiRequest(SMS_AUTH, { body: smsBody, cookie: istCookie }));
    assert.equal(replay.status, 404);
    assert.equal((await replay.json()).error_type, 'intermediate_session_not_found');
    assert.equal(findCookie(replay, '__Host-otp_ist')?.maxAge, 0);
  });

  it('steps up a signed-in member with the injected session token', async () => {
    const acme = org('OPTIONAL');
    const user = browser(gatewayFor(), 'https://app.example.com');
    const login = await emailLogin(user, acme.organization_id, 'ada@example.com');
    const oldToken = user.jar.get('__Host-otp_session');
    const phone = '+15555550199';
    const memberId = login.body.member_id;
    const ids = { organization_id: acme.organization_id, member_id: memberId };
    const sent = await user.post(SMS_SEND, { ...ids, mfa_phone_number: phone });
    assert.equal(sent.response.status, 200, JSON.stringify(sent.body));
    const done = await user.post(SMS_AUTH, {
      ...ids,
      code: lastCode('sms', phone),
      set_mfa_enrollment: 'enroll',
    });
    assert.equal(done.response.status, 200, JSON.stringify(done.body));
    assert.equal(done.body.member.mfa_enrolled, true);
    assert.notEqual(user.jar.get('__Host-otp_session'), oldToken);
    assert.equal((await user.get('/api/session')).response.status, 200);
  });

  it('uses plain cookies on http://localhost with secureCookies: false', async () => {
    const user = browser(gatewayFor({ secureCookies: false }), 'http://localhost:8787');
    const { response } = await emailLogin(user, org('OPTIONAL').organization_id, 'ada@example.com');
    assert.equal(response.status, 200);
    for (const name of ['otp_session', 'otp_session_jwt']) {
      assert.deepEqual(attributesOf(findCookie(response, name)), COOKIE_ATTRIBUTES_HTTP, name);
    }
    assert.deepEqual(user.jar.names(), ['otp_session', 'otp_session_jwt']);
    assert.equal((await user.get('/api/session')).response.status, 200);
    assert.equal((await user.post('/api/logout')).response.status, 200);
    assert.deepEqual(user.jar.names(), []);
  });

  it('returns tokens in JSON with exposeTokens', async () => {
    const user = browser(gatewayFor({ exposeTokens: true }), 'https://app.example.com');
    const { body } = await emailLogin(user, org('OPTIONAL').organization_id, 'ada@example.com');
    assert.equal(body.session_token, user.jar.get('__Host-otp_session'));
    assert.equal(body.session_jwt, user.jar.get('__Host-otp_session_jwt'));
    assert.match(body.session_jwt ?? '', /^eyJ/);
  });

  it('refuses organizations outside allowedOrganizationIds before the emulator sends a code', async () => {
    const acme = org('OPTIONAL');
    const globex = org('REQUIRED_FOR_ALL');
    const user = browser(
      gatewayFor({ allowedOrganizationIds: [acme.organization_id] }),
      'https://app.example.com',
    );
    const refused = await user.post(EMAIL_LOGIN, {
      organization_id: globex.organization_id,
      email_address: 'marge@example.com',
    });
    assert.equal(refused.response.status, 403);
    assert.equal(emulator.outbox().length, 0);
  });

  it('passes the emulator error for a wrong code through, without cookies', async () => {
    const acme = org('OPTIONAL');
    const user = browser(gatewayFor(), 'https://app.example.com');
    await user.post(EMAIL_LOGIN, {
      organization_id: acme.organization_id,
      email_address: 'ada@example.com',
    });
    const code = lastCode('email', 'ada@example.com');
    const wrong = code === '000000' ? '111111' : '000000';
    const { response, body } = await user.post(EMAIL_AUTH, {
      organization_id: acme.organization_id,
      email_address: 'ada@example.com',
      code: wrong,
    });
    assert.ok(response.status >= 400 && response.status < 500, String(response.status));
    assert.deepEqual(Object.keys(body).sort(), [
      'error_message',
      'error_type',
      'error_url',
      'request_id',
      'status_code',
    ]);
    assert.deepEqual(user.jar.names(), []);
  });

  it('passes the emulator 401 through when the gateway has the wrong secret', async () => {
    const user = browser(gatewayFor({ secret: 'wrong-secret' }), 'https://app.example.com');
    const { response, body } = await user.post(EMAIL_LOGIN, {
      organization_id: org('OPTIONAL').organization_id,
      email_address: 'ada@example.com',
    });
    assert.equal(response.status, 401);
    assert.equal(body.error_type, 'unauthorized_credentials');
  });

  it('writes nothing to the console during a whole login', async (t) => {
    const calls: unknown[][] = [];
    for (const method of ['log', 'info', 'warn', 'error', 'debug'] as const) {
      t.mock.method(console, method, (...args: unknown[]) => calls.push(args));
    }
    const globex = org('REQUIRED_FOR_ALL');
    const hank = globex.members.find((m) => m.mfa_phone_number_verified)!;
    const user = browser(gatewayFor(), 'https://app.example.com');
    await emailLogin(user, globex.organization_id, hank.email_address);
    await user.post(SMS_AUTH, {
      organization_id: globex.organization_id,
      member_id: hank.member_id,
      code: lastCode('sms', hank.mfa_phone_number),
    });
    await user.get('/api/session');
    await user.post('/api/logout');
    assert.deepEqual(calls, []);
  });
});
