// The user-lock mirror counts per organization id; slugs and external ids are resolved upstream.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { EMAIL_AUTH, apiRequest, json, setup, stytchError } from './support.js';

const ID = 'organization-test-11111111-2222-4333-8444-555555555555';

function gatewayOverOrganizations() {
  return setup({}, (call) => {
    if (call.method === 'GET' && call.url.endsWith('/v1/b2b/organizations/acme')) {
      return json(200, {
        request_id: 'r',
        status_code: 200,
        organization: { organization_id: ID },
      });
    }
    if (call.method === 'GET') return json(404, stytchError(404, 'organization_not_found'));
    return json(404, stytchError(404, 'otp_code_not_found'));
  });
}

const wrongCodeFor = (organization: string) =>
  apiRequest(EMAIL_AUTH, {
    body: { organization_id: organization, email_address: 'ada@example.com', code: '000000' },
  });

describe('organization names for the user-lock mirror', () => {
  it('asks the upstream once for a slug, never for an id or a dot segment', async () => {
    const { gateway, calls } = gatewayOverOrganizations();
    for (const organization of ['acme', 'acme', ID, '..', '.', 'unknown-slug']) {
      assert.equal((await gateway(wrongCodeFor(organization))).status, 404, organization);
    }
    const lookups = calls.filter((call) => call.method === 'GET').map((call) => call.url);
    assert.deepEqual(lookups, [
      'https://upstream.example.test/v1/b2b/organizations/acme',
      'https://upstream.example.test/v1/b2b/organizations/unknown-slug',
    ]);
    assert.equal(calls.filter((call) => call.method === 'POST').length, 6);
  });

  it('locks the organization however it is named: five wrong codes by id, five by slug', async () => {
    const { gateway } = gatewayOverOrganizations();
    const statuses = [];
    for (let i = 0; i < 10; i++) {
      statuses.push((await gateway(wrongCodeFor(i < 5 ? ID : 'acme'))).status);
    }
    assert.deepEqual(statuses, [...Array<number>(9).fill(404), 429]);
  });
});
