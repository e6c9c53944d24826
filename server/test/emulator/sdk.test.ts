// The official `stytch` Node SDK, unmodified, against the emulator served over HTTP.

import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { StytchError, type B2BClient } from 'stytch';
import { startSdkHarness, type SdkHarness } from './sdk-support.js';

let harness: SdkHarness;
let client: B2BClient;
const codeFor = (to: string) => harness.codeFor(to);
const newClient = (secret: string) => harness.newClient(secret);

/** An email code sent and entered through the SDK; the authenticate answer. */
async function emailLogin(organizationId: string, email: string) {
  await client.otps.email.loginOrSignup({ organization_id: organizationId, email_address: email });
  return client.otps.email.authenticate({
    organization_id: organizationId,
    email_address: email,
    code: await codeFor(email),
  });
}

before(async () => {
  harness = await startSdkHarness();
  client = harness.client;
});

after(() => harness.close());

describe('official stytch Node SDK against the emulator', () => {
  it('OPTIONAL organization: email OTP → session, verified locally, authenticated, revoked', async () => {
    const { organization } = await client.organizations.create({
      organization_name: 'SDK Optional',
      organization_slug: 'sdk-optional',
      mfa_policy: 'OPTIONAL',
    });
    const orgId = organization.organization_id;
    const { member } = await client.organizations.members.create({
      organization_id: orgId,
      email_address: 'sdk@optional.test',
    });
    assert.equal(
      (await client.organizations.get({ organization_id: orgId })).organization.organization_slug,
      'sdk-optional',
    );
    const got = await client.organizations.members.get({
      organization_id: orgId,
      email_address: 'sdk@optional.test',
    });
    assert.equal(got.member_id, member.member_id);

    const sent = await client.otps.email.loginOrSignup({
      organization_id: orgId,
      email_address: 'sdk@optional.test',
    });
    assert.equal(sent.status_code, 200);
    assert.equal(sent.member_id, member.member_id);
    const auth = await client.otps.email.authenticate({
      organization_id: orgId,
      email_address: 'sdk@optional.test',
      code: await codeFor('sdk@optional.test'),
      session_duration_minutes: 30,
    });
    assert.equal(auth.member_authenticated, true);
    assert.ok(auth.member_session);
    assert.equal(auth.member.status, 'active');

    const local = await client.sessions.authenticateJwtLocal({ session_jwt: auth.session_jwt });
    assert.equal(local.member_session_id, auth.member_session.member_session_id);
    assert.equal(local.member_id, member.member_id);
    assert.equal(local.organization_id, orgId);
    assert.equal(local.organization_slug, 'sdk-optional');
    assert.equal(local.authentication_factors[0]!.type, 'email_otp');
    assert.deepEqual(local.roles, ['stytch_member']);

    const viaJwt = await client.sessions.authenticateJwt({ session_jwt: auth.session_jwt });
    assert.equal(viaJwt.member_session.member_session_id, auth.member_session.member_session_id);

    const remote = await client.sessions.authenticate({ session_token: auth.session_token });
    assert.equal(remote.member.member_id, member.member_id);
    assert.equal(remote.session_token, auth.session_token);

    const revoked = await client.sessions.revoke({ session_token: auth.session_token });
    assert.equal(revoked.status_code, 200);
    await assert.rejects(
      client.sessions.authenticate({ session_token: auth.session_token }),
      (error: unknown) => {
        assert.ok(error instanceof StytchError);
        assert.equal(error.status_code, 404);
        assert.equal(error.error_type, 'session_not_found');
        return true;
      },
    );
  });

  it('REQUIRED_FOR_ALL organization: email OTP → IST → SMS send with phone → SMS authenticate → session', async () => {
    const { organization } = await client.organizations.create({
      organization_name: 'SDK Required',
      mfa_policy: 'REQUIRED_FOR_ALL',
    });
    const orgId = organization.organization_id;
    const { member } = await client.organizations.members.create({
      organization_id: orgId,
      email_address: 'mfa@required.test',
    });
    const primary = await emailLogin(orgId, 'mfa@required.test');
    assert.equal(primary.member_authenticated, false);
    assert.equal(primary.session_token, '');
    assert.ok(primary.intermediate_session_token);
    assert.deepEqual(primary.mfa_required, {
      member_options: null,
      secondary_auth_initiated: null,
    });

    const sent = await client.otps.sms.send({
      organization_id: orgId,
      member_id: member.member_id,
      mfa_phone_number: '+15555550142',
      intermediate_session_token: primary.intermediate_session_token,
    });
    assert.equal(sent.member.mfa_phone_number, '+15555550142');
    const done = await client.otps.sms.authenticate({
      organization_id: orgId,
      member_id: member.member_id,
      code: await codeFor('+15555550142'),
      intermediate_session_token: primary.intermediate_session_token,
    });
    assert.equal(done.member.mfa_phone_number_verified, true);
    assert.equal(done.member.mfa_enrolled, true);
    const local = await client.sessions.authenticateJwtLocal({ session_jwt: done.session_jwt });
    assert.deepEqual(
      local.authentication_factors.map((f) => f.type),
      ['email_otp', 'otp'],
    );
    assert.equal(
      (await client.sessions.authenticate({ session_jwt: done.session_jwt })).member.member_id,
      member.member_id,
    );

    // Updates through the SDK, then the next login has the SMS sent automatically.
    const updated = await client.organizations.members.update({
      organization_id: orgId,
      member_id: member.member_id,
      name: 'Mfa Person',
    });
    assert.equal(updated.member.name, 'Mfa Person');
    const next = await emailLogin(orgId, 'mfa@required.test');
    assert.equal(next.mfa_required?.secondary_auth_initiated, 'sms_otp');
  });

  it('lists sessions, serves the JWKS and deletes an MFA phone through the SDK', async () => {
    const { organization } = await client.organizations.create({
      organization_name: 'SDK Admin',
      organization_slug: 'sdk-admin',
    });
    const orgId = organization.organization_id;
    const { member } = await client.organizations.members.create({
      organization_id: orgId,
      email_address: 'admin@sdk.test',
      mfa_phone_number: '+15555550177',
    });
    const auth = await emailLogin(orgId, 'admin@sdk.test');

    const listed = await client.sessions.get({
      organization_id: orgId,
      member_id: member.member_id,
    });
    assert.deepEqual(
      listed.member_sessions.map((session) => session.member_session_id),
      [auth.member_session!.member_session_id],
    );

    const { keys } = await client.sessions.getJWKS({ project_id: harness.emulator.projectId });
    const [header] = auth.session_jwt.split('.');
    const { kid } = JSON.parse(Buffer.from(header!, 'base64url').toString()) as { kid: string };
    assert.ok(keys.some((key) => key.kid === kid));

    const cleared = await client.organizations.members.deleteMFAPhoneNumber({
      organization_id: orgId,
      member_id: member.member_id,
    });
    assert.equal(cleared.member.mfa_phone_number, '');
    const reread = await client.organizations.members.get({
      organization_id: orgId,
      member_id: member.member_id,
    });
    assert.equal(reread.member.mfa_phone_number, '');
  });

  it('surfaces Stytch errors as StytchError with the emulator error body', async () => {
    const { organization } = await client.organizations.create({ organization_name: 'SDK Errors' });
    await client.organizations.members.create({
      organization_id: organization.organization_id,
      email_address: 'err@corp.test',
    });
    await client.otps.email.loginOrSignup({
      organization_id: organization.organization_id,
      email_address: 'err@corp.test',
    });
    const code = await codeFor('err@corp.test');
    const wrong = String((Number(code) + 1) % 1e6).padStart(6, '0');
    await assert.rejects(
      client.otps.email.authenticate({
        organization_id: organization.organization_id,
        email_address: 'err@corp.test',
        code: wrong,
      }),
      (error: unknown) => {
        assert.ok(error instanceof StytchError);
        assert.equal(error.status_code, 404);
        assert.equal(error.error_type, 'otp_code_not_found');
        assert.match(error.request_id, /^request-id-test-/);
        return true;
      },
    );
    await assert.rejects(
      newClient('secret-test-wrong').organizations.get({
        organization_id: organization.organization_id,
      }),
      (error: unknown) => {
        assert.ok(error instanceof StytchError);
        assert.equal(error.status_code, 401);
        assert.equal(error.error_type, 'unauthorized_credentials');
        return true;
      },
    );
    const update = await client.organizations.update({
      organization_id: organization.organization_id,
      mfa_policy: 'REQUIRED_FOR_ALL',
    });
    assert.equal(update.organization.mfa_policy, 'REQUIRED_FOR_ALL');
  });
});
