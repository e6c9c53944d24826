import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { EMAIL_LOGIN, apiRequest, emailAuthBody, setup } from './support.js';

/** A body streamed in chunks without Content-Length, counting how much the gateway pulled. */
function chunkedBody(chunk: Uint8Array, chunks: number) {
  const stats = { pulled: 0 };
  const stream = new ReadableStream<Uint8Array>({
    pull(controller) {
      if (stats.pulled === chunks) return controller.close();
      stats.pulled += 1;
      controller.enqueue(chunk);
    },
  });
  return { stream, stats };
}

async function errorType(response: Response) {
  return ((await response.json()) as { error_type: string }).error_type;
}

describe('gateway request bodies', () => {
  it('refuses a declared Content-Length over the limit before reading (413)', async () => {
    const { gateway, calls } = setup({ maxBodyBytes: 100 });
    const { stream, stats } = chunkedBody(new Uint8Array(10), 1000);
    const request = apiRequest(EMAIL_LOGIN, {
      rawBody: stream,
      headers: { 'content-length': '101' },
    });
    const response = await gateway(request);
    assert.equal(response.status, 413);
    assert.equal(await errorType(response), 'payload_too_large');
    assert.equal(stats.pulled <= 1, true, `pulled ${stats.pulled} chunks`);
    assert.equal(calls.length, 0);
  });

  it('counts a chunked body without Content-Length and stops at the limit (413)', async () => {
    const { gateway, calls } = setup({ maxBodyBytes: 1000 });
    const { stream, stats } = chunkedBody(new TextEncoder().encode(' '.repeat(100)), 10_000);
    const request = apiRequest(EMAIL_LOGIN, { rawBody: stream });
    assert.equal(request.headers.get('content-length'), null);
    const response = await gateway(request);
    assert.equal(response.status, 413);
    assert.ok(stats.pulled <= 12, `pulled ${stats.pulled} chunks`);
    assert.equal(calls.length, 0);
  });

  it('refuses a body whose Content-Length understates it', async () => {
    const { gateway } = setup({ maxBodyBytes: 64 });
    const big = JSON.stringify({ ...emailAuthBody, padding: 'x'.repeat(200) });
    const { stream } = chunkedBody(new TextEncoder().encode(big), 1);
    const request = apiRequest(EMAIL_LOGIN, {
      rawBody: stream,
      headers: { 'content-length': '10' },
    });
    assert.equal((await gateway(request)).status, 413);
  });

  it('accepts a body of exactly maxBodyBytes', async () => {
    const text = JSON.stringify(emailAuthBody);
    const { gateway, calls } = setup({ maxBodyBytes: Buffer.byteLength(text) });
    assert.equal((await gateway(apiRequest(EMAIL_LOGIN, { rawBody: text }))).status, 200);
    const { gateway: smaller } = setup({ maxBodyBytes: Buffer.byteLength(text) - 1 });
    assert.equal((await smaller(apiRequest(EMAIL_LOGIN, { rawBody: text }))).status, 413);
    assert.equal(calls.length, 1);
  });

  it('uses a 16 KiB limit by default', async () => {
    const { gateway } = setup();
    const justUnder = JSON.stringify({ ...emailAuthBody, x: '' });
    const pad = 16384 - Buffer.byteLength(justUnder);
    const fits = JSON.stringify({ ...emailAuthBody, x: 'a'.repeat(pad) });
    assert.equal(Buffer.byteLength(fits), 16384);
    assert.equal((await gateway(apiRequest(EMAIL_LOGIN, { rawBody: fits }))).status, 200);
    const over = JSON.stringify({ ...emailAuthBody, x: 'a'.repeat(pad + 1) });
    assert.equal((await gateway(apiRequest(EMAIL_LOGIN, { rawBody: over }))).status, 413);
  });

  for (const [label, raw] of [
    ['malformed JSON', '{"organization_id": '],
    ['an empty body', ''],
    ['an array at the root', '[{"organization_id":"o"}]'],
    ['null at the root', 'null'],
    ['a string at the root', '"hello"'],
    ['a number at the root', '123456'],
    ['invalid UTF-8', new Uint8Array([0x7b, 0x22, 0xff, 0x22, 0x3a, 0x31, 0x7d])],
  ] as const) {
    it(`refuses ${label} with a Stytch-shaped 400`, async () => {
      const { gateway, calls } = setup();
      const response = await gateway(apiRequest(EMAIL_LOGIN, { rawBody: raw }));
      assert.equal(response.status, 400);
      const body = await response.json();
      assert.equal(body.status_code, 400);
      assert.equal(body.error_type, 'bad_request');
      assert.match(body.request_id, /^request-id-gateway-/);
      assert.equal(calls.length, 0);
    });
  }

  it('caps the logout body too', async () => {
    const { gateway } = setup({ maxBodyBytes: 10 });
    const response = await gateway(apiRequest('/api/logout', { rawBody: 'x'.repeat(11) }));
    assert.equal(response.status, 413);
  });
});
