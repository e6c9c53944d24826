import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  USER_LOCK_DEFAULT_THRESHOLD as LOCK_THRESHOLD,
  MAX_SMS_SENDS_PER_WINDOW,
} from '../../src/emulator/constants.js';
import {
  assertStytchError,
  bobWithSmsSent,
  MFA_PHONE,
  MINUTE,
  primaryIst,
  setupOrgs,
  smsSent,
  type TestApi,
} from './support.js';

/** A member of the REQUIRED_FOR_ALL org who completed SMS enrollment, and the session from it. */
async function enrolled(api: TestApi, orgId: string, memberId: string, email: string) {
  const { ist, sent } = await smsSent(api, orgId, memberId, email);
  assert.equal(sent.status, 200);
  const reply = await api.authenticateSms(orgId, memberId, api.lastCode(MFA_PHONE), {
    intermediate_session_token: ist,
  });
  assert.equal(reply.status, 200, JSON.stringify(reply.body));
  return reply.body;
}

describe('MFA after email in a REQUIRED_FOR_ALL organization', () => {
  it('answers an IST instead of a session for a member without a phone', async () => {
    const { api, required, bob } = await setupOrgs();
    const reply = await api.emailLogin(required.organization_id, 'bob@required.test');
    assert.equal(reply.status, 200);
    const body = reply.body;
    assert.equal(body.member_id, bob.member_id);
    assert.equal(body.member_authenticated, false);
    assert.equal(body.member_session, null);
    assert.equal(body.session_token, '');
    assert.equal(body.session_jwt, '');
    assert.match(body.intermediate_session_token, /^[A-Za-z0-9_-]{44}$/);
    assert.equal(
      Date.parse(body.intermediate_session_token_expires_at),
      api.clock.now() + 10 * MINUTE,
    );
    assert.deepEqual(body.mfa_required, { member_options: null, secondary_auth_initiated: null });
    assert.equal(api.emulator.outbox().filter((m) => m.channel === 'sms').length, 0);
  });

  it('sends the SMS automatically to a member with a verified phone (secondary_auth_initiated)', async () => {
    const { api, required, bob } = await setupOrgs();
    await enrolled(api, required.organization_id, bob.member_id, 'bob@required.test');
    await api.request('DELETE', '/__dev/outbox');
    const reply = await api.emailLogin(required.organization_id, 'bob@required.test');
    assert.deepEqual(reply.body.mfa_required, {
      member_options: { mfa_phone_number: 'XXXXXXX0111', totp_registration_id: '' },
      secondary_auth_initiated: 'sms_otp',
    });
    const [sms, ...others] = api.emulator.outbox().filter((m) => m.channel === 'sms');
    assert.equal(others.length, 0);
    assert.ok(sms);
    assert.equal(sms.to, MFA_PHONE);
    assert.equal(sms.member_id, bob.member_id);
    assert.equal(Date.parse(sms.expires_at) - Date.parse(sms.sent_at), 2 * MINUTE);
    const done = await api.authenticateSms(required.organization_id, bob.member_id, sms.code, {
      intermediate_session_token: reply.body.intermediate_session_token,
    });
    assert.equal(done.status, 200);
  });

  it('links mfa_phone_number on send, verifies it and enrolls the member on SMS success', async () => {
    const { api, required, bob, ist, sent } = await bobWithSmsSent();
    assert.equal(sent.status, 200);
    assert.equal(sent.body.member_id, bob.member_id);
    assert.equal(sent.body.member.mfa_phone_number, MFA_PHONE);
    assert.equal(sent.body.member.mfa_phone_number_verified, false);
    assert.equal(sent.body.organization.organization_id, required.organization_id);

    const reply = await api.authenticateSms(
      required.organization_id,
      bob.member_id,
      api.lastCode(MFA_PHONE),
      {
        intermediate_session_token: ist,
      },
    );
    assert.equal(reply.status, 200);
    assert.equal(reply.body.member.mfa_phone_number_verified, true);
    assert.equal(reply.body.member.mfa_enrolled, true);
    assert.match(reply.body.session_token, /^[A-Za-z0-9_-]{44}$/);
    const factors = reply.body.member_session.authentication_factors;
    assert.deepEqual(
      factors.map((f: { type: string }) => f.type),
      ['email_otp', 'otp'],
    );
    assert.deepEqual(factors[1].phone_number_factor.phone_number, MFA_PHONE);
    assert.equal(factors[1].delivery_method, 'sms');
  });

  it('consumes the IST: a second use answers 404 intermediate_session_not_found', async () => {
    const { api, required, bob, ist } = await bobWithSmsSent();
    assert.equal(
      (
        await api.authenticateSms(
          required.organization_id,
          bob.member_id,
          api.lastCode(MFA_PHONE),
          {
            intermediate_session_token: ist,
          },
        )
      ).status,
      200,
    );
    await api
      .sendSms(required.organization_id, bob.member_id, { intermediate_session_token: ist })
      .then((r) => assertStytchError(r, 404, 'intermediate_session_not_found'));
  });

  it('lets the IST expire after 10 minutes', async () => {
    const { api, required, bob } = await setupOrgs();
    const ist = await primaryIst(api, required.organization_id, 'bob@required.test');
    api.clock.advance(10 * MINUTE - 1000);
    await api.sendSms(required.organization_id, bob.member_id, {
      mfa_phone_number: MFA_PHONE,
      intermediate_session_token: ist,
    });
    api.clock.advance(1000);
    const reply = await api.authenticateSms(
      required.organization_id,
      bob.member_id,
      api.lastCode(MFA_PHONE),
      { intermediate_session_token: ist },
    );
    assertStytchError(reply, 404, 'intermediate_session_not_found');
  });

  it('does not accept an IST for another member, and keeps the code', async () => {
    const { api, required, bob } = await setupOrgs();
    await api.createMember(required.organization_id, 'carl@required.test');
    const carlIst = await primaryIst(api, required.organization_id, 'carl@required.test');
    const bobIst = await primaryIst(api, required.organization_id, 'bob@required.test');
    await api.sendSms(required.organization_id, bob.member_id, {
      mfa_phone_number: MFA_PHONE,
      intermediate_session_token: bobIst,
    });
    const code = api.lastCode(MFA_PHONE);
    assertStytchError(
      await api.authenticateSms(required.organization_id, bob.member_id, code, {
        intermediate_session_token: carlIst,
      }),
      404,
      'intermediate_session_not_found',
    );
    assertStytchError(
      await api.authenticateSms(required.organization_id, bob.member_id, code, {
        intermediate_session_token: 'x'.repeat(44),
      }),
      404,
      'intermediate_session_not_found',
    );
    assert.equal(
      (
        await api.authenticateSms(required.organization_id, bob.member_id, code, {
          intermediate_session_token: bobIst,
        })
      ).status,
      200,
    );
  });

  it('keeps SMS codes 2 minutes', async () => {
    const { api, required, bob, ist } = await bobWithSmsSent();
    api.clock.advance(2 * MINUTE);
    assertStytchError(
      await api.authenticateSms(required.organization_id, bob.member_id, api.lastCode(MFA_PHONE), {
        intermediate_session_token: ist,
      }),
      401,
      'unable_to_auth_otp_code',
    );
  });

  it('invalidates the previous SMS code on resend', async () => {
    const { api, required, bob, ist } = await bobWithSmsSent();
    const first = api.lastCode(MFA_PHONE);
    let second: string;
    do {
      await api.sendSms(required.organization_id, bob.member_id, {
        intermediate_session_token: ist,
      });
      second = api.lastCode(MFA_PHONE);
    } while (second === first);
    assertStytchError(
      await api.authenticateSms(required.organization_id, bob.member_id, first, {
        intermediate_session_token: ist,
      }),
      404,
      'otp_code_not_found',
    );
    assert.equal(
      (
        await api.authenticateSms(required.organization_id, bob.member_id, second, {
          intermediate_session_token: ist,
        })
      ).status,
      200,
    );
  });

  it('locks the member after 10 consecutive wrong SMS codes (Stytch user lock); resends do not reset the count', async () => {
    const { api, required, bob, ist } = await bobWithSmsSent();
    const wrongOf = () => String((Number(api.lastCode(MFA_PHONE)) + 1) % 1e6).padStart(6, '0');
    for (let i = 1; i < LOCK_THRESHOLD; i++) {
      assertStytchError(
        await api.authenticateSms(required.organization_id, bob.member_id, wrongOf(), {
          intermediate_session_token: ist,
        }),
        404,
        'otp_code_not_found',
      );
    }
    await api.sendSms(required.organization_id, bob.member_id, { intermediate_session_token: ist });
    const code = api.lastCode(MFA_PHONE);
    assertStytchError(
      await api.authenticateSms(required.organization_id, bob.member_id, wrongOf(), {
        intermediate_session_token: ist,
      }),
      429,
      'user_lock_limit_reached',
    );
    assertStytchError(
      await api.authenticateSms(required.organization_id, bob.member_id, code, {
        intermediate_session_token: ist,
      }),
      429,
      'user_lock_limit_reached',
    );
  });

  it('caps SMS sends per member and window (toll fraud) with 429 and Retry-After', async () => {
    const { api, required, bob } = await setupOrgs();
    const ist = await primaryIst(api, required.organization_id, 'bob@required.test');
    for (let i = 0; i < MAX_SMS_SENDS_PER_WINDOW; i++) {
      assert.equal(
        (
          await api.sendSms(required.organization_id, bob.member_id, {
            mfa_phone_number: MFA_PHONE,
            intermediate_session_token: ist,
          })
        ).status,
        200,
      );
    }
    const capped = await api.sendSms(required.organization_id, bob.member_id, {
      intermediate_session_token: ist,
    });
    assertStytchError(capped, 429, 'too_many_requests');
    assert.ok(Number(capped.headers.get('retry-after')) > 0);
    assert.equal(
      api.emulator.outbox().filter((m) => m.channel === 'sms').length,
      MAX_SMS_SENDS_PER_WINDOW,
    );
  });
});

describe('sms send rules', () => {
  it('requires mfa_phone_number when the member has no phone', async () => {
    const { api, required, bob } = await setupOrgs();
    const ist = await primaryIst(api, required.organization_id, 'bob@required.test');
    assertStytchError(
      await api.sendSms(required.organization_id, bob.member_id, {
        intermediate_session_token: ist,
      }),
      400,
      'invalid_phone_number',
    );
  });

  it('refuses a different number for a member who has one', async () => {
    const { api, required, bob, ist } = await bobWithSmsSent();
    const reply = await api.sendSms(required.organization_id, bob.member_id, {
      mfa_phone_number: '+15555550199',
      intermediate_session_token: ist,
    });
    assertStytchError(reply, 400, 'invalid_phone_number');
    assert.equal(api.emulator.outbox().filter((m) => m.to === '+15555550199').length, 0);
    // The same number again is fine.
    assert.equal(
      (
        await api.sendSms(required.organization_id, bob.member_id, {
          mfa_phone_number: MFA_PHONE,
          intermediate_session_token: ist,
        })
      ).status,
      200,
    );
  });

  it('needs primary authentication (IST or session) to text a verified phone', async () => {
    const { api, required, bob } = await setupOrgs();
    await enrolled(api, required.organization_id, bob.member_id, 'bob@required.test');
    assertStytchError(
      await api.sendSms(required.organization_id, bob.member_id),
      400,
      'action_available_only_once_primary_authentication_is_met',
    );
  });

  it('answers 404 member_not_found for a member of another organization', async () => {
    const { api, optional, bob } = await setupOrgs();
    assertStytchError(
      await api.sendSms(optional.organization_id, bob.member_id, { mfa_phone_number: MFA_PHONE }),
      404,
      'member_not_found',
    );
  });

  it('refuses SMS when the organization restricts MFA methods to TOTP', async () => {
    const { api, required, bob } = await setupOrgs();
    await api.put(`/v1/b2b/organizations/${required.organization_id}`, {
      mfa_methods: 'RESTRICTED',
      allowed_mfa_methods: ['totp'],
    });
    assertStytchError(
      await api.sendSms(required.organization_id, bob.member_id, { mfa_phone_number: MFA_PHONE }),
      400,
      'operation_restricted_by_organization_mfa_methods',
    );
  });
});

describe('sms authenticate rules', () => {
  it('requires exactly one of intermediate_session_token, session_token, session_jwt', async () => {
    const { api, required, bob, ist } = await bobWithSmsSent();
    const code = api.lastCode(MFA_PHONE);
    assertStytchError(
      await api.authenticateSms(required.organization_id, bob.member_id, code),
      400,
      'no_session_arguments',
    );
    assertStytchError(
      await api.authenticateSms(required.organization_id, bob.member_id, code, {
        intermediate_session_token: ist,
        session_token: 'abc',
      }),
      400,
      'too_many_session_arguments',
    );
    assert.equal(
      (
        await api.authenticateSms(required.organization_id, bob.member_id, code, {
          intermediate_session_token: ist,
        })
      ).status,
      200,
    );
  });

  it('creates a 60-minute session by default and honours session_duration_minutes', async () => {
    const { api, required, bob } = await setupOrgs();
    const body = await enrolled(api, required.organization_id, bob.member_id, 'bob@required.test');
    const session = body.member_session;
    assert.equal(Date.parse(session.expires_at) - Date.parse(session.started_at), 60 * MINUTE);
    const ist = await primaryIst(api, required.organization_id, 'bob@required.test');
    const reply = await api.authenticateSms(
      required.organization_id,
      bob.member_id,
      api.lastCode(MFA_PHONE),
      {
        intermediate_session_token: ist,
        session_duration_minutes: 527040,
      },
    );
    assert.equal(
      Date.parse(reply.body.member_session.expires_at) - api.clock.now(),
      527040 * MINUTE,
    );
  });

  it('ignores set_mfa_enrollment under REQUIRED_FOR_ALL', async () => {
    const { api, required, bob, ist } = await bobWithSmsSent();
    const reply = await api.authenticateSms(
      required.organization_id,
      bob.member_id,
      api.lastCode(MFA_PHONE),
      {
        intermediate_session_token: ist,
        set_mfa_enrollment: 'unenroll',
      },
    );
    assert.equal(reply.body.member.mfa_enrolled, true);
  });
});

describe('SMS step-up in an OPTIONAL organization', () => {
  it('adds the SMS factor to the session, issues a new token and retires the old one', async () => {
    const { api, optional, ada } = await setupOrgs();
    const login = await api.session(optional.organization_id, 'ada@optional.test');
    const sent = await api.sendSms(optional.organization_id, ada.member_id, {
      mfa_phone_number: MFA_PHONE,
      session_token: login.session_token,
    });
    assert.equal(sent.status, 200);
    api.clock.advance(MINUTE);
    const reply = await api.authenticateSms(
      optional.organization_id,
      ada.member_id,
      api.lastCode(MFA_PHONE),
      {
        session_token: login.session_token,
      },
    );
    assert.equal(reply.status, 200);
    assert.equal(
      reply.body.member_session.member_session_id,
      login.member_session.member_session_id,
    );
    const factors = reply.body.member_session.authentication_factors;
    assert.deepEqual(
      factors.map(
        (f: { type: string; delivery_method: string }) => `${f.type}/${f.delivery_method}`,
      ),
      ['email_otp/email', 'otp/sms'],
    );
    assert.equal(factors[1].phone_number_factor.phone_number, MFA_PHONE);
    assert.match(factors[1].phone_number_factor.phone_id, /^phone-number-test-/);
    assert.notEqual(reply.body.session_token, login.session_token);
    assertStytchError(
      await api.post('/v1/b2b/sessions/authenticate', { session_token: login.session_token }),
      404,
      'session_not_found',
    );
    const current = await api.post('/v1/b2b/sessions/authenticate', {
      session_token: reply.body.session_token,
    });
    assert.equal(current.status, 200);
    assert.equal(current.body.member_session.authentication_factors.length, 2);
    // OPTIONAL: enrollment is not changed unless asked.
    assert.equal(reply.body.member.mfa_enrolled, false);
  });

  it('accepts the session JWT for step-up', async () => {
    const { api, optional, ada } = await setupOrgs();
    const login = await api.session(optional.organization_id, 'ada@optional.test');
    await api.sendSms(optional.organization_id, ada.member_id, {
      mfa_phone_number: MFA_PHONE,
      session_jwt: login.session_jwt,
    });
    const reply = await api.authenticateSms(
      optional.organization_id,
      ada.member_id,
      api.lastCode(MFA_PHONE),
      { session_jwt: login.session_jwt },
    );
    assert.equal(reply.status, 200);
    assert.equal(reply.body.member_session.authentication_factors.length, 2);
  });

  it('toggles mfa_enrolled with set_mfa_enrollment', async () => {
    const { api, optional, ada } = await setupOrgs();
    const login = await api.session(optional.organization_id, 'ada@optional.test');
    await api.sendSms(optional.organization_id, ada.member_id, {
      mfa_phone_number: MFA_PHONE,
      session_token: login.session_token,
    });
    const enroll = await api.authenticateSms(
      optional.organization_id,
      ada.member_id,
      api.lastCode(MFA_PHONE),
      {
        session_token: login.session_token,
        set_mfa_enrollment: 'enroll',
      },
    );
    assert.equal(enroll.body.member.mfa_enrolled, true);
    // Now enrolled: the next email login needs the SMS step, sent automatically.
    const next = await api.emailLogin(optional.organization_id, 'ada@optional.test');
    assert.equal(next.body.member_authenticated, false);
    assert.equal(next.body.mfa_required.secondary_auth_initiated, 'sms_otp');
    const unenroll = await api.authenticateSms(
      optional.organization_id,
      ada.member_id,
      api.lastCode(MFA_PHONE),
      {
        intermediate_session_token: next.body.intermediate_session_token,
        set_mfa_enrollment: 'unenroll',
      },
    );
    assert.equal(unenroll.body.member.mfa_enrolled, false);
    assert.equal(
      (await api.emailLogin(optional.organization_id, 'ada@optional.test')).body
        .member_authenticated,
      true,
    );
  });

  it('rejects set_mfa_enrollment values other than enroll and unenroll', async () => {
    const { api, optional, ada } = await setupOrgs();
    const login = await api.session(optional.organization_id, 'ada@optional.test');
    const reply = await api.authenticateSms(optional.organization_id, ada.member_id, '123456', {
      session_token: login.session_token,
      set_mfa_enrollment: 'maybe',
    });
    assertStytchError(reply, 400, 'bad_request');
  });
});
