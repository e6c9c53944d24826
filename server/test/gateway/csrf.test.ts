import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { EMAIL_LOGIN, ORIGIN, apiRequest, emailAuthBody, setup } from './support.js';

const body = JSON.stringify(emailAuthBody);

async function assertRefused(response: Response, status: number, errorType: string) {
  assert.equal(response.status, status);
  const json = await response.json();
  assert.equal(json.status_code, status);
  assert.equal(json.error_type, errorType);
  assert.equal(typeof json.request_id, 'string');
  assert.equal(typeof json.error_message, 'string');
}

describe('gateway CSRF defences', () => {
  for (const contentType of [
    'text/plain',
    'text/plain;charset=UTF-8',
    'application/x-www-form-urlencoded',
    'multipart/form-data; boundary=x',
    'application/json-patch+json',
    'application/jsonx',
    'application/json; charset=iso-8859-1',
  ]) {
    it(`refuses Content-Type ${contentType} with 415`, async () => {
      const { gateway, calls } = setup();
      const request = apiRequest(EMAIL_LOGIN, {
        rawBody: body,
        headers: { 'content-type': contentType },
      });
      await assertRefused(await gateway(request), 415, 'invalid_content_type');
      assert.equal(calls.length, 0);
    });
  }

  it('refuses a POST without Content-Type with 415', async () => {
    const { gateway, calls } = setup();
    const request = apiRequest(EMAIL_LOGIN, {
      rawBody: new TextEncoder().encode(body),
      headers: { 'content-type': null },
    });
    assert.equal(request.headers.get('content-type'), null);
    await assertRefused(await gateway(request), 415, 'invalid_content_type');
    assert.equal(calls.length, 0);
  });

  for (const contentType of [
    'application/json',
    'application/json; charset=utf-8',
    'Application/JSON;charset=UTF-8',
  ]) {
    it(`accepts Content-Type ${contentType}`, async () => {
      const { gateway, calls } = setup();
      const request = apiRequest(EMAIL_LOGIN, {
        rawBody: body,
        headers: { 'content-type': contentType },
      });
      assert.equal((await gateway(request)).status, 200);
      assert.equal(calls.length, 1);
    });
  }

  it('refuses requests without the custom header with 403', async () => {
    const { gateway, calls } = setup();
    for (const value of [null, '']) {
      const request = apiRequest(EMAIL_LOGIN, {
        body: emailAuthBody,
        headers: { 'x-otp-auth': value },
      });
      await assertRefused(await gateway(request), 403, 'missing_csrf_header');
    }
    const get = apiRequest('/api/session', { method: 'GET', headers: { 'x-otp-auth': null } });
    await assertRefused(await gateway(get), 403, 'missing_csrf_header');
    assert.equal(calls.length, 0);
  });

  it('honours a custom csrfHeader name', async () => {
    const { gateway } = setup({ csrfHeader: 'X-Requested-With' });
    const without = apiRequest(EMAIL_LOGIN, { body: emailAuthBody });
    await assertRefused(await gateway(without), 403, 'missing_csrf_header');
    const withIt = apiRequest(EMAIL_LOGIN, {
      body: emailAuthBody,
      headers: { 'x-requested-with': 'XMLHttpRequest' },
    });
    assert.equal((await gateway(withIt)).status, 200);
  });

  for (const origin of [
    'https://evil.example',
    'null',
    'http://app.example.com',
    `${ORIGIN}:8443`,
  ]) {
    it(`refuses Origin ${origin} with 403`, async () => {
      const { gateway, calls } = setup();
      const request = apiRequest(EMAIL_LOGIN, {
        body: emailAuthBody,
        headers: { origin, 'sec-fetch-site': null },
      });
      await assertRefused(await gateway(request), 403, 'origin_not_allowed');
      assert.equal(calls.length, 0);
    });
  }

  it('refuses a POST without Origin', async () => {
    const { gateway, calls } = setup();
    const request = apiRequest(EMAIL_LOGIN, { body: emailAuthBody, headers: { origin: null } });
    await assertRefused(await gateway(request), 403, 'origin_not_allowed');
    assert.equal(calls.length, 0);
  });

  it('refuses Sec-Fetch-Site: cross-site even from an allowed origin', async () => {
    const { gateway, calls } = setup({ allowedOrigins: ['https://partner.example'] });
    for (const origin of [ORIGIN, 'https://partner.example']) {
      const request = apiRequest(EMAIL_LOGIN, {
        body: emailAuthBody,
        headers: { origin, 'sec-fetch-site': 'cross-site' },
      });
      await assertRefused(await gateway(request), 403, 'cross_site_request');
    }
    const get = apiRequest('/api/session', {
      method: 'GET',
      headers: { 'sec-fetch-site': 'cross-site' },
    });
    await assertRefused(await gateway(get), 403, 'cross_site_request');
    assert.equal(calls.length, 0);
  });

  it('accepts Sec-Fetch-Site: same-site only from an allowed origin, with CORS headers', async () => {
    const other = 'https://login.example.com';
    const { gateway, calls } = setup({ allowedOrigins: [other] });
    const allowed = apiRequest(EMAIL_LOGIN, {
      body: emailAuthBody,
      headers: { origin: other, 'sec-fetch-site': 'same-site' },
    });
    const response = await gateway(allowed);
    assert.equal(response.status, 200);
    assert.equal(response.headers.get('access-control-allow-origin'), other);
    assert.equal(response.headers.get('access-control-allow-credentials'), 'true');
    assert.equal(response.headers.get('vary'), 'Origin');

    const notAllowed = apiRequest(EMAIL_LOGIN, {
      body: emailAuthBody,
      headers: { origin: 'https://shop.example.com', 'sec-fetch-site': 'same-site' },
    });
    await assertRefused(await gateway(notAllowed), 403, 'origin_not_allowed');
    const noOrigin = apiRequest('/api/session', {
      method: 'GET',
      headers: { 'sec-fetch-site': 'same-site' },
    });
    await assertRefused(await gateway(noOrigin), 403, 'origin_not_allowed');
    assert.equal(calls.length, 1);
  });

  it('gives same-origin requests no CORS headers', async () => {
    const { gateway } = setup();
    const response = await gateway(apiRequest(EMAIL_LOGIN, { body: emailAuthBody }));
    assert.equal(response.status, 200);
    assert.equal(response.headers.get('access-control-allow-origin'), null);
  });

  it('accepts Sec-Fetch-Site none and a missing Sec-Fetch-Site from the own origin', async () => {
    const { gateway, calls } = setup();
    for (const site of ['none', null, 'same-origin']) {
      const request = apiRequest(EMAIL_LOGIN, {
        body: emailAuthBody,
        headers: { 'sec-fetch-site': site },
      });
      assert.equal((await gateway(request)).status, 200, String(site));
    }
    assert.equal(calls.length, 3);
  });

  it('treats the request URL as the own origin (http://localhost too)', async () => {
    const { gateway } = setup();
    const base = 'http://localhost:5173';
    const request = apiRequest(EMAIL_LOGIN, { base, body: emailAuthBody });
    assert.equal((await gateway(request)).status, 200);
  });

  // Next.js rebuilds request.url from its own hostname: a page on http://127.0.0.1:3000 reaches
  // the route handler as http://localhost:3000/... with the browser's Host and Origin intact.
  describe('a framework that rewrites the request URL (Next.js on 127.0.0.1)', () => {
    const nextRequest = (headers: Record<string, string | null>) =>
      apiRequest(EMAIL_LOGIN, {
        base: 'http://localhost:3000',
        body: emailAuthBody,
        headers: { origin: 'http://127.0.0.1:3000', host: '127.0.0.1:3000', ...headers },
      });

    it("accepts the page's own origin by Sec-Fetch-Site: same-origin", async () => {
      const { gateway, calls } = setup();
      const response = await gateway(nextRequest({ 'sec-fetch-site': 'same-origin' }));
      assert.equal(response.status, 200);
      assert.equal(response.headers.get('access-control-allow-origin'), null);
      assert.equal(calls.length, 1);
    });

    it('accepts it by the Host header when the browser sends no Sec-Fetch-Site', async () => {
      const { gateway } = setup();
      assert.equal((await gateway(nextRequest({ 'sec-fetch-site': null }))).status, 200);
    });

    it('still refuses other origins, whatever Host says', async () => {
      const { gateway, calls } = setup();
      for (const headers of [
        { origin: 'http://evil.example:3000', 'sec-fetch-site': null },
        { origin: 'http://127.0.0.1:3001', 'sec-fetch-site': null },
        { origin: 'http://127.0.0.1:3000', 'sec-fetch-site': 'same-site' },
      ]) {
        await assertRefused(await gateway(nextRequest(headers)), 403, 'origin_not_allowed');
      }
      assert.equal(calls.length, 0);
    });
  });

  it('lets a function decide on foreign origins', async () => {
    const seen: string[] = [];
    const allowedOrigins = (origin: string, request: Request) => {
      seen.push(`${origin} ${new URL(request.url).pathname}`);
      return origin.endsWith('.example.com');
    };
    const { gateway, calls } = setup({ allowedOrigins });
    const from = (origin: string) =>
      apiRequest(EMAIL_LOGIN, {
        body: emailAuthBody,
        headers: { origin, 'sec-fetch-site': 'same-site' },
      });
    const ok = await gateway(from('https://login.example.com'));
    assert.equal(ok.status, 200);
    assert.equal(ok.headers.get('access-control-allow-origin'), 'https://login.example.com');
    await assertRefused(await gateway(from('https://example.org')), 403, 'origin_not_allowed');
    assert.deepEqual(seen, [
      `https://login.example.com ${EMAIL_LOGIN}`,
      `https://example.org ${EMAIL_LOGIN}`,
    ]);
    assert.equal(calls.length, 1);
  });

  it('answers preflights from allowed origins only', async () => {
    const other = 'https://login.example.com';
    const { gateway, calls } = setup({ allowedOrigins: [other] });
    const preflight = (origin: string) =>
      gateway(
        new Request(ORIGIN + EMAIL_LOGIN, {
          method: 'OPTIONS',
          headers: {
            origin,
            'sec-fetch-site': 'same-site',
            'access-control-request-method': 'POST',
            'access-control-request-headers': 'content-type,x-otp-auth',
          },
        }),
      );
    const ok = await preflight(other);
    assert.equal(ok.status, 204);
    assert.equal(ok.headers.get('access-control-allow-origin'), other);
    assert.equal(ok.headers.get('access-control-allow-methods'), 'POST');
    assert.equal(
      ok.headers.get('access-control-allow-headers'),
      'content-type, accept, x-otp-auth',
    );
    assert.equal(ok.headers.get('access-control-allow-credentials'), 'true');
    assert.equal((await preflight('https://evil.example')).status, 403);
    assert.equal((await preflight(ORIGIN)).status, 404);
    assert.equal(calls.length, 0);
  });
});
