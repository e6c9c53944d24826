// Gateway faults against a real fake upstream on loopback (real sockets, the platform fetch): the
// checklist's refused, stalled, 500, 429 with seconds and HTTP-date, redirect and non-JSON cases.
import assert from 'node:assert/strict';
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, it } from 'node:test';
import { createGateway } from '../../src/gateway/index.js';
import { EMAIL_LOGIN, PROJECT_ID, SECRET, VALID_BODIES, apiRequest } from './support.js';

type Behaviour = (req: IncomingMessage, res: ServerResponse) => void;

const stytchJson = (res: ServerResponse, status: number, body: object, headers = {}) => {
  res.writeHead(status, { 'content-type': 'application/json', ...headers });
  res.end(JSON.stringify(body));
};
const error = (status: number, type: string) => ({
  status_code: status,
  request_id: 'request-id-test-upstream',
  error_type: type,
  error_message: `upstream ${type}`,
  error_url: `https://stytch.com/docs/api/errors/${status}`,
});

const HTTP_DATE = 'Wed, 02 Dec 2026 00:00:00 GMT';
const BEHAVIOURS: Record<string, Behaviour> = {
  ok: (_req, res) => stytchJson(res, 200, { request_id: 'r', status_code: 200 }),
  stall: () => undefined,
  error500: (_req, res) => stytchJson(res, 500, error(500, 'internal_server_error')),
  limitSeconds: (_req, res) =>
    stytchJson(res, 429, error(429, 'too_many_requests'), { 'retry-after': '17' }),
  limitDate: (_req, res) =>
    stytchJson(res, 429, error(429, 'too_many_requests'), { 'retry-after': HTTP_DATE }),
  limitPlain: (_req, res) => {
    res.writeHead(429, { 'content-type': 'text/plain', 'retry-after': '5' });
    res.end('slow down');
  },
  redirect: (_req, res) => {
    res.writeHead(307, { location: '/v1/b2b/otps/email/redirected' });
    res.end();
  },
  html: (_req, res) => {
    res.writeHead(200, { 'content-type': 'text/html' });
    res.end('<html>maintenance</html>');
  },
  truncated: (_req, res) => {
    res.writeHead(200, { 'content-type': 'application/json', 'content-length': '100' });
    res.write('{"request_id":', () => res.destroy());
  },
};

describe('gateway faults over real sockets', () => {
  const hits: string[] = [];
  const stalled: ServerResponse[] = [];
  let behaviour: Behaviour = BEHAVIOURS.ok;
  const server = createServer((req, res) => {
    hits.push(req.url ?? '');
    req.resume();
    if (behaviour === BEHAVIOURS.stall) stalled.push(res);
    behaviour(req, res);
  });
  let base = '';

  before(async () => {
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  });
  after(async () => {
    for (const res of stalled) res.destroy();
    server.closeAllConnections();
    await new Promise((resolve) => server.close(resolve));
  });

  async function call(name: string, upstream = base, timeoutMs = 10_000) {
    behaviour = BEHAVIOURS[name];
    hits.length = 0;
    const reported: unknown[] = [];
    const gateway = createGateway({
      projectId: PROJECT_ID,
      secret: SECRET,
      upstream,
      timeoutMs,
      onError: (e) => reported.push(e),
    });
    const response = await gateway(apiRequest(EMAIL_LOGIN, { body: VALID_BODIES[EMAIL_LOGIN] }));
    const text = await response.text();
    return { response, body: JSON.parse(text), text, reported, hits: [...hits] };
  }

  it('connection refused → 502, generic, reported', async () => {
    const closed = createServer();
    await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
    const port = (closed.address() as AddressInfo).port;
    await new Promise((resolve) => closed.close(resolve));
    const { response, body, text, reported } = await call('ok', `http://127.0.0.1:${port}`);
    assert.equal(response.status, 502);
    assert.equal(body.error_type, 'upstream_unavailable');
    assert.doesNotMatch(text, /ECONNREFUSED|127\.0\.0\.1/);
    assert.equal(reported.length, 1);
  });

  it('stalled upstream → 504 after timeoutMs, one attempt', async () => {
    const { response, body, hits: seen } = await call('stall', base, 300);
    assert.equal(response.status, 504);
    assert.equal(body.error_type, 'upstream_timeout');
    assert.equal(seen.length, 1);
  });

  it('upstream 500 → 502 with a generic message', async () => {
    const { response, body } = await call('error500');
    assert.equal(response.status, 502);
    assert.equal(body.error_type, 'upstream_unavailable');
    assert.doesNotMatch(body.error_message, /upstream internal/);
  });

  it('429 with Retry-After in seconds passes through', async () => {
    const { response, body } = await call('limitSeconds');
    assert.equal(response.status, 429);
    assert.equal(response.headers.get('retry-after'), '17');
    assert.equal(body.error_type, 'too_many_requests');
  });

  it('429 with Retry-After as an HTTP date passes through', async () => {
    const { response } = await call('limitDate');
    assert.equal(response.status, 429);
    assert.equal(response.headers.get('retry-after'), HTTP_DATE);
  });

  it('429 without JSON becomes Stytch-shaped, keeping Retry-After', async () => {
    const { response, body } = await call('limitPlain');
    assert.equal(response.status, 429);
    assert.equal(response.headers.get('retry-after'), '5');
    assert.equal(body.error_type, 'too_many_requests');
  });

  it('a redirect is not followed → 502', async () => {
    const { response, hits: seen } = await call('redirect');
    assert.equal(response.status, 502);
    assert.equal(response.headers.get('location'), null);
    assert.deepEqual(seen, ['/v1/b2b/otps/email/login_or_signup']);
  });

  it('non-JSON → 502; a truncated JSON body → 502', async () => {
    for (const name of ['html', 'truncated']) {
      const { response, body } = await call(name);
      assert.equal(response.status, 502, name);
      assert.equal(body.error_type, 'upstream_unavailable', name);
    }
  });
});
