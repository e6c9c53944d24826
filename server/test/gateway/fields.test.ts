import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  BASIC_AUTH,
  EMAIL_AUTH,
  EMAIL_LOGIN,
  SMS_AUTH,
  SMS_SEND,
  apiRequest,
  emailAuthBody,
  setup,
  VALID_BODIES,
} from './support.js';

const IST_COOKIE = '__Host-otp_ist=ist-from-cookie';
const CLIENT_TOKENS = {
  session_token: 'client-session',
  session_jwt: 'client-jwt',
  intermediate_session_token: 'client-ist',
};

async function forwarded(path: string, body: unknown, options = {}, cookie = IST_COOKIE) {
  const { gateway, calls } = setup(options);
  const response = await gateway(apiRequest(path, { body, cookie }));
  return { response, call: calls[0] };
}

describe('gateway request fields', () => {
  it('sends the project credentials and drops the browser Authorization and cookies', async () => {
    const { gateway, calls } = setup();
    const request = apiRequest(EMAIL_LOGIN, {
      body: emailAuthBody,
      cookie: '__Host-otp_session=st-1; other=1',
      headers: {
        authorization: 'Basic ' + btoa('project-live-attacker:secret'),
        'x-forwarded-for': '10.0.0.1',
        'user-agent': 'test-agent',
        'x-custom': 'y',
      },
    });
    assert.equal((await gateway(request)).status, 200);
    const { headers, redirect } = calls[0];
    assert.equal(headers.get('authorization'), BASIC_AUTH);
    assert.deepEqual([...headers.keys()].sort(), ['accept', 'authorization', 'content-type']);
    assert.equal(headers.get('content-type'), 'application/json');
    assert.equal(redirect, 'manual');
  });

  it('forwards only the login_or_signup fields Stytch defines', async () => {
    const body = {
      organization_id: 'org-1',
      email_address: 'ada@example.com',
      login_template_id: 'lt',
      signup_template_id: 'st',
      locale: 'fr',
      login_expiration_minutes: 5,
      signup_expiration_minutes: 15,
      role: 'admin',
      trusted_metadata: { admin: true },
      ...CLIENT_TOKENS,
    };
    const { call } = await forwarded(EMAIL_LOGIN, body);
    assert.deepEqual(call.body, {
      organization_id: 'org-1',
      email_address: 'ada@example.com',
      login_template_id: 'lt',
      signup_template_id: 'st',
      locale: 'fr',
      login_expiration_minutes: 5,
      signup_expiration_minutes: 10,
    });
  });

  it('forwards email/authenticate without any token, even with session and IST cookies', async () => {
    const body = {
      ...emailAuthBody,
      locale: 'es',
      session_custom_claims: { role: 'admin' },
      extra: 1,
      ...CLIENT_TOKENS,
    };
    const cookie = `${IST_COOKIE}; __Host-otp_session=st-cookie; __Host-otp_session_jwt=jwt-cookie`;
    const { call } = await forwarded(EMAIL_AUTH, body, {}, cookie);
    assert.deepEqual(call.body, { ...emailAuthBody, locale: 'es', session_duration_minutes: 60 });
  });

  it('injects the IST cookie into sms/send and drops client tokens', async () => {
    const body = {
      organization_id: 'org-1',
      member_id: 'member-1',
      mfa_phone_number: '+15005550006',
      locale: 'de-DE',
      session_custom_claims: { x: 1 },
      ...CLIENT_TOKENS,
    };
    const cookie = `${IST_COOKIE}; __Host-otp_session=st-cookie`;
    const { call } = await forwarded(SMS_SEND, body, {}, cookie);
    assert.deepEqual(call.body, {
      organization_id: 'org-1',
      member_id: 'member-1',
      mfa_phone_number: '+15005550006',
      locale: 'de-DE',
      intermediate_session_token: 'ist-from-cookie',
    });
  });

  it('injects the session token into sms/authenticate when there is no IST', async () => {
    const body = {
      organization_id: 'org-1',
      member_id: 'member-1',
      code: '654321',
      set_mfa_enrollment: 'enroll',
      ...CLIENT_TOKENS,
    };
    const cookie = '__Host-otp_session=st-cookie; __Host-otp_session_jwt=jwt-cookie';
    const { call } = await forwarded(SMS_AUTH, body, {}, cookie);
    assert.deepEqual(call.body, {
      organization_id: 'org-1',
      member_id: 'member-1',
      code: '654321',
      set_mfa_enrollment: 'enroll',
      session_duration_minutes: 60,
      session_token: 'st-cookie',
    });
  });

  it('refuses the SMS endpoints without an IST or session cookie', async () => {
    for (const path of [SMS_SEND, SMS_AUTH]) {
      const { gateway, calls } = setup();
      const request = apiRequest(path, {
        body: { organization_id: 'o', member_id: 'm', code: '123456', ...CLIENT_TOKENS },
      });
      const response = await gateway(request);
      assert.equal(response.status, 400);
      assert.equal((await response.json()).error_type, 'no_session_arguments');
      assert.equal(calls.length, 0);
    }
  });

  it('reads cookies without the __Host- prefix on http://localhost only, when configured', async () => {
    const { gateway, calls } = setup({ secureCookies: false, onWarning: () => undefined });
    const body = { organization_id: 'o', member_id: 'm' };
    const cookie = 'otp_ist=plain-ist; __Host-otp_ist=host-ist';
    await gateway(apiRequest(SMS_SEND, { base: 'http://localhost:3000', body, cookie }));
    await gateway(apiRequest(SMS_SEND, { base: 'https://localhost:3000', body, cookie }));
    assert.equal(calls[0].body.intermediate_session_token, 'plain-ist');
    assert.equal(calls[1].body.intermediate_session_token, 'host-ist');
  });

  for (const [given, sent] of [
    [undefined, 60],
    [null, 60],
    [1, 5],
    [-100, 5],
    [59, 59],
    [61, 60],
    [600_000, 60],
    [1e308, 60],
  ] as const) {
    it(`sends session_duration_minutes ${sent} for ${given}`, async () => {
      for (const path of [EMAIL_AUTH, SMS_AUTH]) {
        const body = { ...emailAuthBody, member_id: 'm', session_duration_minutes: given };
        const { call } = await forwarded(path, body);
        assert.equal(call.body.session_duration_minutes, sent, path);
      }
    });
  }

  it('clamps to configured bounds and uses the configured default', async () => {
    const options = { sessionDurationMinutes: { default: 30, min: 10, max: 120 } };
    const cases = [
      [undefined, 30],
      [5, 10],
      [45, 45],
      [10_000, 120],
    ] as const;
    for (const [given, sent] of cases) {
      const body = { ...emailAuthBody, session_duration_minutes: given };
      const { call } = await forwarded(EMAIL_AUTH, body, options);
      assert.equal(call.body.session_duration_minutes, sent);
    }
  });

  it('refuses a session_duration_minutes that is not a whole number with 400', async () => {
    for (const value of ['60', true, { minutes: 60 }, [60], 4.4, 90.6]) {
      const body = { ...emailAuthBody, session_duration_minutes: value };
      const { response, call } = await forwarded(EMAIL_AUTH, body);
      assert.equal(response.status, 400);
      assert.equal((await response.json()).error_type, 'invalid_session_duration_minutes');
      assert.equal(call, undefined);
    }
  });

  it('refuses organizations outside allowedOrganizationIds with 403', async () => {
    const options = { allowedOrganizationIds: ['org-allowed'] };
    for (const path of [EMAIL_LOGIN, EMAIL_AUTH, SMS_SEND, SMS_AUTH]) {
      for (const organization_id of ['org-other', 'org-allowed-not']) {
        const { response, call } = await forwarded(
          path,
          { ...VALID_BODIES[path], organization_id },
          options,
        );
        assert.equal(response.status, 403, `${path} ${String(organization_id)}`);
        const body = await response.json();
        assert.equal(body.error_type, 'organization_not_allowed');
        assert.equal(body.status_code, 403);
        assert.equal(call, undefined);
      }
      for (const organization_id of [undefined, 42, ['org-allowed']]) {
        const { response, call } = await forwarded(
          path,
          { ...VALID_BODIES[path], organization_id },
          options,
        );
        assert.equal(response.status, 400, `${path} ${String(organization_id)}`);
        assert.equal(call, undefined);
      }
      const ok = await forwarded(
        path,
        { ...VALID_BODIES[path], organization_id: 'org-allowed' },
        options,
      );
      assert.equal(ok.response.status, 200);
      assert.equal(ok.call.body.organization_id, 'org-allowed');
    }
  });

  it('does not let __proto__ or constructor keys through', async () => {
    const raw = `{"__proto__":{"session_token":"x"},"constructor":{"prototype":{"a":1}},"organization_id":"o","email_address":"e@x"}`;
    const { gateway, calls } = setup();
    const response = await gateway(apiRequest(EMAIL_LOGIN, { rawBody: raw }));
    assert.equal(response.status, 200);
    assert.deepEqual(calls[0].body, { organization_id: 'o', email_address: 'e@x' });
  });
});
