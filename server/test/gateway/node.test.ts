// The gateway mounted in a real Node HTTP server: raw paths, chunked bodies and Set-Cookie lines
// as they cross the socket.
import { serve, type ServerType } from '@hono/node-server';
import assert from 'node:assert/strict';
import { request as httpRequest } from 'node:http';
import type { AddressInfo } from 'node:net';
import { after, before, describe, it } from 'node:test';
import { createGateway } from '../../src/gateway/index.js';
import { EMAIL_AUTH, emailAuthBody, fakeUpstream, json, sessionBody } from './support.js';

interface RawAnswer {
  status: number;
  headers: Record<string, string | string[] | undefined>;
  body: string;
}

describe('gateway in a Node server', () => {
  const upstream = fakeUpstream(() => json(200, sessionBody()));
  let server: ServerType;
  let port = 0;

  before(async () => {
    const gateway = createGateway({
      projectId: 'project-test-node',
      secret: 'secret',
      upstream: 'https://upstream.invalid',
      fetch: upstream.fetch,
      secureCookies: false,
      maxBodyBytes: 1024,
    });
    await new Promise<void>((resolve) => {
      server = serve({ fetch: gateway, port: 0, hostname: '127.0.0.1' }, (info: AddressInfo) => {
        port = info.port;
        resolve();
      });
    });
  });
  after(() => new Promise<void>((resolve) => server.close(() => resolve())));

  /** Sends `path` byte for byte (no client-side normalisation); `chunks` are sent chunked. */
  function raw(path: string, chunks: string[], headers: Record<string, string> = {}) {
    return new Promise<RawAnswer>((resolve, reject) => {
      const req = httpRequest(
        {
          host: '127.0.0.1',
          port,
          path,
          method: 'POST',
          headers: {
            origin: `http://127.0.0.1:${port}`,
            'content-type': 'application/json',
            'x-otp-auth': '1',
            ...headers,
          },
        },
        (res) => {
          let body = '';
          res.setEncoding('utf8');
          res.on('data', (chunk: string) => (body += chunk));
          res.on('end', () => resolve({ status: res.statusCode ?? 0, headers: res.headers, body }));
        },
      );
      req.on('error', reject);
      for (const chunk of chunks) req.write(chunk);
      req.end();
    });
  }

  it('serves a login and sends each cookie as its own Set-Cookie line', async () => {
    const answer = await raw(EMAIL_AUTH, [JSON.stringify(emailAuthBody)]);
    assert.equal(answer.status, 200);
    const cookies = answer.headers['set-cookie'] ?? [];
    assert.deepEqual(
      (cookies as string[]).map((line) => line.split('=')[0]),
      ['otp_session', 'otp_session_jwt', 'otp_ist'],
    );
    assert.equal(JSON.parse(answer.body).session_token, undefined);
  });

  it('refuses raw traversal and double-slash paths', async () => {
    const before = upstream.calls.length;
    for (const path of [
      '/api/v1/b2b/otps/sms/../../sessions/revoke',
      '/api/v1/b2b/otps/%2e%2e/%2e%2e/sessions/revoke',
      '/api//v1/b2b/otps/email/authenticate',
      '/api/v1/b2b/otps/email%2fauthenticate',
    ]) {
      const answer = await raw(path, ['{}']);
      assert.equal(answer.status, 404, path);
      assert.equal(JSON.parse(answer.body).error_type, 'route_not_found');
    }
    assert.equal(upstream.calls.length, before);
  });

  it('caps a chunked body sent over the socket', async () => {
    const before = upstream.calls.length;
    const chunks = Array.from({ length: 20 }, () => ' '.repeat(100));
    const answer = await raw(EMAIL_AUTH, chunks, { 'transfer-encoding': 'chunked' });
    assert.equal(answer.status, 413);
    assert.equal(upstream.calls.length, before);
  });
});
