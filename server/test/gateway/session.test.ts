import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  BASIC_AUTH,
  UPSTREAM,
  apiRequest,
  findCookie,
  json,
  sessionBody,
  setCookies,
  setup,
  stytchError,
} from './support.js';

const ALL_COOKIES = '__Host-otp_session=st-1; __Host-otp_session_jwt=jwt-1; __Host-otp_ist=ist-1';
const getSession = (cookie?: string) => apiRequest('/api/session', { method: 'GET', cookie });
const postLogout = (cookie?: string) => apiRequest('/api/logout', { cookie });

function expiredNames(response: Response) {
  return setCookies(response)
    .filter((cookie) => cookie.maxAge === 0 && cookie.value === '')
    .map((cookie) => cookie.name);
}

describe('GET {basePath}/session', () => {
  it('answers 401 without calling the upstream when there is no session cookie', async () => {
    const { gateway, calls } = setup();
    const response = await gateway(getSession('__Host-otp_ist=ist-1'));
    assert.equal(response.status, 401);
    const body = await response.json();
    assert.equal(body.status_code, 401);
    assert.equal(body.error_type, 'session_not_found');
    assert.equal(typeof body.error_url, 'string');
    assert.equal(calls.length, 0);
  });

  it('authenticates the session cookie upstream and returns only member data', async () => {
    const upstreamBody = { ...sessionBody(), session_jwt: 'eyJ.refreshed.secret', verdict: {} };
    const { gateway, calls } = setup({}, () => json(200, upstreamBody));
    const response = await gateway(getSession(ALL_COOKIES));
    assert.equal(response.status, 200);
    assert.equal(calls[0].url, `${UPSTREAM}/v1/b2b/sessions/authenticate`);
    assert.equal(calls[0].headers.get('authorization'), BASIC_AUTH);
    assert.deepEqual(calls[0].body, { session_token: 'st-1' });
    const body = await response.json();
    assert.deepEqual(Object.keys(body).sort(), [
      'member',
      'member_session',
      'organization',
      'request_id',
      'status_code',
    ]);
    assert.equal(body.member.member_id, 'member-test-1');
    assert.equal(findCookie(response, '__Host-otp_session_jwt')?.value, 'eyJ.refreshed.secret');
    assert.equal(findCookie(response, '__Host-otp_ist'), undefined);
  });

  it('falls back to the JWT cookie', async () => {
    const { gateway, calls } = setup({}, () => json(200, sessionBody()));
    await gateway(getSession('__Host-otp_session_jwt=jwt-1'));
    assert.deepEqual(calls[0].body, { session_jwt: 'jwt-1' });
  });

  it('includes the tokens with exposeTokens', async () => {
    const { gateway } = setup({ exposeTokens: true }, () => json(200, sessionBody()));
    const body = await (await gateway(getSession(ALL_COOKIES))).json();
    assert.equal(body.session_token, 'st-secret-session');
  });

  for (const [status, errorType] of [
    [404, 'session_not_found'],
    [401, 'session_expired'],
    [400, 'invalid_session_token'],
  ] as const) {
    it(`turns an upstream ${status} ${errorType} into 401 and expires the session cookies`, async () => {
      const { gateway } = setup({}, () =>
        json(status, { ...stytchError(status, errorType), session_token: 'leak' }),
      );
      const response = await gateway(getSession(ALL_COOKIES));
      assert.equal(response.status, 401);
      const body = await response.json();
      assert.equal(body.status_code, 401);
      assert.equal(body.error_type, errorType);
      assert.equal('session_token' in body, false);
      assert.deepEqual(expiredNames(response), ['__Host-otp_session', '__Host-otp_session_jwt']);
    });
  }

  it('keeps the cookies when the upstream fails or rejects the project credentials', async () => {
    for (const [status, errorType, answered] of [
      [500, 'internal_server_error', 502],
      [429, 'too_many_requests', 429],
      [401, 'unauthorized_credentials', 401],
    ] as const) {
      const { gateway } = setup({}, () => json(status, stytchError(status, errorType)));
      const response = await gateway(getSession(ALL_COOKIES));
      assert.equal(response.status, answered);
      assert.deepEqual(response.headers.getSetCookie(), []);
    }
  });
});

describe('POST {basePath}/logout', () => {
  it('revokes the session upstream and expires every cookie', async () => {
    const { gateway, calls } = setup({}, () =>
      json(200, { request_id: 'request-id-revoke', status_code: 200 }),
    );
    const response = await gateway(postLogout(ALL_COOKIES));
    assert.equal(response.status, 200);
    assert.deepEqual(await response.json(), { request_id: 'request-id-revoke', status_code: 200 });
    assert.equal(calls[0].url, `${UPSTREAM}/v1/b2b/sessions/revoke`);
    assert.deepEqual(calls[0].body, { session_token: 'st-1' });
    assert.equal(calls[0].headers.get('authorization'), BASIC_AUTH);
    assert.deepEqual(expiredNames(response), [
      '__Host-otp_session',
      '__Host-otp_session_jwt',
      '__Host-otp_ist',
    ]);
  });

  it('answers 200 without an upstream call when there is no session', async () => {
    const { gateway, calls } = setup();
    const response = await gateway(postLogout());
    assert.equal(response.status, 200);
    const body = await response.json();
    assert.equal(body.status_code, 200);
    assert.match(body.request_id, /^request-id-gateway-/);
    assert.equal(expiredNames(response).length, 3);
    assert.equal(calls.length, 0);
  });

  it('answers 200 when the upstream session is already gone', async () => {
    const { gateway } = setup({}, () => json(404, stytchError(404, 'session_not_found')));
    const response = await gateway(postLogout(ALL_COOKIES));
    assert.equal(response.status, 200);
    assert.equal(expiredNames(response).length, 3);
  });

  it('reports an unreachable upstream but still expires the cookies', async () => {
    const { gateway } = setup({}, () => Promise.reject(new TypeError('fetch failed')));
    const response = await gateway(postLogout(ALL_COOKIES));
    assert.equal(response.status, 502);
    assert.equal((await response.json()).error_type, 'upstream_unavailable');
    assert.equal(expiredNames(response).length, 3);
  });

  it('requires the CSRF defences like every POST', async () => {
    const { gateway, calls } = setup();
    const noHeader = apiRequest('/api/logout', { headers: { 'x-otp-auth': null } });
    assert.equal((await gateway(noHeader)).status, 403);
    const crossSite = apiRequest('/api/logout', {
      headers: { origin: 'https://evil.example', 'sec-fetch-site': 'cross-site' },
    });
    assert.equal((await gateway(crossSite)).status, 403);
    const form = apiRequest('/api/logout', {
      rawBody: 'a=1',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
    });
    assert.equal((await gateway(form)).status, 415);
    assert.equal(calls.length, 0);
  });
});
