import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createGateway } from '../../src/gateway/index.js';
import {
  EMAIL_AUTH,
  EMAIL_LOGIN,
  SMS_AUTH,
  SMS_SEND,
  UPSTREAM,
  apiRequest,
  emailAuthBody,
  fakeUpstream,
  json,
  okBody,
  setup,
  VALID_BODIES,
} from './support.js';

const ALLOWED = [
  [EMAIL_LOGIN, '/v1/b2b/otps/email/login_or_signup'],
  [EMAIL_AUTH, '/v1/b2b/otps/email/authenticate'],
  [SMS_SEND, '/v1/b2b/otps/sms/send'],
  [SMS_AUTH, '/v1/b2b/otps/sms/authenticate'],
] as const;

async function assertNotFound(response: Response) {
  assert.equal(response.status, 404);
  assert.equal(response.headers.get('content-type'), 'application/json');
  const body = await response.json();
  assert.deepEqual(Object.keys(body).sort(), [
    'error_message',
    'error_type',
    'error_url',
    'request_id',
    'status_code',
  ]);
  assert.equal(body.status_code, 404);
  assert.equal(body.error_type, 'route_not_found');
}

describe('gateway routing', () => {
  for (const [path, upstreamPath] of ALLOWED) {
    it(`forwards POST ${path} to the upstream's ${upstreamPath}`, async () => {
      const { gateway, calls } = setup();
      const cookie = 'otp_ist=x; __Host-otp_ist=ist-1';
      const response = await gateway(apiRequest(path, { body: VALID_BODIES[path], cookie }));
      assert.equal(response.status, 200);
      assert.equal(calls.length, 1);
      assert.equal(calls[0].url, UPSTREAM + upstreamPath);
      assert.equal(calls[0].method, 'POST');
    });
  }

  it('derives the upstream from the project id', async () => {
    for (const [projectId, host] of [
      ['project-test-abc', 'https://test.stytch.com'],
      ['project-live-abc', 'https://api.stytch.com'],
    ]) {
      const upstream = fakeUpstream();
      const gateway = createGateway({ projectId, secret: 's', fetch: upstream.fetch });
      await gateway(apiRequest(EMAIL_LOGIN, { body: emailAuthBody }));
      assert.equal(upstream.calls[0].url, `${host}/v1/b2b/otps/email/login_or_signup`);
    }
  });

  it('answers with JSON, no-store and nosniff', async () => {
    const { gateway } = setup({}, () =>
      json(200, okBody(), { 'x-upstream-secret': 'leak', 'set-cookie': 'upstream=1' }),
    );
    const response = await gateway(apiRequest(EMAIL_LOGIN, { body: emailAuthBody }));
    assert.equal(response.headers.get('content-type'), 'application/json');
    assert.equal(response.headers.get('cache-control'), 'no-store');
    assert.equal(response.headers.get('x-content-type-options'), 'nosniff');
    assert.equal(response.headers.get('x-upstream-secret'), null);
    assert.deepEqual(response.headers.getSetCookie(), []);
  });

  const offList = [
    '/api/v1/b2b/sessions/revoke',
    '/api/v1/b2b/organizations/organization-test-1',
    '/api/v1/b2b/magic_links/email/discovery/send',
    '/api/v1/b2b/otps/sms/send/',
    '/api/v1/b2b/otps/sms',
    '/api/v1/b2b/otps/sms/send/extra',
    '/api/V1/b2b/otps/sms/send',
    '/v1/b2b/otps/sms/send',
    '/api',
    '/api/',
    '/apiv1/b2b/otps/sms/send',
    '/other/v1/b2b/otps/sms/send',
  ];
  for (const path of offList) {
    it(`refuses ${path} with a Stytch-shaped 404 and no upstream call`, async () => {
      const { gateway, calls } = setup();
      await assertNotFound(await gateway(apiRequest(path, { body: emailAuthBody })));
      assert.equal(calls.length, 0);
    });
  }

  const traversal = [
    '/api/v1/b2b/otps/sms/../../sessions/revoke',
    '/api/v1/b2b/otps/%2e%2e/%2E%2e/sessions/revoke',
    '/api/v1/b2b/otps/sms%2F..%2F..%2Fsessions/revoke',
    '/api/v1/b2b/otps/sms%2fsend',
    '/api/v1/b2b/otps/email/..%2fsms/send',
    '/api/v1/b2b/otps/sms/send%00',
    '/api/v1/b2b/otps/sms/%73end',
    '/api//v1/b2b/otps/sms/send',
    '/api/v1/b2b/otps//sms/send',
    '//api/v1/b2b/otps/sms/send',
    '/api/v1/b2b/otps/sms/./send/.',
  ];
  for (const path of traversal) {
    it(`refuses the traversal or double-slash path ${path}`, async () => {
      const { gateway, calls } = setup();
      await assertNotFound(await gateway(apiRequest(path, { body: emailAuthBody })));
      assert.equal(calls.length, 0);
    });
  }

  it('refuses other methods on allowlisted paths', async () => {
    const { gateway, calls } = setup();
    for (const method of ['GET', 'PUT', 'DELETE', 'PATCH', 'HEAD']) {
      const response = await gateway(apiRequest(SMS_SEND, { method }));
      assert.equal(response.status, 404, method);
    }
    await assertNotFound(await gateway(apiRequest('/api/session', { body: {} })));
    await assertNotFound(await gateway(apiRequest('/api/logout', { method: 'GET' })));
    assert.equal(calls.length, 0);
  });

  it('mounts under a custom basePath and ignores query strings', async () => {
    const { gateway, calls } = setup({ basePath: '/auth/otp/' });
    const path = '/auth/otp/v1/b2b/otps/email/login_or_signup?redirect=https://evil.example';
    const response = await gateway(apiRequest(path, { body: emailAuthBody }));
    assert.equal(response.status, 200);
    assert.equal(calls[0].url, `${UPSTREAM}/v1/b2b/otps/email/login_or_signup`);
    await assertNotFound(await gateway(apiRequest(EMAIL_LOGIN, { body: emailAuthBody })));
  });

  it('mounts at the root with basePath "/"', async () => {
    const { gateway } = setup({ basePath: '/' });
    const response = await gateway(apiRequest('/session', { method: 'GET' }));
    assert.equal(response.status, 401);
  });
});
