// The official `stytch` Node SDK drives every discovery endpoint and sessions.exchange against the
// emulator: otps.email.discovery.send/authenticate, discovery.organizations.list/create,
// discovery.intermediateSessions.exchange, sessions.exchange.

import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { StytchError, type B2BClient } from 'stytch';
import { startSdkHarness, type SdkHarness } from './sdk-support.js';

let harness: SdkHarness;
let client: B2BClient;

before(async () => {
  harness = await startSdkHarness();
  client = harness.client;
});

after(() => harness.close());

async function discover(email: string) {
  const sent = await client.otps.email.discovery.send({ email_address: email });
  assert.equal(sent.status_code, 200);
  return client.otps.email.discovery.authenticate({
    email_address: email,
    code: await harness.codeFor(email),
  });
}

const byName = <T extends { organization?: { organization_name: string } }>(orgs: T[]) =>
  Object.fromEntries(orgs.map((o) => [o.organization!.organization_name, o]));

async function verifiedMember(organizationId: string, email: string) {
  await client.organizations.members.create({
    organization_id: organizationId,
    email_address: email,
  });
  await client.otps.email.loginOrSignup({ organization_id: organizationId, email_address: email });
  await client.otps.email.authenticate({
    organization_id: organizationId,
    email_address: email,
    code: await harness.codeFor(email),
  });
}

describe('official stytch Node SDK: discovery login', () => {
  it('discovers memberships and JIT-eligible organizations, exchanges into them and switches sessions', async () => {
    const active = await client.organizations.create({ organization_name: 'Disc Active' });
    const pending = await client.organizations.create({
      organization_name: 'Disc Pending',
      mfa_policy: 'REQUIRED_FOR_ALL',
    });
    const jit = await client.organizations.create({
      organization_name: 'Disc JIT',
      email_jit_provisioning: 'RESTRICTED',
      email_allowed_domains: ['disc.test'],
    });
    await client.organizations.create({ organization_name: 'Disc Closed' });
    await client.organizations.members.create({
      organization_id: active.organization.organization_id,
      email_address: 'alice@disc.test',
    });
    await client.organizations.members.create({
      organization_id: pending.organization.organization_id,
      email_address: 'alice@disc.test',
      create_member_as_pending: true,
    });
    await verifiedMember(jit.organization.organization_id, 'boss@disc.test');

    const found = await discover('alice@disc.test');
    assert.equal(found.email_address, 'alice@disc.test');
    assert.ok(found.intermediate_session_token);
    assert.ok(found.intermediate_session_token_expires_at);
    const orgs = byName(found.discovered_organizations);
    assert.deepEqual(Object.keys(orgs).sort(), ['Disc Active', 'Disc JIT', 'Disc Pending']);
    assert.equal(orgs['Disc Active']!.membership!.type, 'active_member');
    assert.equal(orgs['Disc Active']!.membership!.member!.email_address, 'alice@disc.test');
    assert.equal(orgs['Disc Active']!.member_authenticated, true);
    assert.equal(orgs['Disc Pending']!.membership!.type, 'pending_member');
    assert.equal(orgs['Disc Pending']!.member_authenticated, false);
    assert.deepEqual(orgs['Disc Pending']!.mfa_required, {
      member_options: null,
      secondary_auth_initiated: null,
    });
    assert.deepEqual(orgs['Disc JIT']!.membership, {
      type: 'eligible_to_join_by_email_domain',
      details: { domain: 'disc.test' },
      member: null,
    });

    const listed = await client.discovery.organizations.list({
      intermediate_session_token: found.intermediate_session_token,
    });
    assert.equal(listed.discovered_organizations.length, 3);
    assert.equal(listed.organization_id_hint, null);

    const joined = await client.discovery.intermediateSessions.exchange({
      intermediate_session_token: found.intermediate_session_token,
      organization_id: jit.organization.organization_id,
    });
    assert.equal(joined.member_authenticated, true);
    assert.equal(joined.intermediate_session_token, '');
    assert.equal(joined.member.status, 'active');
    assert.equal(joined.member.email_address_verified, true);
    const local = await client.sessions.authenticateJwtLocal({ session_jwt: joined.session_jwt });
    assert.equal(local.organization_id, jit.organization.organization_id);

    // With a session, only memberships are listed (no eligibility), Disc JIT now among them.
    const mine = await client.discovery.organizations.list({ session_token: joined.session_token });
    assert.deepEqual(mine.discovered_organizations.map((o) => o.membership!.type).sort(), [
      'active_member',
      'active_member',
      'pending_member',
    ]);

    const switched = await client.sessions.exchange({
      organization_id: active.organization.organization_id,
      session_token: joined.session_token,
    });
    assert.equal(switched.member_authenticated, true);
    assert.equal(switched.organization.organization_id, active.organization.organization_id);
    assert.equal(switched.member_session!.organization_id, active.organization.organization_id);

    // Switching into the MFA organization accepts the pending membership and asks for MFA.
    const mfa = await client.sessions.exchange({
      organization_id: pending.organization.organization_id,
      session_token: switched.session_token,
    });
    assert.equal(mfa.member_authenticated, false);
    assert.equal(mfa.session_token, '');
    assert.ok(mfa.intermediate_session_token);
    assert.equal(mfa.member.status, 'active');
    await client.otps.sms.send({
      organization_id: pending.organization.organization_id,
      member_id: mfa.member_id,
      mfa_phone_number: '+15555550177',
      intermediate_session_token: mfa.intermediate_session_token,
    });
    const done = await client.otps.sms.authenticate({
      organization_id: pending.organization.organization_id,
      member_id: mfa.member_id,
      code: await harness.codeFor('+15555550177'),
      intermediate_session_token: mfa.intermediate_session_token,
    });
    assert.equal(done.member_session!.organization_id, pending.organization.organization_id);
  });

  it('creates an organization from the discovery IST; the creator is stytch_admin', async () => {
    const found = await discover('founder@newco.test');
    assert.deepEqual(found.discovered_organizations, []);
    const created = await client.discovery.organizations.create({
      intermediate_session_token: found.intermediate_session_token,
      organization_name: 'NewCo',
      organization_slug: 'newco',
    });
    assert.equal(created.member_authenticated, true);
    assert.equal(created.organization.organization_slug, 'newco');
    assert.deepEqual(
      created.member.roles.map((r) => r.role_id),
      ['stytch_member', 'stytch_admin'],
    );
    const session = await client.sessions.authenticate({ session_token: created.session_token });
    assert.equal(session.member.email_address, 'founder@newco.test');

    // The IST was consumed by the organization it created.
    await assert.rejects(
      client.discovery.organizations.create({
        intermediate_session_token: found.intermediate_session_token,
        organization_name: 'Again',
      }),
      (error: unknown) =>
        error instanceof StytchError && error.error_type === 'intermediate_session_not_found',
    );
  });

  it('returns the same IST when the new organization requires MFA', async () => {
    const found = await discover('secure@newco.test');
    const created = await client.discovery.organizations.create({
      intermediate_session_token: found.intermediate_session_token,
      organization_name: 'Secure Co',
      mfa_policy: 'REQUIRED_FOR_ALL',
    });
    assert.equal(created.member_authenticated, false);
    assert.equal(created.intermediate_session_token, found.intermediate_session_token);
    assert.deepEqual(created.mfa_required, {
      member_options: null,
      secondary_auth_initiated: null,
    });
  });

  it("surfaces JIT refusals and a taken slug as Stytch's errors", async () => {
    const closed = await client.organizations.create({ organization_name: 'Invite Only' });
    await client.organizations.create({ organization_name: 'Taken', organization_slug: 'taken' });
    const found = await discover('guest@outside.test');
    await assert.rejects(
      client.discovery.intermediateSessions.exchange({
        intermediate_session_token: found.intermediate_session_token,
        organization_id: closed.organization.organization_id,
      }),
      (error: unknown) =>
        error instanceof StytchError && error.error_type === 'email_jit_provisioning_not_allowed',
    );
    await assert.rejects(
      client.discovery.organizations.create({
        intermediate_session_token: found.intermediate_session_token,
        organization_name: 'Taken Again',
        organization_slug: 'taken',
      }),
      (error: unknown) =>
        error instanceof StytchError && error.error_type === 'organization_slug_already_used',
    );
  });
});
