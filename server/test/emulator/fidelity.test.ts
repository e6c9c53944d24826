// Behaviour a developer sees from real Stytch on error screens (issue 8, item 10), each case with the
// reference it follows.

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { assertStytchError, MFA_PHONE, setupOrgs } from './support.js';

describe('Stytch fidelity', () => {
  // stytch-browser B2B UI reducer/mfa.ts: the SMS is sent automatically "even if not yet verified".
  it('sends the MFA SMS automatically to an enrolled member whose phone is not verified yet', async () => {
    const { api, optional } = await setupOrgs();
    const member = await api.createMember(optional.organization_id, 'eve@optional.test', {
      mfa_phone_number: MFA_PHONE,
      mfa_enrolled: true,
    });
    assert.equal(member.mfa_phone_number_verified, false);
    const reply = await api.emailLogin(optional.organization_id, 'eve@optional.test');
    assert.equal(reply.status, 200);
    assert.equal(reply.body.member_authenticated, false);
    assert.equal(reply.body.mfa_required.secondary_auth_initiated, 'sms_otp');
    assert.equal(reply.body.mfa_required.member_options.mfa_phone_number, 'XXXXXXX0111');
    const sms = await api.authenticateSms(
      optional.organization_id,
      member.member_id,
      api.lastCode(MFA_PHONE),
      { intermediate_session_token: reply.body.intermediate_session_token },
    );
    assert.equal(sms.status, 200);
    assert.equal(sms.body.member.mfa_phone_number_verified, true);
  });

  // "Stytch disallows setting certain common email domains on the email_allowed_domains array"
  // (B2B guide "JIT provision members"); error type organization_settings_domain_too_common.
  for (const domain of ['gmail.com', 'Yahoo.co.uk', 'outlook.fr', 'mail.ru', 'hey.com']) {
    it(`refuses the consumer domain ${domain} in email_allowed_domains`, async () => {
      const { api, optional } = await setupOrgs();
      assertStytchError(
        await api.post('/v1/b2b/organizations', {
          organization_name: 'Consumer',
          email_allowed_domains: [domain],
        }),
        400,
        'organization_settings_domain_too_common',
      );
      assertStytchError(
        await api.put(`/v1/b2b/organizations/${optional.organization_id}`, {
          email_allowed_domains: ['corp.test', domain],
        }),
        400,
        'organization_settings_domain_too_common',
      );
    });
  }

  it('accepts company domains that merely contain a provider name', async () => {
    const { api } = await setupOrgs();
    const org = await api.createOrg({ email_allowed_domains: ['mail.acme.com', 'gmailer.com'] });
    assert.deepEqual(org.email_allowed_domains, ['mail.acme.com', 'gmailer.com']);
  });

  // duplicate_member_phone_number (Stytch error type list): an MFA phone belongs to one member of an
  // organization.
  it('refuses an MFA phone another member of the organization has, on create, update and SMS send', async () => {
    const { api, required, bob } = await setupOrgs();
    const org = required.organization_id;
    await api.createMember(org, 'owner@required.test', { mfa_phone_number: MFA_PHONE });
    assertStytchError(
      await api.post(`/v1/b2b/organizations/${org}/members`, {
        email_address: 'copy@required.test',
        mfa_phone_number: MFA_PHONE,
      }),
      400,
      'duplicate_member_phone_number',
    );
    assertStytchError(
      await api.put(`/v1/b2b/organizations/${org}/members/${bob.member_id}`, {
        mfa_phone_number: MFA_PHONE,
      }),
      400,
      'duplicate_member_phone_number',
    );
    const login = await api.emailLogin(org, 'bob@required.test');
    assertStytchError(
      await api.sendSms(org, bob.member_id, {
        mfa_phone_number: MFA_PHONE,
        intermediate_session_token: login.body.intermediate_session_token,
      }),
      400,
      'duplicate_member_phone_number',
    );
    // Another organization may use the number.
    const other = await api.createOrg();
    await api.createMember(other.organization_id, 'same@other.test', {
      mfa_phone_number: MFA_PHONE,
    });
  });

  // invalid_phone_number_country_code (Stytch error type list): SMS outside US and Canada is off until
  // the project enables other countries (the smsCallingCodes option here).
  it('refuses SMS outside +1 with invalid_phone_number_country_code unless the country is enabled', async () => {
    const { api, required, bob } = await setupOrgs();
    const login = await api.emailLogin(required.organization_id, 'bob@required.test');
    assertStytchError(
      await api.sendSms(required.organization_id, bob.member_id, {
        mfa_phone_number: '+447700900123',
        intermediate_session_token: login.body.intermediate_session_token,
      }),
      400,
      'invalid_phone_number_country_code',
    );
    assert.equal(api.emulator.outbox().filter((m) => m.channel === 'sms').length, 0);

    const uk = await setupOrgs({ smsCallingCodes: ['1', '44'] });
    const ukLogin = await uk.api.emailLogin(uk.required.organization_id, 'bob@required.test');
    const sent = await uk.api.sendSms(uk.required.organization_id, uk.bob.member_id, {
      mfa_phone_number: '+447700900123',
      intermediate_session_token: ukLogin.body.intermediate_session_token,
    });
    assert.equal(sent.status, 200, JSON.stringify(sent.body));
  });

  it('does not send the automatic SMS to a phone outside the enabled countries', async () => {
    const { api, required } = await setupOrgs();
    await api.createMember(required.organization_id, 'abroad@required.test', {
      mfa_phone_number: '+447700900123',
    });
    const reply = await api.emailLogin(required.organization_id, 'abroad@required.test');
    assert.equal(reply.body.mfa_required.secondary_auth_initiated, null);
    assert.equal(api.emulator.outbox().filter((m) => m.channel === 'sms').length, 0);
  });

  // SDK organizations.d.ts / organizations_members.d.ts: organization_external_id and external_id are
  // stored, and accepted "where an organization_id / member_id is expected".
  it('stores external ids and accepts them in place of organization_id and member_id', async () => {
    const { api } = await setupOrgs();
    const org = await api.createOrg({
      organization_name: 'External Co',
      organization_external_id: 'crm|4242',
      mfa_policy: 'REQUIRED_FOR_ALL',
    });
    assert.equal(org.organization_external_id, 'crm|4242');
    assert.equal(
      (await api.get('/v1/b2b/organizations/crm|4242')).body.organization.organization_id,
      org.organization_id,
    );
    const member = await api.createMember(org.organization_id, 'ext@external.test', {
      external_id: 'user.17',
    });
    assert.equal(member.external_id, 'user.17');
    const got = await api.get(`/v1/b2b/organizations/crm|4242/member?member_id=user.17`);
    assert.equal(got.body.member.member_id, member.member_id);

    const login = await api.emailLogin('crm|4242', 'ext@external.test');
    assert.equal(login.status, 200, JSON.stringify(login.body));
    const sent = await api.sendSms('crm|4242', 'user.17', {
      mfa_phone_number: MFA_PHONE,
      intermediate_session_token: login.body.intermediate_session_token,
    });
    assert.equal(sent.status, 200, JSON.stringify(sent.body));
    assert.equal(sent.body.member_id, member.member_id);

    assertStytchError(
      await api.post(`/v1/b2b/organizations/${org.organization_id}/members`, {
        email_address: 'twin@external.test',
        external_id: 'user.17',
      }),
      400,
      'duplicate_member_external_id',
    );
    assertStytchError(
      await api.post('/v1/b2b/organizations', {
        organization_name: 'Twin Co',
        organization_external_id: 'crm|4242',
      }),
      400,
      'duplicate_organization',
    );
  });
});
