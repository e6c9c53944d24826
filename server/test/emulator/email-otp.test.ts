import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  MAX_EMAIL_SENDS_PER_WINDOW,
  SEND_WINDOW_MS,
  USER_LOCK_DEFAULT_THRESHOLD as LOCK_THRESHOLD,
  USER_LOCK_DEFAULT_TTL_MINUTES,
} from '../../src/emulator/constants.js';
import { assertStytchError, MINUTE, setup, setupOrgs } from './support.js';

const LOCK_TTL_MS = USER_LOCK_DEFAULT_TTL_MINUTES * MINUTE;

const wrong = (code: string) => String((Number(code) + 1) % 1_000_000).padStart(6, '0');

describe('email login_or_signup', () => {
  it('sends a 6-digit code to an active member and answers with member and organization', async () => {
    const { api, optional, ada } = await setupOrgs();
    const reply = await api.sendEmail(optional.organization_id, 'ada@optional.test');
    assert.equal(reply.status, 200);
    assert.equal(reply.body.status_code, 200);
    assert.match(reply.body.request_id, /^request-id-test-/);
    assert.equal(reply.body.member_id, ada.member_id);
    assert.equal(reply.body.member_created, false);
    assert.equal(reply.body.member.email_address, 'ada@optional.test');
    assert.equal(reply.body.organization.organization_id, optional.organization_id);
    const [message] = api.emulator.outbox();
    assert.equal(message!.channel, 'email');
    assert.equal(message!.to, 'ada@optional.test');
    assert.match(message!.code, /^[0-9]{6}$/);
    assert.equal(message!.member_id, ada.member_id);
    assert.equal(message!.organization_id, optional.organization_id);
  });

  it('matches email addresses case-insensitively', async () => {
    const { api, optional, ada } = await setupOrgs();
    const reply = await api.sendEmail(optional.organization_id, 'ADA@Optional.Test');
    assert.equal(reply.body.member_id, ada.member_id);
    assert.equal(api.emulator.outbox()[0]!.to, 'ada@optional.test');
  });

  it('accepts the organization slug in place of its id', async () => {
    const { api, optional, ada } = await setupOrgs();
    const reply = await api.sendEmail(optional.organization_slug, 'ada@optional.test');
    assert.equal(reply.status, 200);
    assert.equal(reply.body.member_id, ada.member_id);
  });

  it('answers 404 organization_not_found for an unknown organization', async () => {
    const api = await setup();
    assertStytchError(
      await api.sendEmail('organization-test-nope', 'a@b.test'),
      404,
      'organization_not_found',
    );
  });

  it('signs up a new member of an allowed domain when email JIT provisioning is RESTRICTED', async () => {
    const api = await setup();
    const org = await api.createOrg({
      email_jit_provisioning: 'RESTRICTED',
      email_allowed_domains: ['jit.test'],
    });
    const reply = await api.sendEmail(org.organization_id, 'new@jit.test');
    assert.equal(reply.status, 200);
    assert.equal(reply.body.member_created, true);
    assert.equal(reply.body.member.status, 'pending');
    assert.match(reply.body.member_id, /^member-test-[0-9a-f-]{36}$/);
    assert.equal(api.emulator.outbox().length, 1);
    const got = await api.get(
      `/v1/b2b/organizations/${org.organization_id}/member?member_id=${reply.body.member_id}`,
    );
    assert.equal(got.status, 200);
  });

  it('keeps email codes 10 minutes by default', async () => {
    const { api, optional } = await setupOrgs();
    await api.sendEmail(optional.organization_id, 'ada@optional.test');
    const message = api.emulator.outbox()[0]!;
    assert.equal(Date.parse(message.expires_at) - Date.parse(message.sent_at), 10 * MINUTE);
    api.clock.advance(10 * MINUTE - 1000);
    const ok = await api.authenticateEmail(
      optional.organization_id,
      'ada@optional.test',
      message.code,
    );
    assert.equal(ok.status, 200);
  });

  it('rejects an email code after 10 minutes with 401 unable_to_auth_otp_code', async () => {
    const { api, optional } = await setupOrgs();
    await api.sendEmail(optional.organization_id, 'ada@optional.test');
    api.clock.advance(10 * MINUTE);
    const reply = await api.authenticateEmail(
      optional.organization_id,
      'ada@optional.test',
      api.lastCode('ada@optional.test'),
    );
    assertStytchError(reply, 401, 'unable_to_auth_otp_code');
  });

  it('honours login_expiration_minutes for members and signup_expiration_minutes for new ones', async () => {
    const api = await setup();
    const org = await api.createOrg({
      email_jit_provisioning: 'RESTRICTED',
      email_allowed_domains: ['jit.test'],
    });
    await api.createMember(org.organization_id, 'old@jit.test');
    const options = { login_expiration_minutes: 2, signup_expiration_minutes: 15 };
    await api.sendEmail(org.organization_id, 'old@jit.test', options);
    await api.sendEmail(org.organization_id, 'new@jit.test', options);
    const [login, signup] = api.emulator.outbox();
    assert.equal(Date.parse(login!.expires_at) - Date.parse(login!.sent_at), 2 * MINUTE);
    assert.equal(Date.parse(signup!.expires_at) - Date.parse(signup!.sent_at), 15 * MINUTE);
  });

  for (const [field, value] of [
    ['login_expiration_minutes', 1],
    ['login_expiration_minutes', 16],
    ['signup_expiration_minutes', 2.5],
    ['signup_expiration_minutes', '5'],
  ] as const) {
    it(`rejects ${field} = ${JSON.stringify(value)} with 400`, async () => {
      const { api, optional } = await setupOrgs();
      const reply = await api.sendEmail(optional.organization_id, 'ada@optional.test', {
        [field]: value,
      });
      assertStytchError(reply, 400, 'invalid_expiration_otp');
      assert.equal(api.emulator.outbox().length, 0);
    });
  }

  it('caps sends per member and window with 429 and Retry-After', async () => {
    const { api, optional } = await setupOrgs();
    for (let i = 0; i < MAX_EMAIL_SENDS_PER_WINDOW; i++) {
      assert.equal(
        (await api.sendEmail(optional.organization_id, 'ada@optional.test')).status,
        200,
      );
      api.clock.advance(1000);
    }
    const capped = await api.sendEmail(optional.organization_id, 'ada@optional.test');
    assertStytchError(capped, 429, 'too_many_requests');
    const retryAfter = Number(capped.headers.get('retry-after'));
    assert.equal(retryAfter, (SEND_WINDOW_MS - MAX_EMAIL_SENDS_PER_WINDOW * 1000) / 1000);
    assert.equal(api.emulator.outbox().length, MAX_EMAIL_SENDS_PER_WINDOW);
    api.clock.advance(retryAfter * 1000);
    assert.equal((await api.sendEmail(optional.organization_id, 'ada@optional.test')).status, 200);
  });
});

describe("email login_or_signup for addresses that may not join (Stytch's errors; the gateway hides them)", () => {
  // Error names from stytch-browser's B2B EmailForm (JIT_PROVISIONING_ERRORS) and Stytch's error list.
  it('answers email_jit_provisioning_not_allowed when JIT is off, creating nothing and sending nothing', async () => {
    const api = await setup();
    const org = await api.createOrg({ email_jit_provisioning: 'NOT_ALLOWED' });
    await api.createMember(org.organization_id, 'known@corp.test');
    assert.equal((await api.sendEmail(org.organization_id, 'known@corp.test')).status, 200);
    const unknown = await api.sendEmail(org.organization_id, 'stranger@corp.test');
    assertStytchError(unknown, 403, 'email_jit_provisioning_not_allowed');
    assert.deepEqual(
      api.emulator.outbox().map((m) => m.to),
      ['known@corp.test'],
    );
    const lookup = await api.get(
      `/v1/b2b/organizations/${org.organization_id}/member?email_address=stranger@corp.test`,
    );
    assertStytchError(lookup, 404, 'member_not_found');
  });

  it('answers invalid_email_for_jit_provisioning outside the allowed domains of a RESTRICTED organization', async () => {
    const api = await setup();
    const org = await api.createOrg({
      email_jit_provisioning: 'RESTRICTED',
      email_allowed_domains: ['ok.test'],
    });
    const reply = await api.sendEmail(org.organization_id, 'someone@elsewhere.test');
    assertStytchError(reply, 403, 'invalid_email_for_jit_provisioning');
    assert.equal(api.emulator.outbox().length, 0);
  });

  it('answers a code for a non-member like a wrong code, without keeping anything about the address', async () => {
    const api = await setup();
    const org = await api.createOrg();
    for (let i = 0; i < LOCK_THRESHOLD + 2; i++) {
      assertStytchError(
        await api.authenticateEmail(org.organization_id, 'stranger@corp.test', '123456'),
        404,
        'otp_code_not_found',
      );
    }
  });
});

describe('email authenticate', () => {
  it('returns a full session for a member of an OPTIONAL organization', async () => {
    const { api, optional, ada } = await setupOrgs();
    const reply = await api.emailLogin(optional.organization_id, 'ada@optional.test');
    assert.equal(reply.status, 200);
    const body = reply.body;
    assert.equal(body.member_id, ada.member_id);
    assert.equal(body.organization_id, optional.organization_id);
    assert.match(body.method_id, /^member-email-test-/);
    assert.equal(body.member_authenticated, true);
    assert.equal(body.intermediate_session_token, '');
    assert.equal(body.mfa_required, null);
    assert.equal(body.primary_required, null);
    assert.match(body.session_token, /^[A-Za-z0-9_-]{44}$/);
    assert.match(body.session_jwt, /^eyJ[\w-]+\.[\w-]+\.[\w-]+$/);
    const session = body.member_session;
    assert.match(session.member_session_id, /^member-session-test-[0-9a-f-]{36}$/);
    assert.equal(session.member_id, ada.member_id);
    assert.equal(session.organization_slug, optional.organization_slug);
    assert.equal(Date.parse(session.expires_at) - Date.parse(session.started_at), 60 * MINUTE);
    assert.equal(session.authentication_factors.length, 1);
    const [factor] = session.authentication_factors;
    assert.equal(factor.type, 'email_otp');
    assert.equal(factor.delivery_method, 'email');
    assert.deepEqual(factor.email_factor, {
      email_id: body.method_id,
      email_address: 'ada@optional.test',
    });
  });

  it('turns pending and invited members active with a verified email', async () => {
    const api = await setup();
    const org = await api.createOrg();
    const pending = await api.createMember(org.organization_id, 'p@corp.test', {
      create_member_as_pending: true,
    });
    assert.equal(pending.status, 'pending');
    assert.equal(pending.email_address_verified, false);
    const reply = await api.emailLogin(org.organization_id, 'p@corp.test');
    assert.equal(reply.body.member.status, 'active');
    assert.equal(reply.body.member.email_address_verified, true);
  });

  it('answers 404 otp_code_not_found for a wrong code and 401 for a code used twice', async () => {
    const { api, optional } = await setupOrgs();
    await api.sendEmail(optional.organization_id, 'ada@optional.test');
    const code = api.lastCode('ada@optional.test');
    assertStytchError(
      await api.authenticateEmail(optional.organization_id, 'ada@optional.test', wrong(code)),
      404,
      'otp_code_not_found',
    );
    assert.equal(
      (await api.authenticateEmail(optional.organization_id, 'ada@optional.test', code)).status,
      200,
    );
    assertStytchError(
      await api.authenticateEmail(optional.organization_id, 'ada@optional.test', code),
      401,
      'unable_to_auth_otp_code',
    );
  });

  it('invalidates the previous code when a new one is sent', async () => {
    const { api, optional } = await setupOrgs();
    await api.sendEmail(optional.organization_id, 'ada@optional.test');
    const first = api.lastCode('ada@optional.test');
    let second: string;
    do {
      await api.sendEmail(optional.organization_id, 'ada@optional.test');
      second = api.lastCode('ada@optional.test');
    } while (second === first); // one chance in a million
    assertStytchError(
      await api.authenticateEmail(optional.organization_id, 'ada@optional.test', first),
      404,
      'otp_code_not_found',
    );
    assert.equal(
      (await api.authenticateEmail(optional.organization_id, 'ada@optional.test', second)).status,
      200,
    );
  });

  it('does not accept a code of one member for another member', async () => {
    const { api, optional } = await setupOrgs();
    await api.createMember(optional.organization_id, 'eve@optional.test');
    await api.sendEmail(optional.organization_id, 'ada@optional.test');
    const reply = await api.authenticateEmail(
      optional.organization_id,
      'eve@optional.test',
      api.lastCode('ada@optional.test'),
    );
    assertStytchError(reply, 404, 'otp_code_not_found');
  });

  // Stytch "User locks": after 10 consecutive failed authentications (default threshold) the member is
  // locked for 1 hour (default TTL); attempts meanwhile get 429 user_lock_limit_reached.
  it('locks the member after 10 consecutive wrong codes for 1 hour with user_lock_limit_reached', async () => {
    const { api, optional } = await setupOrgs();
    await api.sendEmail(optional.organization_id, 'ada@optional.test');
    const code = api.lastCode('ada@optional.test');
    for (let i = 1; i < LOCK_THRESHOLD; i++) {
      assertStytchError(
        await api.authenticateEmail(optional.organization_id, 'ada@optional.test', wrong(code)),
        404,
        'otp_code_not_found',
      );
    }
    const locking = await api.authenticateEmail(
      optional.organization_id,
      'ada@optional.test',
      wrong(code),
    );
    assertStytchError(locking, 429, 'user_lock_limit_reached');
    assert.equal(Number(locking.headers.get('retry-after')), LOCK_TTL_MS / 1000);

    api.clock.advance(MINUTE);
    const locked = await api.authenticateEmail(optional.organization_id, 'ada@optional.test', code);
    assertStytchError(locked, 429, 'user_lock_limit_reached');
    assert.equal(Number(locked.headers.get('retry-after')), (LOCK_TTL_MS - MINUTE) / 1000);
    const member = await api.get(
      `/v1/b2b/organizations/${optional.organization_id}/member?email_address=ada@optional.test`,
    );
    assert.equal(member.body.member.is_locked, true);
    assert.equal(
      member.body.member.lock_expires_at,
      new Date(api.clock.time - MINUTE + LOCK_TTL_MS).toISOString(),
    );
    // A new code can be sent, but not used while the lock lasts.
    await api.sendEmail(optional.organization_id, 'ada@optional.test');
    assertStytchError(
      await api.authenticateEmail(
        optional.organization_id,
        'ada@optional.test',
        api.lastCode('ada@optional.test'),
      ),
      429,
      'user_lock_limit_reached',
    );

    api.clock.advance(LOCK_TTL_MS);
    // The code sent before the lock is gone; a new one works.
    assertStytchError(
      await api.authenticateEmail(optional.organization_id, 'ada@optional.test', code),
      404,
      'otp_code_not_found',
    );
    await api.sendEmail(optional.organization_id, 'ada@optional.test');
    assert.equal(
      (
        await api.authenticateEmail(
          optional.organization_id,
          'ada@optional.test',
          api.lastCode('ada@optional.test'),
        )
      ).status,
      200,
    );
  });

  it('takes the lock threshold and TTL from the userLock option (Stytch project settings)', async () => {
    const { api, optional } = await setupOrgs({ userLock: { threshold: 3, ttlMinutes: 5 } });
    await api.sendEmail(optional.organization_id, 'ada@optional.test');
    const code = api.lastCode('ada@optional.test');
    for (let i = 1; i < 3; i++) {
      await api.authenticateEmail(optional.organization_id, 'ada@optional.test', wrong(code));
    }
    const locking = await api.authenticateEmail(
      optional.organization_id,
      'ada@optional.test',
      wrong(code),
    );
    assertStytchError(locking, 429, 'user_lock_limit_reached');
    assert.equal(Number(locking.headers.get('retry-after')), 5 * 60);
  });

  it('does not reset the failure count on resend', async () => {
    const { api, optional } = await setupOrgs();
    await api.sendEmail(optional.organization_id, 'ada@optional.test');
    for (let i = 1; i < LOCK_THRESHOLD; i++) {
      await api.authenticateEmail(
        optional.organization_id,
        'ada@optional.test',
        wrong(api.lastCode('ada@optional.test')),
      );
    }
    await api.sendEmail(optional.organization_id, 'ada@optional.test');
    const code = api.lastCode('ada@optional.test');
    assertStytchError(
      await api.authenticateEmail(optional.organization_id, 'ada@optional.test', wrong(code)),
      429,
      'user_lock_limit_reached',
    );
    assertStytchError(
      await api.authenticateEmail(optional.organization_id, 'ada@optional.test', code),
      429,
      'user_lock_limit_reached',
    );
  });

  it('resets the failure count after a success', async () => {
    const { api, optional } = await setupOrgs();
    for (let round = 0; round < 2; round++) {
      await api.sendEmail(optional.organization_id, 'ada@optional.test');
      const code = api.lastCode('ada@optional.test');
      for (let i = 1; i < LOCK_THRESHOLD; i++) {
        assert.equal(
          (await api.authenticateEmail(optional.organization_id, 'ada@optional.test', wrong(code)))
            .status,
          404,
        );
      }
      assert.equal(
        (await api.authenticateEmail(optional.organization_id, 'ada@optional.test', code)).status,
        200,
      );
    }
  });

  it('applies session_duration_minutes and session_custom_claims', async () => {
    const { api, optional } = await setupOrgs();
    const reply = await api.emailLogin(optional.organization_id, 'ada@optional.test', {
      session_duration_minutes: 5,
      session_custom_claims: { plan: 'pro' },
    });
    const session = reply.body.member_session;
    assert.equal(Date.parse(session.expires_at) - Date.parse(session.started_at), 5 * MINUTE);
    assert.deepEqual(session.custom_claims, { plan: 'pro' });
  });

  for (const minutes of [4, 527041, 60.5, '60']) {
    it(`rejects session_duration_minutes = ${JSON.stringify(minutes)} without using the code`, async () => {
      const { api, optional } = await setupOrgs();
      await api.sendEmail(optional.organization_id, 'ada@optional.test');
      const code = api.lastCode('ada@optional.test');
      const reply = await api.authenticateEmail(
        optional.organization_id,
        'ada@optional.test',
        code,
        { session_duration_minutes: minutes },
      );
      assertStytchError(reply, 400, 'invalid_session_duration_minutes');
      assert.equal(
        (await api.authenticateEmail(optional.organization_id, 'ada@optional.test', code)).status,
        200,
      );
    });
  }

  it('adds the email factor to the session passed in and rotates its token, with no MFA step', async () => {
    const { api, required, bob } = await setupOrgs();
    // Bob has a session from a full MFA login first.
    const first = await api.emailLogin(required.organization_id, 'bob@required.test');
    await api.sendSms(required.organization_id, bob.member_id, {
      mfa_phone_number: '+15555550111',
      intermediate_session_token: first.body.intermediate_session_token,
    });
    const full = await api.authenticateSms(
      required.organization_id,
      bob.member_id,
      api.lastCode('+15555550111'),
      {
        intermediate_session_token: first.body.intermediate_session_token,
      },
    );
    assert.equal(full.status, 200);
    api.clock.advance(MINUTE);
    const again = await api.emailLogin(required.organization_id, 'bob@required.test', {
      session_token: full.body.session_token,
    });
    assert.equal(again.status, 200);
    assert.equal(again.body.member_authenticated, true);
    assert.equal(again.body.mfa_required, null);
    assert.equal(
      again.body.member_session.member_session_id,
      full.body.member_session.member_session_id,
    );
    const factors = again.body.member_session.authentication_factors;
    assert.deepEqual(factors.map((f: { type: string }) => f.type).sort(), ['email_otp', 'otp']);
    const email = factors.find((f: { type: string }) => f.type === 'email_otp');
    assert.ok(Date.parse(email.last_authenticated_at) > Date.parse(email.created_at));
    assert.notEqual(again.body.session_token, full.body.session_token);
    assertStytchError(
      await api.post('/v1/b2b/sessions/authenticate', { session_token: full.body.session_token }),
      404,
      'session_not_found',
    );
  });

  it("refuses another member's session without using the code", async () => {
    const { api, optional } = await setupOrgs();
    await api.createMember(optional.organization_id, 'eve@optional.test');
    const eve = await api.session(optional.organization_id, 'eve@optional.test');
    await api.sendEmail(optional.organization_id, 'ada@optional.test');
    const code = api.lastCode('ada@optional.test');
    const reply = await api.authenticateEmail(optional.organization_id, 'ada@optional.test', code, {
      session_token: eve.session_token,
    });
    assertStytchError(reply, 404, 'session_not_found');
    assert.equal(
      (await api.authenticateEmail(optional.organization_id, 'ada@optional.test', code)).status,
      200,
    );
  });

  it('requires MFA in an OPTIONAL organization for a member with mfa_enrolled', async () => {
    const { api, optional } = await setupOrgs();
    await api.createMember(optional.organization_id, 'mfa@optional.test', { mfa_enrolled: true });
    const reply = await api.emailLogin(optional.organization_id, 'mfa@optional.test');
    assert.equal(reply.body.member_authenticated, false);
    assert.ok(reply.body.intermediate_session_token);
    assert.deepEqual(reply.body.mfa_required, {
      member_options: null,
      secondary_auth_initiated: null,
    });
  });
});
