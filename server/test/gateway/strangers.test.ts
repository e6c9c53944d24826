// Issue 8, item 1: nothing about a member for someone who has not proven a code. The answers to
// `login_or_signup` are the same for every address; refused addresses look like "code sent"; the
// member reaches the page only after a code, without trusted_metadata, the phone masked until the
// member is authenticated.
import assert from 'node:assert/strict';
import { afterEach, beforeEach, describe, it } from 'node:test';
import type { Emulator } from '../../src/emulator/index.js';
import { browser, emulated } from './emulated.js';
import {
  EMAIL_AUTH,
  EMAIL_LOGIN,
  SMS_SEND,
  VALID_BODIES,
  apiRequest,
  emailAuthBody,
  json,
  okBody,
  setup,
  stytchError,
} from './support.js';

type Harness = Awaited<ReturnType<typeof emulated>>;

const CODE_SENT_KEYS = ['organization_id', 'request_id', 'status_code'];
const MEMBER_DATA = /member-test-|mfa_phone|trusted_metadata|"name"|"status"|"member"/;

/** Sets trusted metadata on a member through the emulator's admin API. */
async function setTrustedMetadata(emulator: Emulator, organizationId: string, memberId: string) {
  const auth = `Basic ${btoa(`${emulator.projectId}:${emulator.secret}`)}`;
  const response = await emulator.fetch(
    new Request(`http://emulator/v1/b2b/organizations/${organizationId}/members/${memberId}`, {
      method: 'PUT',
      headers: { authorization: auth, 'content-type': 'application/json' },
      body: JSON.stringify({ trusted_metadata: { plan: 'secret-plan' } }),
    }),
  );
  assert.equal(response.status, 200, await response.text());
}

describe('gateway answers to strangers (emulator upstream)', () => {
  let h: Harness;
  beforeEach(async () => {
    h = await emulated();
  });
  afterEach(() => h.emulator.close());

  it('answers login_or_signup identically for a member, a new address and a refused domain', async () => {
    const acme = h.org('OPTIONAL');
    const user = browser(h.gatewayFor(), 'https://app.example.com');
    const answers = [];
    for (const email of ['ada@example.com', 'new-person@example.com', 'outsider@elsewhere.test']) {
      const { response, body } = await user.post(EMAIL_LOGIN, {
        organization_id: acme.organization_id,
        email_address: email,
      });
      answers.push({ status: response.status, keys: Object.keys(body).sort() });
      assert.doesNotMatch(JSON.stringify(body), MEMBER_DATA, email);
      assert.equal(body.organization_id, acme.organization_id);
      assert.match(String((body as { request_id?: string }).request_id), /^request-id-gateway-/);
      assert.deepEqual(response.headers.getSetCookie(), [], email);
    }
    const expected = { status: 200, keys: CODE_SENT_KEYS };
    assert.deepEqual(answers, [expected, expected, expected]);
  });

  it('after the email code, shows the member without trusted_metadata and the phone masked while MFA is pending', async () => {
    const globex = h.org('REQUIRED_FOR_ALL');
    const hank = globex.members.find((m) => m.mfa_phone_number_verified)!;
    await setTrustedMetadata(h.emulator, globex.organization_id, hank.member_id);
    const user = browser(h.gatewayFor(), 'https://app.example.com');
    const { response, body } = await h.emailLogin(user, globex.organization_id, hank.email_address);
    assert.equal(response.status, 200, JSON.stringify(body));
    assert.equal(body.member_authenticated, false);
    assert.equal(body.member.member_id, hank.member_id);
    assert.equal(body.member.mfa_phone_number, '+1••••••0100');
    assert.equal(body.mfa_required?.secondary_auth_initiated, 'sms_otp');
    assert.match(body.mfa_required?.member_options?.mfa_phone_number ?? '', /^\S\S•+0100$/);
    const text = JSON.stringify(body);
    assert.doesNotMatch(text, /5555550100|secret-plan|"trusted_metadata"/);
    assert.equal(body.organization.organization_id, globex.organization_id);
  });

  it('after a full login, shows the member with the phone, without trusted_metadata', async () => {
    const globex = h.org('REQUIRED_FOR_ALL');
    const hank = globex.members.find((m) => m.mfa_phone_number_verified)!;
    await setTrustedMetadata(h.emulator, globex.organization_id, hank.member_id);
    const user = browser(h.gatewayFor(), 'https://app.example.com');
    await h.emailLogin(user, globex.organization_id, hank.email_address);
    const done = await user.post('/api/v1/b2b/otps/sms/authenticate', {
      organization_id: globex.organization_id,
      member_id: hank.member_id,
      code: h.lastCode('sms', hank.mfa_phone_number),
    });
    assert.equal(done.response.status, 200, JSON.stringify(done.body));
    assert.equal(done.body.member.mfa_phone_number, '+15555550100');
    assert.equal('trusted_metadata' in done.body.member, false);
    const current = await user.get('/api/session');
    assert.equal(current.body.member.mfa_phone_number, '+15555550100');
    assert.doesNotMatch(JSON.stringify(current.body), /secret-plan|"trusted_metadata"/);
  });
});

describe('gateway answers to strangers (Stytch refusals)', () => {
  const refusals = [
    [403, 'email_jit_provisioning_not_allowed'],
    [400, 'invalid_email_for_jit_provisioning'],
    [404, 'member_not_found'],
  ] as const;

  it('turns every refusal of an address into the same "code sent" as a real send', async () => {
    const fullMember = okBody({ member_id: 'member-test-1', member_created: false });
    const answers = [];
    for (const [status, type] of [[200, 'sent'], ...refusals] as const) {
      const { gateway } = setup({}, () =>
        status === 200 ? json(200, fullMember) : json(status, stytchError(status, type)),
      );
      const response = await gateway(apiRequest(EMAIL_LOGIN, { body: VALID_BODIES[EMAIL_LOGIN] }));
      const body = await response.json();
      answers.push([response.status, Object.keys(body).sort(), body.status_code]);
      assert.doesNotMatch(JSON.stringify(body), MEMBER_DATA, type);
    }
    const same = [200, CODE_SENT_KEYS, 200];
    assert.deepEqual(answers, [same, same, same, same]);
  });

  it('answers email/authenticate for a refused address exactly like a wrong code', async () => {
    const bodies = [];
    for (const [status, type] of [[404, 'otp_code_not_found'], ...refusals] as const) {
      const { gateway } = setup({}, () => json(status, stytchError(status, type)));
      const response = await gateway(apiRequest(EMAIL_AUTH, { body: emailAuthBody }));
      const body = await response.json();
      bodies.push({ status: response.status, ...body, request_id: typeof body.request_id });
    }
    assert.equal(new Set(bodies.map((b) => JSON.stringify(b))).size, 1, JSON.stringify(bodies));
    assert.equal(bodies[0].status, 404);
    assert.equal(bodies[0].error_type, 'otp_code_not_found');
  });

  it('keeps errors that do not depend on the address (bad org, rate limit) as Stytch said', async () => {
    for (const [status, type] of [
      [404, 'organization_not_found'],
      [429, 'too_many_requests'],
    ] as const) {
      const { gateway } = setup({}, () => json(status, stytchError(status, type)));
      const response = await gateway(apiRequest(EMAIL_LOGIN, { body: VALID_BODIES[EMAIL_LOGIN] }));
      assert.equal(response.status, status);
      assert.equal((await response.json()).error_type, type);
    }
  });

  it('answers sms/send with ids only, nothing about the member', async () => {
    const { gateway } = setup({}, () => json(200, okBody({ member_id: 'member-test-1' })));
    const response = await gateway(
      apiRequest(SMS_SEND, { body: VALID_BODIES[SMS_SEND], cookie: '__Host-otp_ist=ist-1' }),
    );
    const body = await response.json();
    assert.deepEqual(Object.keys(body).sort(), [
      'member_id',
      'organization_id',
      'request_id',
      'status_code',
    ]);
    assert.equal(body.member_id, 'member-test-1');
  });
});
