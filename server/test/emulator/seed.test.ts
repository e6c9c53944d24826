import assert from 'node:assert/strict';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { setup, tempDir } from './support.js';

describe('demo seed', () => {
  it('seeds Acme (OPTIONAL) and Globex (REQUIRED_FOR_ALL) with JIT for example.com; ids and emails as before', async () => {
    const api = await setup({ seed: true });
    const [acme, globex] = api.emulator.seedInfo!.organizations;
    assert.ok(acme && globex);
    assert.equal(acme.organization_name, 'Acme (MFA optional)');
    assert.equal(acme.mfa_policy, 'OPTIONAL');
    assert.equal(globex.organization_name, 'Globex (MFA required)');
    assert.equal(globex.mfa_policy, 'REQUIRED_FOR_ALL');
    for (const org of [acme, globex]) {
      assert.equal(org.email_jit_provisioning, 'RESTRICTED');
      assert.deepEqual(org.email_allowed_domains, ['example.com']);
      const got = await api.get(`/v1/b2b/organizations/${org.organization_id}`);
      assert.equal(got.body.organization.organization_slug, org.organization_slug);
      assert.equal(got.body.organization.mfa_policy, org.mfa_policy);
      assert.ok(org.members.length >= 2);
      for (const member of org.members) {
        const stored = await api.get(
          `/v1/b2b/organizations/${org.organization_id}/member?member_id=${member.member_id}`,
        );
        assert.equal(stored.body.member.email_address, member.email_address);
        assert.equal(stored.body.member.mfa_phone_number, member.mfa_phone_number);
      }
    }
    const withPhone = globex.members.filter((m) => m.mfa_phone_number_verified);
    assert.deepEqual(
      withPhone.map((m) => m.mfa_phone_number),
      ['+15555550100'],
    );
    assert.ok(globex.members.some((m) => m.status === 'active' && !m.mfa_phone_number));
    assert.ok(acme.members.some((m) => m.status === 'active' && !m.mfa_phone_number));
  });

  it('lets every seeded flow run: OPTIONAL session, REQUIRED with auto SMS, invited member, JIT signup', async () => {
    const api = await setup({ seed: true });
    const [acme, globex] = api.emulator.seedInfo!.organizations;
    const ada = acme!.members.find((m) => m.status === 'active')!;
    assert.equal(
      (await api.emailLogin(acme!.organization_id, ada.email_address)).body.member_authenticated,
      true,
    );

    const hank = globex!.members.find((m) => m.mfa_phone_number_verified)!;
    const mfa = await api.emailLogin(globex!.organization_id, hank.email_address);
    assert.equal(mfa.body.mfa_required.secondary_auth_initiated, 'sms_otp');
    const sms = await api.authenticateSms(
      globex!.organization_id,
      hank.member_id,
      api.lastCode('+15555550100'),
      {
        intermediate_session_token: mfa.body.intermediate_session_token,
      },
    );
    assert.equal(sms.status, 200);

    const grace = acme!.members.find((m) => m.status === 'invited')!;
    const invited = await api.emailLogin(acme!.organization_id, grace.email_address);
    assert.equal(invited.body.member.status, 'active');
    assert.equal(invited.body.member.email_address_verified, true);

    const newcomer = await api.sendEmail(globex!.organization_id, 'newcomer@example.com');
    assert.equal(newcomer.body.member_created, true);
  });

  it('seeds Sam: active in Acme and Globex, invited to the invite-only Initech, for the discovery login', async () => {
    const api = await setup({ seed: true });
    const info = api.emulator.seedInfo!;
    const [acme, globex, initech] = info.organizations;
    assert.equal(initech!.organization_name, 'Initech (invite only)');
    assert.equal(initech!.organization_slug, 'initech');
    assert.equal(initech!.email_jit_provisioning, 'NOT_ALLOWED');
    assert.deepEqual(
      info.discovery!.organizations.map((o) => [o.organization_slug, o.status]),
      [
        ['acme', 'active'],
        ['globex', 'active'],
        ['initech', 'invited'],
      ],
    );
    assert.equal(info.discovery!.email_address, 'sam@example.com');

    const found = await api.discover('sam@example.com');
    assert.deepEqual(
      found.discovered_organizations.map(
        (o: { organization: { organization_id: string }; membership: { type: string } }) => [
          o.organization.organization_id,
          o.membership.type,
        ],
      ),
      [
        [acme!.organization_id, 'active_member'],
        [globex!.organization_id, 'active_member'],
        [initech!.organization_id, 'invited_member'],
      ],
    );
    // A new example.com address may join Acme and Globex by its domain, not Initech.
    const newcomer = await api.discover('new@example.com');
    assert.deepEqual(
      newcomer.discovered_organizations.map(
        (o: { organization: { organization_slug: string }; membership: { type: string } }) => [
          o.organization.organization_slug,
          o.membership.type,
        ],
      ),
      [
        ['acme', 'eligible_to_join_by_email_domain'],
        ['globex', 'eligible_to_join_by_email_domain'],
      ],
    );
  });

  it('does not seed in memory unless asked', async () => {
    const api = await setup();
    assert.equal(api.emulator.seedInfo, undefined);
  });

  it('seeds a new data file by default, and not with seed: false', async () => {
    const dir = await tempDir();
    try {
      assert.ok((await setup({ dataFile: join(dir.path, 'a.json') })).emulator.seedInfo);
      assert.equal(
        (await setup({ dataFile: join(dir.path, 'b.json'), seed: false })).emulator.seedInfo,
        undefined,
      );
    } finally {
      await dir.remove();
    }
  });
});
