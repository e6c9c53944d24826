// Ids and field names from the caller are looked up by own keys only: names of Object.prototype
// members get Stytch's not-found answers, malformed ids Stytch's errors, never a 500 or a built-in.

import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import fc from 'fast-check';
import { assertStytchError, MFA_PHONE, primaryIst, setupOrgs, type TestApi } from './support.js';

const BUILT_INS = [
  '__proto__',
  'constructor',
  'toString',
  'valueOf',
  'hasOwnProperty',
  'isPrototypeOf',
  '__defineGetter__',
  'prototype',
];

/** Every endpoint that takes an organization id, with the body or path it takes it in. */
function organizationCalls(api: TestApi, orgId: string, memberId: string) {
  const org = encodeURIComponent(orgId);
  return [
    () => api.sendEmail(orgId, 'ada@optional.test'),
    () => api.authenticateEmail(orgId, 'ada@optional.test', '123456'),
    () => api.sendSms(orgId, memberId, { mfa_phone_number: MFA_PHONE }),
    () => api.authenticateSms(orgId, memberId, '123456', { session_token: 'x' }),
    () => api.get(`/v1/b2b/organizations/${org}`),
    () => api.put(`/v1/b2b/organizations/${org}`, { organization_name: 'Renamed' }),
    () => api.post(`/v1/b2b/organizations/${org}/members`, { email_address: 'new@optional.test' }),
    () => api.get(`/v1/b2b/organizations/${org}/member?member_id=${memberId}`),
    () => api.get(`/v1/b2b/sessions?organization_id=${org}&member_id=${memberId}`),
  ];
}

/** Every endpoint that takes a member id in a real organization. */
function memberCalls(api: TestApi, orgId: string, memberId: string, ist: string) {
  const member = encodeURIComponent(memberId);
  return [
    () =>
      api.sendSms(orgId, memberId, {
        mfa_phone_number: MFA_PHONE,
        intermediate_session_token: ist,
      }),
    () => api.authenticateSms(orgId, memberId, '123456', { intermediate_session_token: ist }),
    () => api.get(`/v1/b2b/organizations/${orgId}/member?member_id=${member}`),
    () => api.put(`/v1/b2b/organizations/${orgId}/members/${member}`, { name: 'X' }),
    () => api.get(`/v1/b2b/sessions?organization_id=${orgId}&member_id=${member}`),
    () =>
      api.request('DELETE', `/v1/b2b/organizations/${orgId}/members/mfa_phone_numbers/${member}`),
  ];
}

const OK_ERRORS = new Set([
  'organization_not_found',
  'invalid_organization_id',
  'member_not_found',
  'session_not_found',
  'bad_request',
]);

describe('lookups by own keys only', () => {
  for (const name of BUILT_INS) {
    it(`organization_id ${name} is organization_not_found on every endpoint`, async () => {
      const { api, ada } = await setupOrgs();
      for (const call of organizationCalls(api, name, ada.member_id)) {
        const reply = await call();
        assertStytchError(reply, 404, 'organization_not_found');
      }
    });

    it(`member_id ${name} is member_not_found on every endpoint, and no phone is linked`, async () => {
      const { api, required, bob } = await setupOrgs();
      const ist = await primaryIst(api, required.organization_id, 'bob@required.test');
      for (const call of memberCalls(api, required.organization_id, name, ist)) {
        assertStytchError(await call(), 404, 'member_not_found');
      }
      const member = await api.get(
        `/v1/b2b/organizations/${required.organization_id}/member?member_id=${bob.member_id}`,
      );
      assert.equal(member.body.member.mfa_phone_number, '');
      assert.equal(api.emulator.outbox().filter((m) => m.channel === 'sms').length, 0);
    });
  }

  it('refuses organization ids that can be no id, slug or external id with invalid_organization_id', async () => {
    const { api } = await setupOrgs();
    for (const id of ['a b', '../etc', 'ünïcode', 'a'.repeat(129), 'a/b', 'a\u0000b']) {
      assertStytchError(
        await api.sendEmail(id, 'ada@optional.test'),
        400,
        'invalid_organization_id',
      );
    }
  });

  it('takes organization_id from the path, not from a query parameter of the same name', async () => {
    const { api, optional, required, ada } = await setupOrgs();
    const reply = await api.get(
      `/v1/b2b/organizations/${optional.organization_id}/member?organization_id=${required.organization_id}&member_id=${ada.member_id}`,
    );
    assert.equal(reply.status, 200, JSON.stringify(reply.body));
    assert.equal(reply.body.organization.organization_id, optional.organization_id);
  });

  it('answers member ids of another organization with member_not_found', async () => {
    const { api, optional, bob } = await setupOrgs();
    assertStytchError(
      await api.get(
        `/v1/b2b/organizations/${optional.organization_id}/member?member_id=${bob.member_id}`,
      ),
      404,
      'member_not_found',
    );
  });

  it('property: any string as organization_id or member_id gets a 4xx Stytch error, never a 5xx', async () => {
    const { api, optional } = await setupOrgs();
    const ids = fc.oneof(
      fc.constantFrom(...BUILT_INS),
      fc.string({ maxLength: 140 }),
      fc.string({ unit: 'grapheme', maxLength: 20 }),
      fc.uuid().map((uuid) => `member-test-${uuid}`),
      fc.uuid().map((uuid) => `organization-test-${uuid}`),
    );
    await fc.assert(
      fc.asyncProperty(ids, fc.boolean(), async (id, asOrganization) => {
        const reply = asOrganization
          ? await api.sendEmail(id, 'ada@optional.test')
          : await api.sendSms(optional.organization_id, id, { session_token: 'unknown' });
        assert.ok(reply.status >= 400 && reply.status < 500, `${id} → ${reply.status}`);
        assert.ok(OK_ERRORS.has(reply.body.error_type), `${id} → ${reply.body.error_type}`);
      }),
      { numRuns: 300 },
    );
  });

  it('property: any field names and values in a body never give a 5xx or touch Object.prototype', async () => {
    const { api, optional, ada } = await setupOrgs();
    const routes = [
      '/v1/b2b/otps/email/login_or_signup',
      '/v1/b2b/otps/email/authenticate',
      '/v1/b2b/otps/sms/send',
      '/v1/b2b/otps/sms/authenticate',
      '/v1/b2b/sessions/authenticate',
      '/v1/b2b/sessions/revoke',
      '/v1/b2b/sessions/exchange',
      '/v1/b2b/otps/email/discovery/send',
      '/v1/b2b/otps/email/discovery/authenticate',
      '/v1/b2b/discovery/organizations',
      '/v1/b2b/discovery/intermediate_sessions/exchange',
      '/v1/b2b/discovery/organizations/create',
      '/v1/b2b/organizations',
      `/v1/b2b/organizations/${optional.organization_id}/members`,
      `/v1/b2b/organizations/${optional.organization_id}/members/${ada.member_id}`,
    ];
    const names = fc.oneof(
      fc.constantFrom(...BUILT_INS),
      fc.constantFrom(
        'organization_id',
        'member_id',
        'email_address',
        'code',
        'session_custom_claims',
        'trusted_metadata',
        'external_id',
        'organization_external_id',
        'mfa_phone_number',
        'intermediate_session_token',
        'organization_slug',
      ),
      fc.string({ maxLength: 12 }),
    );
    const values = fc.oneof(
      fc.jsonValue({ maxDepth: 3 }),
      fc.constantFrom(...BUILT_INS),
      fc.constant(optional.organization_id),
      fc.constant(ada.member_id),
      fc.dictionary(fc.constantFrom(...BUILT_INS), fc.jsonValue({ maxDepth: 1 })),
    );
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...routes),
        fc.array(fc.tuple(names, values), { maxLength: 6 }),
        async (route, fields) => {
          // Built as JSON text so "__proto__" arrives as a plain key, as it does over HTTP.
          const raw = `{${fields.map(([k, v]) => `${JSON.stringify(k)}:${JSON.stringify(v)}`).join(',')}}`;
          const method = route.endsWith(ada.member_id) ? 'PUT' : 'POST';
          const reply = await api.request(method, route, undefined, {
            raw,
            headers: { 'content-type': 'application/json' },
          });
          assert.ok(
            reply.status < 500,
            `${route} ${raw} → ${reply.status} ${JSON.stringify(reply.body)}`,
          );
          assert.equal(({} as Record<string, unknown>).admin, undefined);
          assert.equal(Object.getPrototypeOf({}), Object.prototype);
        },
      ),
      { numRuns: 400 },
    );
  });
});
