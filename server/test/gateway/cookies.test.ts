import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  COOKIE_ATTRIBUTES_HTTP,
  COOKIE_ATTRIBUTES_HTTPS,
  EMAIL_AUTH,
  SMS_AUTH,
  SMS_SEND,
  apiRequest,
  attributesOf,
  emailAuthBody,
  findCookie,
  json,
  mfaPendingBody,
  sessionBody,
  setCookies,
  setup,
  stytchError,
} from './support.js';

const TOKENS = ['session_token', 'session_jwt', 'intermediate_session_token'];
const smsBody = {
  organization_id: 'organization-test-1',
  member_id: 'member-test-1',
  code: '654321',
};

function assertNoTokens(body: Record<string, unknown>) {
  for (const token of TOKENS) assert.equal(token in body, false, `${token} leaked`);
  assert.doesNotMatch(JSON.stringify(body), /secret-session|jwt\.secret|secret-pending/);
}

describe('gateway token cookies', () => {
  it('stores a new session in __Host- cookies on https and clears the IST', async () => {
    const expiresAt = new Date(Date.now() + 3_600_000).toISOString();
    const { gateway } = setup({}, () => json(200, sessionBody(expiresAt)));
    const response = await gateway(apiRequest(EMAIL_AUTH, { body: emailAuthBody }));
    assert.equal(response.status, 200);
    assert.deepEqual(
      setCookies(response).map((c) => c.name),
      ['__Host-otp_session', '__Host-otp_session_jwt', '__Host-otp_ist'],
    );
    const session = findCookie(response, '__Host-otp_session');
    const jwt = findCookie(response, '__Host-otp_session_jwt');
    const ist = findCookie(response, '__Host-otp_ist');
    assert.equal(session?.value, 'st-secret-session');
    assert.equal(jwt?.value, 'eyJ.jwt.secret');
    for (const cookie of [session, jwt, ist]) {
      assert.deepEqual(attributesOf(cookie), COOKIE_ATTRIBUTES_HTTPS);
    }
    assert.ok(session!.maxAge! >= 3598 && session!.maxAge! <= 3600, `Max-Age ${session?.maxAge}`);
    assert.equal(jwt?.maxAge, session?.maxAge);
    assert.equal(ist?.maxAge, 0);
    assert.equal(ist?.value, '');
    const body = await response.json();
    assertNoTokens(body);
    assert.equal(body.member_session.member_session_id, 'member-session-test-1');
    assert.equal(body.member_authenticated, true);
  });

  it('writes the exact Set-Cookie lines', async () => {
    const expiresAt = new Date(Date.now() + 600_500).toISOString();
    const { gateway } = setup({}, () => json(200, sessionBody(expiresAt)));
    const response = await gateway(apiRequest(EMAIL_AUTH, { body: emailAuthBody }));
    const lines = response.headers.getSetCookie();
    assert.match(
      lines[0],
      /^__Host-otp_session=st-secret-session; Max-Age=(599|600); Path=\/; HttpOnly; Secure; SameSite=Lax$/,
    );
    assert.equal(lines[2], '__Host-otp_ist=; Max-Age=0; Path=/; HttpOnly; Secure; SameSite=Lax');
    assert.doesNotMatch(lines.join('\n'), /Domain=/i);
  });

  it('drops Secure and the __Host- prefix on plain-http localhost with secureCookies: false', async () => {
    for (const base of ['http://localhost:8787', 'http://127.0.0.1:3000', 'http://[::1]:3000']) {
      const warnings: string[] = [];
      const options = { secureCookies: false, onWarning: (w: string) => warnings.push(w) };
      const { gateway } = setup(options, () => json(200, sessionBody()));
      const response = await gateway(apiRequest(EMAIL_AUTH, { base, body: emailAuthBody }));
      assert.deepEqual(
        setCookies(response).map((c) => c.name),
        ['otp_session', 'otp_session_jwt', 'otp_ist'],
        base,
      );
      for (const cookie of setCookies(response)) {
        assert.deepEqual(attributesOf(cookie), COOKIE_ATTRIBUTES_HTTP);
      }
      assert.deepEqual(warnings, []);
    }
  });

  // Issue 8 item 6: the Host header no longer decides; configuration does, failing closed.
  it('uses Secure __Host- cookies by default, even on http://localhost (a TLS proxy rewriting Host), with a warning', async () => {
    const warnings: string[] = [];
    const { gateway } = setup({ onWarning: (w) => warnings.push(w) }, () =>
      json(200, sessionBody()),
    );
    for (let i = 0; i < 2; i += 1) {
      const request = apiRequest(EMAIL_AUTH, {
        base: 'http://localhost:8787',
        body: emailAuthBody,
      });
      const cookie = findCookie(await gateway(request), '__Host-otp_session');
      assert.deepEqual(attributesOf(cookie), COOKIE_ATTRIBUTES_HTTPS);
    }
    assert.equal(warnings.length, 1, 'warned once');
    assert.match(warnings[0], /secureCookies: false/);
  });

  it('keeps Secure cookies when secureCookies: false meets a non-local or TLS-forwarded request, with a warning', async () => {
    const cases = [
      ['http://app.internal:8080', {}],
      ['https://localhost:8787', {}],
      ['https://app.example.com', {}],
      ['http://localhost:8787', { 'x-forwarded-proto': 'https' }],
    ] as const;
    for (const [base, headers] of cases) {
      const warnings: string[] = [];
      const options = { secureCookies: false, onWarning: (w: string) => warnings.push(w) };
      const { gateway } = setup(options, () => json(200, sessionBody()));
      const request = apiRequest(EMAIL_AUTH, { base, headers, body: emailAuthBody });
      const cookie = findCookie(await gateway(request), '__Host-otp_session');
      assert.deepEqual(attributesOf(cookie), COOKIE_ATTRIBUTES_HTTPS, base);
      assert.equal(warnings.length, 1, base);
      assert.match(warnings[0], /stay Secure/);
    }
  });

  it('uses custom cookie names', async () => {
    const cookieNames = { session: 'sid', sessionJwt: 'sjwt', intermediateSession: 'mfa' };
    const { gateway } = setup({ cookieNames }, () => json(200, sessionBody()));
    const response = await gateway(apiRequest(EMAIL_AUTH, { body: emailAuthBody }));
    assert.deepEqual(
      setCookies(response).map((c) => c.name),
      ['__Host-sid', '__Host-sjwt', '__Host-mfa'],
    );
  });

  it('swaps the session for the IST when MFA is pending (10 minutes by default)', async () => {
    const { gateway } = setup({}, () => json(200, mfaPendingBody()));
    const response = await gateway(apiRequest(EMAIL_AUTH, { body: emailAuthBody }));
    assert.equal(response.status, 200);
    const ist = findCookie(response, '__Host-otp_ist');
    assert.equal(ist?.value, 'ist-secret-pending');
    assert.equal(ist?.maxAge, 600);
    assert.deepEqual(attributesOf(ist), COOKIE_ATTRIBUTES_HTTPS);
    assert.equal(findCookie(response, '__Host-otp_session')?.maxAge, 0);
    assert.equal(findCookie(response, '__Host-otp_session_jwt')?.maxAge, 0);
    const body = await response.json();
    assertNoTokens(body);
    assert.equal(body.member_authenticated, false);
    assert.deepEqual(body.mfa_required, { member_options: null, secondary_auth_initiated: null });
  });

  it('gives the IST cookie the lifetime the upstream states', async () => {
    const expiresAt = new Date(Date.now() + 300_000).toISOString();
    const { gateway } = setup({}, () => json(200, mfaPendingBody(expiresAt)));
    const response = await gateway(apiRequest(EMAIL_AUTH, { body: emailAuthBody }));
    const maxAge = findCookie(response, '__Host-otp_ist')?.maxAge ?? 0;
    assert.ok(maxAge >= 298 && maxAge <= 300, `Max-Age ${maxAge}`);
  });

  it('completes MFA: sms/authenticate sets the session and clears the IST', async () => {
    const { gateway, calls } = setup({}, () => json(200, sessionBody()));
    const cookie = '__Host-otp_ist=ist-secret-pending';
    const response = await gateway(apiRequest(SMS_AUTH, { body: smsBody, cookie }));
    assert.equal(calls[0].body.intermediate_session_token, 'ist-secret-pending');
    assert.equal(findCookie(response, '__Host-otp_session')?.value, 'st-secret-session');
    assert.equal(findCookie(response, '__Host-otp_ist')?.maxAge, 0);
    assertNoTokens(await response.json());
  });

  it('leaves cookies alone on sms/send and on other upstream errors', async () => {
    const { gateway, upstream } = setup();
    const cookie = '__Host-otp_ist=ist-1';
    const sent = await gateway(apiRequest(SMS_SEND, { body: smsBody, cookie }));
    assert.equal(sent.status, 200);
    assert.deepEqual(sent.headers.getSetCookie(), []);
    upstream.responder = () => json(404, stytchError(404, 'otp_code_not_found'));
    const wrong = await gateway(apiRequest(SMS_AUTH, { body: smsBody, cookie }));
    assert.equal(wrong.status, 404);
    assert.deepEqual(wrong.headers.getSetCookie(), []);
  });

  it('clears the IST cookie when the upstream no longer knows it', async () => {
    for (const status of [401, 404]) {
      const error = { ...stytchError(status, 'intermediate_session_not_found') };
      const { gateway } = setup({}, () => json(status, error));
      const cookie = '__Host-otp_ist=ist-stale';
      const response = await gateway(apiRequest(SMS_AUTH, { body: smsBody, cookie }));
      assert.equal(response.status, status);
      assert.deepEqual(await response.json(), error);
      const ist = findCookie(response, '__Host-otp_ist');
      assert.equal(ist?.maxAge, 0);
      assert.equal(setCookies(response).length, 1);
    }
  });

  it('returns the tokens in JSON only with exposeTokens', async () => {
    const { gateway } = setup({ exposeTokens: true }, () => json(200, sessionBody()));
    const response = await gateway(apiRequest(EMAIL_AUTH, { body: emailAuthBody }));
    const body = await response.json();
    assert.equal(body.session_token, 'st-secret-session');
    assert.equal(body.session_jwt, 'eyJ.jwt.secret');
    assert.equal(findCookie(response, '__Host-otp_session')?.value, 'st-secret-session');
  });

  it('passes only the five keys of Stytch error bodies: no token, nothing nested', async () => {
    const error = {
      ...stytchError(400, 'bad_request'),
      session_token: 'st-secret-session',
      details: [{ intermediate_session_token: 'secret-pending', keep: 1 }],
    };
    const { gateway } = setup({}, () => json(400, error));
    const response = await gateway(apiRequest(EMAIL_AUTH, { body: emailAuthBody }));
    assert.equal(response.status, 400);
    const body = await response.json();
    assertNoTokens(body);
    assert.deepEqual(body, stytchError(400, 'bad_request'));
  });

  it('does not set a session cookie for an already-expired session', async () => {
    const past = new Date(Date.now() - 1000).toISOString();
    const { gateway } = setup({}, () => json(200, sessionBody(past)));
    const response = await gateway(apiRequest(EMAIL_AUTH, { body: emailAuthBody }));
    assert.equal(findCookie(response, '__Host-otp_session')?.maxAge, 0);
  });

  it('falls back to the requested duration when expires_at is missing', async () => {
    const body = sessionBody();
    const { gateway } = setup({}, () =>
      json(200, { ...body, member_session: { ...body.member_session, expires_at: 'not a date' } }),
    );
    const request = apiRequest(EMAIL_AUTH, {
      body: { ...emailAuthBody, session_duration_minutes: 30 },
    });
    const response = await gateway(request);
    assert.equal(findCookie(response, '__Host-otp_session')?.maxAge, 1800);
  });
});
