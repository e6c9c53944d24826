import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  EMAIL_LOGIN,
  SMS_SEND,
  apiRequest,
  json,
  setup,
  stall,
  stallingBody,
  stytchError,
  type Responder,
  SMS_AUTH,
  VALID_BODIES,
} from './support.js';

async function send(responder: Responder, options = {}, path = EMAIL_LOGIN) {
  const { gateway, calls } = setup(options, responder);
  const cookie = '__Host-otp_ist=ist-1';
  const response = await gateway(apiRequest(path, { body: VALID_BODIES[path], cookie }));
  const text = await response.text();
  return { response, body: JSON.parse(text), text, calls };
}

function assertGeneric(body: Record<string, unknown>, status: number, errorType: string) {
  assert.deepEqual(Object.keys(body).sort(), [
    'error_message',
    'error_type',
    'error_url',
    'request_id',
    'status_code',
  ]);
  assert.equal(body.status_code, status);
  assert.equal(body.error_type, errorType);
}

describe('gateway upstream failures', () => {
  it('answers 502 with a generic message when the upstream is unreachable', async () => {
    const secretDetail = 'connect ECONNREFUSED 10.1.2.3:443 secret-test-abc';
    const { response, body, text, calls } = await send(() =>
      Promise.reject(new TypeError(secretDetail)),
    );
    assert.equal(response.status, 502);
    assertGeneric(body, 502, 'upstream_unavailable');
    assert.doesNotMatch(text, /ECONNREFUSED|10\.1\.2\.3|secret/);
    assert.equal(calls.length, 1, 'no automatic retry');
    assert.equal(response.headers.get('content-type'), 'application/json');
    assert.equal(response.headers.get('cache-control'), 'no-store');
  });

  it('answers 504 when the upstream does not answer within timeoutMs', async () => {
    const started = Date.now();
    const { response, body, calls } = await send(stall, { timeoutMs: 50 });
    assert.equal(response.status, 504);
    assertGeneric(body, 504, 'upstream_timeout');
    assert.ok(Date.now() - started < 5000);
    assert.equal(calls.length, 1, 'no automatic retry');
    assert.equal(calls[0].signal?.aborted, true, 'the upstream request is aborted');
  });

  it('answers 504 when the upstream body stalls after the headers', async () => {
    const started = Date.now();
    const { response, body } = await send(stallingBody, { timeoutMs: 50 });
    assert.ok(Date.now() - started < 5000);
    assert.equal(response.status, 504);
    assertGeneric(body, 504, 'upstream_timeout');
  });

  it('does not follow redirects', async () => {
    for (const status of [301, 302, 307, 308]) {
      const { response, body, calls } = await send((call) => {
        assert.equal(call.redirect, 'manual');
        return new Response(null, { status, headers: { location: 'https://evil.example/' } });
      });
      assert.equal(response.status, 502, String(status));
      assertGeneric(body, 502, 'upstream_unavailable');
      assert.equal(response.headers.get('location'), null);
      assert.equal(calls.length, 1);
    }
  });

  it('answers 502 for an opaque redirect (browser-style fetch)', async () => {
    const opaque = Response.error();
    const { response } = await send(() => opaque);
    assert.equal(response.status, 502);
  });

  it('answers 502 for upstream 5xx, non-JSON or non-object bodies', async () => {
    const cases: Responder[] = [
      () =>
        new Response('<html>bad gateway</html>', {
          status: 502,
          headers: { 'content-type': 'text/html' },
        }),
      () => new Response('{"ok":true}', { status: 200, headers: { 'content-type': 'text/plain' } }),
      () =>
        new Response('{"ok":', { status: 200, headers: { 'content-type': 'application/json' } }),
      () => json(200, [1, 2]),
      () => new Response('{}', { status: 200 }),
      () => json(500, stytchError(500, 'internal_server_error')),
      () => json(503, stytchError(503, 'service_unavailable')),
    ];
    for (const responder of cases) {
      const { response, body } = await send(responder);
      assert.equal(response.status, 502);
      assertGeneric(body, 502, 'upstream_unavailable');
    }
  });

  it('passes upstream JSON errors through with their status (sms/authenticate)', async () => {
    for (const [status, type] of [
      [400, 'invalid_email'],
      [401, 'unable_to_auth_otp_code'],
      [404, 'otp_code_not_found'],
    ] as const) {
      const error = stytchError(status, type);
      const { response, body, calls } = await send(() => json(status, error), {}, SMS_AUTH);
      assert.equal(response.status, status);
      assert.deepEqual(body, error);
      assert.equal(calls.length, 1, 'no automatic retry');
    }
  });

  it('passes 429 and a valid Retry-After through', async () => {
    const date = new Date(Date.now() + 30_000).toUTCString();
    for (const retryAfter of ['30', date]) {
      const error = stytchError(429, 'too_many_requests');
      const { response, body, calls } = await send(
        () => json(429, error, { 'retry-after': retryAfter }),
        {},
        SMS_SEND,
      );
      assert.equal(response.status, 429);
      assert.equal(response.headers.get('retry-after'), retryAfter);
      assert.deepEqual(body, error);
      assert.equal(calls.length, 1, 'no automatic retry');
    }
  });

  it('drops a garbage Retry-After', async () => {
    for (const retryAfter of [
      'soon',
      '-5',
      '1e3',
      '30; drop table',
      'Tue, 99 Foo 2020 00:00:00 GMT',
    ]) {
      const { response } = await send(() =>
        json(429, stytchError(429, 'too_many_requests'), { 'retry-after': retryAfter }),
      );
      assert.equal(response.status, 429);
      assert.equal(response.headers.get('retry-after'), null, retryAfter);
    }
  });

  it('answers a non-JSON 429 in Stytch shape, keeping Retry-After', async () => {
    const { response, body } = await send(
      () => new Response('slow down', { status: 429, headers: { 'retry-after': '12' } }),
    );
    assert.equal(response.status, 429);
    assert.equal(response.headers.get('retry-after'), '12');
    assertGeneric(body, 429, 'too_many_requests');
  });

  it('answers 502 when the injected fetch throws synchronously', async () => {
    const { response, body } = await send(() => {
      throw new Error('boom');
    });
    assert.equal(response.status, 502);
    assertGeneric(body, 502, 'upstream_unavailable');
  });
});

describe('gateway onError', () => {
  it('receives unexpected failures with the request; the browser gets a generic 500', async () => {
    const reported: [unknown, Request][] = [];
    const bug = new Error('bug in the host');
    const { gateway, calls } = setup({
      allowedOrigins: () => {
        throw bug;
      },
      onError: (error, request) => reported.push([error, request]),
    });
    const request = apiRequest(EMAIL_LOGIN, {
      body: VALID_BODIES[EMAIL_LOGIN],
      headers: { origin: 'https://login.example.com', 'sec-fetch-site': 'same-site' },
    });
    const response = await gateway(request);
    assert.equal(response.status, 500);
    const body = await response.json();
    assertGeneric(body, 500, 'internal_server_error');
    assert.doesNotMatch(JSON.stringify(body), /bug in the host/);
    assert.deepEqual(reported, [[bug, request]]);
    assert.equal(calls.length, 0);
  });

  it('receives upstream failures with their cause', async () => {
    const reported: unknown[] = [];
    const refused = new TypeError('connect ECONNREFUSED');
    const { gateway } = setup({ onError: (error) => reported.push(error) }, () =>
      Promise.reject(refused),
    );
    const response = await gateway(apiRequest(EMAIL_LOGIN, { body: VALID_BODIES[EMAIL_LOGIN] }));
    assert.equal(response.status, 502);
    assert.equal(reported.length, 1);
    assert.equal((reported[0] as Error & { cause: unknown }).cause, refused);
  });

  it('is not called for input errors, and a throwing onError changes nothing', async () => {
    let calls = 0;
    const { gateway } = setup({
      onError: () => {
        calls += 1;
        throw new Error('logger down');
      },
    });
    const bad = await gateway(apiRequest(EMAIL_LOGIN, { body: { organization_id: 1 } }));
    assert.equal(bad.status, 400);
    assert.equal(calls, 0);
    const { gateway: failing } = setup(
      {
        onError: () => {
          calls += 1;
          throw new Error('logger down');
        },
      },
      () => Promise.reject(new Error('down')),
    );
    const response = await failing(apiRequest(EMAIL_LOGIN, { body: VALID_BODIES[EMAIL_LOGIN] }));
    assert.equal(response.status, 502);
    assert.equal(calls, 1);
  });
});
