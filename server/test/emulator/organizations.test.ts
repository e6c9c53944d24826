import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { assertStytchError, setup } from './support.js';

describe('organizations', () => {
  it('creates an organization with Stytch defaults and reads it back', async () => {
    const api = await setup();
    const reply = await api.post('/v1/b2b/organizations', { organization_name: 'Initech Labs' });
    assert.equal(reply.status, 200);
    const org = reply.body.organization;
    assert.match(org.organization_id, /^organization-test-[0-9a-f-]{36}$/);
    assert.equal(org.organization_name, 'Initech Labs');
    assert.equal(org.organization_slug, 'initech-labs');
    assert.equal(org.mfa_policy, 'OPTIONAL');
    assert.equal(org.email_jit_provisioning, 'NOT_ALLOWED');
    assert.deepEqual(org.email_allowed_domains, []);
    assert.equal(org.mfa_methods, 'ALL_ALLOWED');
    const got = await api.get(`/v1/b2b/organizations/${org.organization_id}`);
    assert.equal(got.status, 200);
    assert.deepEqual(got.body.organization, org);
  });

  it('stores the fields the SDK sends and updates them with PUT', async () => {
    const api = await setup();
    const org = await api.createOrg({
      organization_name: 'Hooli',
      organization_slug: 'hooli',
      mfa_policy: 'REQUIRED_FOR_ALL',
      email_jit_provisioning: 'RESTRICTED',
      email_allowed_domains: ['Hooli.test'],
      mfa_methods: 'RESTRICTED',
      allowed_mfa_methods: ['sms_otp'],
      trusted_metadata: { plan: 'enterprise' },
    });
    assert.equal(org.organization_slug, 'hooli');
    assert.equal(org.mfa_policy, 'REQUIRED_FOR_ALL');
    assert.deepEqual(org.email_allowed_domains, ['hooli.test']);
    assert.deepEqual(org.allowed_mfa_methods, ['sms_otp']);
    assert.deepEqual(org.trusted_metadata, { plan: 'enterprise' });

    const updated = await api.put(`/v1/b2b/organizations/${org.organization_id}`, {
      mfa_policy: 'OPTIONAL',
      organization_name: 'Hooli XYZ',
    });
    assert.equal(updated.status, 200);
    assert.equal(updated.body.organization.mfa_policy, 'OPTIONAL');
    assert.equal(updated.body.organization.organization_name, 'Hooli XYZ');
    assert.equal(updated.body.organization.organization_slug, 'hooli');
  });

  it('finds an organization by slug', async () => {
    const api = await setup();
    const org = await api.createOrg({ organization_slug: 'by-slug' });
    assert.equal(
      (await api.get('/v1/b2b/organizations/by-slug')).body.organization.organization_id,
      org.organization_id,
    );
  });

  it('refuses a used slug, a bad slug, a missing name and a bad policy; failed updates change nothing', async () => {
    const api = await setup();
    const org = await api.createOrg({ organization_slug: 'taken' });
    assertStytchError(
      await api.post('/v1/b2b/organizations', {
        organization_name: 'B',
        organization_slug: 'taken',
      }),
      400,
      'organization_slug_already_used',
    );
    assertStytchError(
      await api.post('/v1/b2b/organizations', {
        organization_name: 'B',
        organization_slug: 'no spaces',
      }),
      400,
      'invalid_organization_slug',
    );
    assertStytchError(
      await api.post('/v1/b2b/organizations', {}),
      400,
      'organization_name_missing',
    );
    assertStytchError(
      await api.post('/v1/b2b/organizations', { organization_name: 'B', mfa_policy: 'ALWAYS' }),
      400,
      'invalid_organization_mfa_policy',
    );
    assertStytchError(
      await api.post('/v1/b2b/organizations', {
        organization_name: 'B',
        email_jit_provisioning: 'RESTRICTED',
      }),
      400,
      'invalid_restricted_email_setting',
    );
    const failed = await api.put(`/v1/b2b/organizations/${org.organization_id}`, {
      mfa_policy: 'REQUIRED_FOR_ALL',
      email_jit_provisioning: 'RESTRICTED',
    });
    assertStytchError(failed, 400, 'invalid_restricted_email_setting');
    assert.equal(
      (await api.get(`/v1/b2b/organizations/${org.organization_id}`)).body.organization.mfa_policy,
      'OPTIONAL',
    );
  });

  it('gives 404 organization_not_found for unknown ids', async () => {
    const api = await setup();
    assertStytchError(
      await api.get('/v1/b2b/organizations/organization-test-missing'),
      404,
      'organization_not_found',
    );
    assertStytchError(
      await api.put('/v1/b2b/organizations/organization-test-missing', {}),
      404,
      'organization_not_found',
    );
  });
});

describe('organization members', () => {
  it('creates an active member by default, pending on request, and reads by id or email', async () => {
    const api = await setup();
    const org = await api.createOrg();
    const reply = await api.post(`/v1/b2b/organizations/${org.organization_id}/members`, {
      email_address: 'Dana@Corp.test',
      name: 'Dana',
      untrusted_metadata: { theme: 'dark' },
    });
    assert.equal(reply.status, 200);
    const member = reply.body.member;
    assert.equal(reply.body.member_id, member.member_id);
    assert.match(member.member_id, /^member-test-[0-9a-f-]{36}$/);
    assert.equal(member.email_address, 'dana@corp.test');
    assert.equal(member.status, 'active');
    assert.equal(member.name, 'Dana');
    assert.equal(member.email_address_verified, false);
    assert.equal(member.mfa_enrolled, false);
    assert.equal(member.mfa_phone_number, '');
    assert.deepEqual(member.untrusted_metadata, { theme: 'dark' });
    assert.equal(reply.body.organization.organization_id, org.organization_id);

    const pending = await api.createMember(org.organization_id, 'pat@corp.test', {
      create_member_as_pending: true,
    });
    assert.equal(pending.status, 'pending');

    const byId = await api.get(
      `/v1/b2b/organizations/${org.organization_id}/member?member_id=${member.member_id}`,
    );
    const byEmail = await api.get(
      `/v1/b2b/organizations/${org.organization_id}/member?email_address=DANA%40corp.test`,
    );
    assert.deepEqual(byId.body.member, member);
    assert.deepEqual(byEmail.body.member, member);
  });

  it('refuses a duplicate email in the same organization but not in another', async () => {
    const api = await setup();
    const one = await api.createOrg();
    const two = await api.createOrg();
    await api.createMember(one.organization_id, 'x@corp.test');
    assertStytchError(
      await api.post(`/v1/b2b/organizations/${one.organization_id}/members`, {
        email_address: 'X@corp.test',
      }),
      400,
      'duplicate_member_email',
    );
    await api.createMember(two.organization_id, 'x@corp.test');
  });

  it('updates a member; a new phone number is unverified', async () => {
    const api = await setup();
    const org = await api.createOrg();
    const member = await api.createMember(org.organization_id, 'm@corp.test');
    const reply = await api.put(
      `/v1/b2b/organizations/${org.organization_id}/members/${member.member_id}`,
      {
        name: 'Morgan',
        mfa_phone_number: '+15555550123',
        mfa_enrolled: true,
        default_mfa_method: 'sms_otp',
      },
    );
    assert.equal(reply.status, 200);
    assert.equal(reply.body.member.name, 'Morgan');
    assert.equal(reply.body.member.mfa_phone_number, '+15555550123');
    assert.equal(reply.body.member.mfa_phone_number_verified, false);
    assert.equal(reply.body.member.mfa_enrolled, true);
    assert.equal(reply.body.member.default_mfa_method, 'sms_otp');
    const bad = await api.put(
      `/v1/b2b/organizations/${org.organization_id}/members/${member.member_id}`,
      {
        name: 'Changed',
        mfa_phone_number: 'call me',
      },
    );
    assertStytchError(bad, 400, 'invalid_phone_number');
    const after = await api.get(
      `/v1/b2b/organizations/${org.organization_id}/member?member_id=${member.member_id}`,
    );
    assert.equal(after.body.member.name, 'Morgan');
  });

  it('deletes the MFA phone number (organizations.members.deleteMFAPhoneNumber)', async () => {
    const api = await setup();
    const org = await api.createOrg();
    const member = await api.createMember(org.organization_id, 'm@corp.test', {
      mfa_phone_number: '+15555550123',
    });
    const reply = await api.request(
      'DELETE',
      `/v1/b2b/organizations/${org.organization_id}/members/mfa_phone_numbers/${member.member_id}`,
    );
    assert.equal(reply.status, 200);
    assert.equal(reply.body.member.mfa_phone_number, '');
  });

  it('answers 404 member_not_found for unknown members and members of other organizations', async () => {
    const api = await setup();
    const one = await api.createOrg();
    const two = await api.createOrg();
    const member = await api.createMember(one.organization_id, 'm@corp.test');
    assertStytchError(
      await api.get(
        `/v1/b2b/organizations/${two.organization_id}/member?member_id=${member.member_id}`,
      ),
      404,
      'member_not_found',
    );
    assertStytchError(
      await api.get(
        `/v1/b2b/organizations/${one.organization_id}/member?email_address=nobody@corp.test`,
      ),
      404,
      'member_not_found',
    );
    assertStytchError(
      await api.get(`/v1/b2b/organizations/${one.organization_id}/member`),
      400,
      'bad_request',
    );
  });
});
