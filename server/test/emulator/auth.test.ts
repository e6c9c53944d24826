import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { DEFAULT_PROJECT_ID, DEFAULT_SECRET } from '../../src/emulator/index.js';
import { assertStytchError, basicAuth, setup } from './support.js';

describe('HTTP Basic auth (project_id:secret)', () => {
  const cases: [string, string | false][] = [
    ['missing', false],
    ['a wrong secret', basicAuth(DEFAULT_PROJECT_ID, 'secret-test-wrong')],
    ['a wrong project id', basicAuth('project-test-other', DEFAULT_SECRET)],
    ['the secret as project id', basicAuth(DEFAULT_SECRET, DEFAULT_PROJECT_ID)],
    ['no colon', `Basic ${Buffer.from(DEFAULT_PROJECT_ID + DEFAULT_SECRET).toString('base64')}`],
    ['a bearer token', `Bearer ${DEFAULT_SECRET}`],
    ['garbage', 'Basic %%%'],
  ];
  for (const [label, auth] of cases) {
    it(`${label} → 401 unauthorized_credentials, nothing done`, async () => {
      const api = await setup({ seed: true });
      const org = api.emulator.seedInfo!.organizations[0]!;
      const reply = await api.post(
        '/v1/b2b/otps/email/login_or_signup',
        { organization_id: org.organization_id, email_address: 'ada@example.com' },
        { auth },
      );
      assertStytchError(reply, 401, 'unauthorized_credentials');
      assert.equal(api.emulator.outbox().length, 0);
      assertStytchError(
        await api.get(`/v1/b2b/organizations/${org.organization_id}`, { auth }),
        401,
        'unauthorized_credentials',
      );
    });
  }

  it('accepts the configured project id and secret', async () => {
    const api = await setup({
      projectId: 'project-test-custom',
      secret: 'secret-test-custom',
      seed: true,
    });
    const org = api.emulator.seedInfo!.organizations[0]!;
    const reply = await api.get(`/v1/b2b/organizations/${org.organization_id}`, {
      auth: basicAuth('project-test-custom', 'secret-test-custom'),
    });
    assert.equal(reply.status, 200);
    assertStytchError(
      await api.get(`/v1/b2b/organizations/${org.organization_id}`, {
        auth: basicAuth(DEFAULT_PROJECT_ID, DEFAULT_SECRET),
      }),
      401,
      'unauthorized_credentials',
    );
  });

  it('defaults to the documented project id and secret', async () => {
    const api = await setup();
    assert.equal(api.emulator.projectId, 'project-test-00000000-0000-4000-8000-000000000000');
    assert.equal(api.emulator.secret, 'secret-test-local');
  });

  it('serves the JWKS and the dev outbox without credentials', async () => {
    const api = await setup();
    assert.equal(
      (await api.get(`/v1/b2b/sessions/jwks/${api.emulator.projectId}`, { auth: false })).status,
      200,
    );
    assert.equal((await api.get('/__dev/outbox', { auth: false })).status, 200);
  });
});
