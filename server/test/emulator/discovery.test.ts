// Discovery login rules with an injected clock: lifetimes, JIT by email domain, invites, MFA after the
// pick, and the same IST given back while MFA is pending. References: SDK otp_email_discovery.d.ts,
// discovery_intermediate_sessions.d.ts, discovery_organizations.d.ts; B2B guide "JIT provision members".

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  assertStytchError,
  MFA_PHONE,
  MINUTE,
  primaryIst,
  setup,
  setupOrgs,
  type TestApi,
} from './support.js';

const SEND = '/v1/b2b/otps/email/discovery/send';
const AUTHENTICATE = '/v1/b2b/otps/email/discovery/authenticate';
const LIST = '/v1/b2b/discovery/organizations';
const EXCHANGE = '/v1/b2b/discovery/intermediate_sessions/exchange';
const CREATE = '/v1/b2b/discovery/organizations/create';

const exchange = (api: TestApi, ist: string, organizationId: string, extra = {}) =>
  api.post(EXCHANGE, {
    intermediate_session_token: ist,
    organization_id: organizationId,
    ...extra,
  });

const types = (found: {
  discovered_organizations: {
    organization: { organization_name: string };
    membership: { type: string };
  }[];
}) =>
  Object.fromEntries(
    found.discovered_organizations.map((o) => [
      o.organization.organization_name,
      o.membership.type,
    ]),
  );

describe('discovery codes', () => {
  it('answers send with only request_id and status_code, for any address', async () => {
    const api = await setup();
    const reply = await api.post(SEND, { email_address: 'Nobody@Nowhere.test' });
    assert.equal(reply.status, 200);
    assert.deepEqual(Object.keys(reply.body).sort(), ['request_id', 'status_code']);
    const [message] = api.emulator.outbox();
    assert.equal(message!.to, 'nobody@nowhere.test');
    assert.equal(message!.organization_id, '');
  });

  it('keeps a discovery code 10 minutes by default ("The OTP is valid for 10 minutes")', async () => {
    const api = await setup();
    await api.post(SEND, { email_address: 'a@corp.test' });
    const code = api.lastCode('a@corp.test');
    api.clock.advance(10 * MINUTE);
    assertStytchError(
      await api.post(AUTHENTICATE, { email_address: 'a@corp.test', code }),
      401,
      'unable_to_auth_otp_code',
    );
  });

  it('honours discovery_expiration_minutes from 2 to 15', async () => {
    const api = await setup();
    await api.post(SEND, { email_address: 'a@corp.test', discovery_expiration_minutes: 15 });
    api.clock.advance(14 * MINUTE);
    const reply = await api.post(AUTHENTICATE, {
      email_address: 'a@corp.test',
      code: api.lastCode('a@corp.test'),
    });
    assert.equal(reply.status, 200);
    for (const minutes of [1, 16, '5']) {
      assertStytchError(
        await api.post(SEND, {
          email_address: 'a@corp.test',
          discovery_expiration_minutes: minutes,
        }),
        400,
        'invalid_expiration_otp',
      );
    }
  });

  it('invalidates earlier codes on a new send ("Only the most recently sent OTP is valid")', async () => {
    const api = await setup();
    await api.post(SEND, { email_address: 'a@corp.test' });
    const first = api.lastCode('a@corp.test');
    await api.post(SEND, { email_address: 'a@corp.test' });
    const second = api.lastCode('a@corp.test');
    if (first !== second) {
      assertStytchError(
        await api.post(AUTHENTICATE, { email_address: 'a@corp.test', code: first }),
        404,
        'otp_code_not_found',
      );
    }
    assert.equal(
      (await api.post(AUTHENTICATE, { email_address: 'a@corp.test', code: second })).status,
      200,
    );
  });

  it('refuses a wrong code, a used code and malformed input with Stytch errors', async () => {
    const api = await setup();
    await api.post(SEND, { email_address: 'a@corp.test' });
    const code = api.lastCode('a@corp.test');
    const wrong = String((Number(code) + 1) % 1e6).padStart(6, '0');
    assertStytchError(
      await api.post(AUTHENTICATE, { email_address: 'a@corp.test', code: wrong }),
      404,
      'otp_code_not_found',
    );
    assert.equal(
      (await api.post(AUTHENTICATE, { email_address: 'a@corp.test', code })).status,
      200,
    );
    assertStytchError(
      await api.post(AUTHENTICATE, { email_address: 'a@corp.test', code }),
      401,
      'unable_to_auth_otp_code',
    );
    assertStytchError(
      await api.post(AUTHENTICATE, { email_address: 'a@corp.test', code: 123456 }),
      400,
      'invalid_code',
    );
    assertStytchError(
      await api.post(SEND, { email_address: 'not-an-email' }),
      400,
      'invalid_email',
    );
  });
});

describe('discovered organizations', () => {
  it('lists memberships by status and JIT-eligible organizations only when a verified member shares the domain', async () => {
    const { api } = await setupOrgs();
    const open = await api.createOrg({
      organization_name: 'Open Co',
      email_jit_provisioning: 'RESTRICTED',
      email_allowed_domains: ['corp.test'],
    });
    await api.createMember(open.organization_id, 'colleague@corp.test');
    const invited = await api.createOrg({ organization_name: 'Pending Co' });
    await api.createMember(invited.organization_id, 'me@corp.test', {
      create_member_as_pending: true,
    });

    // colleague@corp.test has not verified an email yet: Open Co is not offered (anti-phishing rule).
    let found = await api.discover('me@corp.test');
    assert.deepEqual(types(found), { 'Pending Co': 'pending_member' });
    assertStytchError(
      await exchange(api, found.intermediate_session_token, open.organization_id),
      403,
      'invalid_email_for_jit_provisioning',
    );

    await api.session(open.organization_id, 'colleague@corp.test');
    found = await api.discover('me@corp.test');
    assert.deepEqual(types(found), {
      'Pending Co': 'pending_member',
      'Open Co': 'eligible_to_join_by_email_domain',
    });
  });

  it('lists the seeded invitation as invited_member and accepts it on exchange', async () => {
    const api = await setup({ seed: true });
    const acme = api.emulator.seedInfo!.organizations[0]!;
    const found = await api.discover('grace@example.com');
    const entry = found.discovered_organizations.find(
      (o: { organization: { organization_id: string } }) =>
        o.organization.organization_id === acme.organization_id,
    );
    assert.equal(entry.membership.type, 'invited_member');
    assert.equal(entry.membership.details, null);
    assert.equal(entry.membership.member.status, 'invited');
    const joined = await exchange(api, found.intermediate_session_token, 'acme');
    assert.equal(joined.status, 200, JSON.stringify(joined.body));
    assert.equal(joined.body.member.status, 'active');
    assert.equal(joined.body.member_authenticated, true);
  });

  it('requires exactly one of intermediate_session_token, session_token, session_jwt to list', async () => {
    const { api, optional } = await setupOrgs();
    const login = await api.session(optional.organization_id, 'ada@optional.test');
    assertStytchError(await api.post(LIST, {}), 400, 'no_session_arguments');
    assertStytchError(
      await api.post(LIST, { session_token: login.session_token, session_jwt: login.session_jwt }),
      400,
      'too_many_session_arguments',
    );
    const listed = await api.post(LIST, { session_jwt: login.session_jwt });
    assert.equal(listed.status, 200);
    assert.equal(listed.body.email_address, 'ada@optional.test');
  });

  it('gives the organization of an MFA-pending IST as organization_id_hint', async () => {
    const { api, required } = await setupOrgs();
    const ist = await primaryIst(api, required.organization_id, 'bob@required.test');
    const listed = await api.post(LIST, { intermediate_session_token: ist });
    assert.equal(listed.body.organization_id_hint, required.organization_id);
    assert.equal(listed.body.discovered_organizations[0].membership.type, 'active_member');
  });
});

describe('intermediate session exchange', () => {
  it('lets the discovery IST expire after 10 minutes', async () => {
    const { api, optional } = await setupOrgs();
    const found = await api.discover('ada@optional.test');
    api.clock.advance(10 * MINUTE);
    assertStytchError(
      await exchange(api, found.intermediate_session_token, optional.organization_id),
      404,
      'intermediate_session_not_found',
    );
  });

  it('sends the SMS and returns the same IST when the picked organization requires MFA; SMS completes it', async () => {
    const { api, required, bob } = await setupOrgs();
    await api.put(`/v1/b2b/organizations/${required.organization_id}/members/${bob.member_id}`, {
      mfa_phone_number: MFA_PHONE,
    });
    const found = await api.discover('bob@required.test');
    assert.equal(found.discovered_organizations[0].member_authenticated, false);
    assert.equal(
      found.discovered_organizations[0].mfa_required.member_options.mfa_phone_number,
      'XXXXXXX0111',
    );
    const picked = await exchange(api, found.intermediate_session_token, required.organization_id, {
      session_duration_minutes: 120,
    });
    assert.equal(picked.status, 200, JSON.stringify(picked.body));
    assert.equal(picked.body.member_authenticated, false);
    assert.equal(picked.body.intermediate_session_token, found.intermediate_session_token);
    assert.equal(picked.body.member_session, null);
    assert.equal(picked.body.mfa_required.secondary_auth_initiated, 'sms_otp');
    const done = await api.authenticateSms(
      required.organization_id,
      bob.member_id,
      api.lastCode(MFA_PHONE),
      { intermediate_session_token: found.intermediate_session_token },
    );
    assert.equal(done.status, 200, JSON.stringify(done.body));
    assert.deepEqual(
      done.body.member_session.authentication_factors.map((f: { type: string }) => f.type),
      ['email_otp', 'otp'],
    );
    assertStytchError(
      await exchange(api, found.intermediate_session_token, required.organization_id),
      404,
      'intermediate_session_not_found',
    );
  });

  it('creates a JIT member by email domain on exchange and consumes the IST', async () => {
    const { api } = await setupOrgs();
    const open = await api.createOrg({
      organization_name: 'Open Co',
      email_jit_provisioning: 'RESTRICTED',
      email_allowed_domains: ['corp.test'],
    });
    await api.createMember(open.organization_id, 'first@corp.test');
    await api.session(open.organization_id, 'first@corp.test');
    const found = await api.discover('second@corp.test');
    const joined = await exchange(api, found.intermediate_session_token, open.organization_id);
    assert.equal(joined.status, 200, JSON.stringify(joined.body));
    assert.equal(joined.body.member.email_address, 'second@corp.test');
    assert.match(
      joined.body.member_session.authentication_factors[0].email_factor.email_id,
      /^member-email-test-/,
    );
    assertStytchError(
      await exchange(api, found.intermediate_session_token, open.organization_id),
      404,
      'intermediate_session_not_found',
    );
  });

  it('creates an organization with the email domain as name when none is given', async () => {
    const api = await setup();
    const found = await api.discover('solo@startup.test');
    const created = await api.post(CREATE, {
      intermediate_session_token: found.intermediate_session_token,
    });
    assert.equal(created.status, 200, JSON.stringify(created.body));
    assert.equal(created.body.organization.organization_name, 'startup.test');
    assert.equal(created.body.organization.organization_slug, 'startup-test');
  });
});

describe('MFA pending in an organization login', () => {
  // Seed page: "the same IST passed back to email/authenticate while MFA is pending" is returned.
  it('returns the same IST when it is passed back to email authenticate', async () => {
    const { api, required } = await setupOrgs();
    const ist = await primaryIst(api, required.organization_id, 'bob@required.test');
    await api.sendEmail(required.organization_id, 'bob@required.test');
    const again = await api.authenticateEmail(
      required.organization_id,
      'bob@required.test',
      api.lastCode('bob@required.test'),
      { intermediate_session_token: ist },
    );
    assert.equal(again.status, 200, JSON.stringify(again.body));
    assert.equal(again.body.member_authenticated, false);
    assert.equal(again.body.intermediate_session_token, ist);
  });
});
