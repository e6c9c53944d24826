// Abuse limits through the gateway, as a browser sees them: 429 with Retry-After in Stytch's error
// shape, per client address and per email address, with an injected clock (no waiting).
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { DEFAULT_RATE_LIMITS } from '../../src/gateway/limit/index.js';
import { stytchErrorBody } from '../../src/shared/errors.js';
import { limitedGateway, statusCounts } from './limit-support.js';
import { EMAIL_LOGIN, apiRequest, setup } from './support.js';

const CLIENT = '203.0.113.7';

describe('abuse limits per client address', () => {
  it('stops a burst of 300 sends from one client: 30 go through, the rest get 429', async () => {
    const { send, calls } = limitedGateway();
    const responses = Array.from({ length: 300 }, (_, i) => send(`user${i}@example.com`, CLIENT));
    assert.deepEqual(await statusCounts(responses), { 200: 30, 429: 270 });
    assert.equal(calls.length, 30, 'refused sends never reach Stytch');
  });

  it('answers 429 in Stytch’s error shape with Retry-After in seconds until the window ends', async () => {
    const { send, clock } = limitedGateway();
    for (let i = 0; i < 30; i++)
      assert.equal((await send(`u${i}@example.com`, CLIENT)).status, 200);
    clock.advance(4);
    const refused = await send('one-more@example.com', CLIENT);
    assert.equal(refused.status, 429);
    assert.equal(refused.headers.get('retry-after'), '6');
    assert.match(refused.headers.get('content-type') ?? '', /^application\/json/);
    const body = await refused.json();
    const stytchKeys = Object.keys(stytchErrorBody(429, 'type', 'message', 'request-id'));
    assert.deepEqual(Object.keys(body).sort(), stytchKeys.sort());
    assert.equal(body.status_code, 429);
    assert.equal(body.error_type, 'too_many_requests');
    assert.match(body.request_id, /^request-id-/);
  });

  it('lets the client in again once the window has passed', async () => {
    const { send, clock } = limitedGateway();
    for (let i = 0; i < 31; i++) await send(`u${i}@example.com`, CLIENT);
    assert.equal((await send('late@example.com', CLIENT)).status, 429);
    clock.advance(10);
    assert.equal((await send('later@example.com', CLIENT)).status, 200);
  });

  it('lets three dozen logins a minute through from one address, as an end-to-end suite runs them', async () => {
    const { send, authenticate, clock } = limitedGateway();
    for (let minute = 0; minute < 3; minute++) {
      for (let login = 0; login < 36; login++) {
        const email = `e2e-${minute}-${login}@example.com`;
        assert.equal((await send(email, '127.0.0.1')).status, 200, `send ${minute}:${login}`);
        clock.advance(0.5);
        // A wrong code first, then the right one.
        assert.equal((await authenticate(email, '127.0.0.1', '000000')).status, 200);
        assert.equal((await authenticate(email, '127.0.0.1')).status, 200);
        clock.advance(60 / 36 - 0.5);
      }
    }
  });

  it('counts other clients separately', async () => {
    const { send } = limitedGateway();
    for (let i = 0; i < 31; i++) await send(`u${i}@example.com`, CLIENT);
    assert.equal((await send('x@example.com', CLIENT)).status, 429);
    assert.equal((await send('x@example.com', '198.51.100.1')).status, 200);
  });

  it('limits authenticates per client too', async () => {
    const { authenticate } = limitedGateway();
    const responses = Array.from({ length: 40 }, (_, i) =>
      authenticate(`member${i}@example.com`, CLIENT, '000000'),
    );
    assert.deepEqual(await statusCounts(responses), { 200: 30, 429: 10 });
  });

  it('counts requests without a known client address in one shared bucket', async () => {
    const { gateway } = setup();
    const responses = Array.from({ length: 31 }, (_, i) =>
      gateway(
        apiRequest(EMAIL_LOGIN, {
          body: { organization_id: 'organization-test-1', email_address: `n${i}@example.com` },
        }),
      ),
    );
    assert.deepEqual(await statusCounts(responses), { 200: 30, 429: 1 });
  });

  it('can be turned off', async () => {
    const { gateway } = setup({ rateLimits: false });
    const responses = Array.from({ length: 60 }, () =>
      gateway(
        apiRequest(EMAIL_LOGIN, {
          body: { organization_id: 'organization-test-1', email_address: 'same@example.com' },
        }),
      ),
    );
    assert.deepEqual(await statusCounts(responses), { 200: 60 });
  });
});

describe('abuse limits per identifier', () => {
  it('limits sends to one email address whatever client addresses they come from', async () => {
    const { send, calls } = limitedGateway();
    for (let i = 1; i <= 5; i++) {
      assert.equal((await send('ada@example.com', `198.51.100.${i}`)).status, 200);
    }
    const refused = await send('ada@example.com', '198.51.100.6');
    assert.equal(refused.status, 429);
    assert.equal(refused.headers.get('retry-after'), '900');
    assert.equal((await send('grace@example.com', '198.51.100.6')).status, 200);
    assert.equal(calls.length, 6);
  });

  it('counts spellings of one inbox together: case, spaces, +tags', async () => {
    const { send } = limitedGateway();
    const spellings = [
      'ada@example.com',
      'ADA@Example.COM',
      'ada+news@example.com',
      'Ada+1@EXAMPLE.com',
      'ada+x@example.com',
    ];
    for (const [i, email] of spellings.entries()) {
      assert.equal((await send(email, `198.51.100.${i + 1}`)).status, 200, email);
    }
    assert.equal((await send('ada+other@example.com', '198.51.100.9')).status, 429);
  });

  it('keeps a member waiting 15 minutes at most after a stranger uses up their sends', async () => {
    const { send, clock } = limitedGateway();
    for (let i = 0; i < 6; i++) await send('ada@example.com', '192.0.2.66');
    assert.equal((await send('ada@example.com', '198.51.100.20')).status, 429);
    clock.advance(899);
    assert.equal((await send('ada@example.com', '198.51.100.20')).status, 429);
    clock.advance(1);
    assert.equal((await send('ada@example.com', '198.51.100.20')).status, 200);
  });

  it('lets at most 10 codes go to one inbox in any 15 minutes, window ends included', async () => {
    const { send, clock } = limitedGateway();
    const passed: number[] = [];
    for (let second = 0; second < 3600; second += 7) {
      clock.time = Date.UTC(2026, 0, 1) + second * 1000;
      if ((await send('ada@example.com', `198.51.100.${second % 250}`)).status === 200) {
        passed.push(second);
      }
    }
    for (const start of passed) {
      const within = passed.filter((at) => at >= start && at < start + 900).length;
      assert.ok(within <= 10, `${within} sends within 15 minutes from ${start} s`);
    }
    assert.equal(passed.length, 20);
  });

  it('limits authenticates for one email address to 10 a minute from any address', async () => {
    const { authenticate } = limitedGateway();
    for (let i = 1; i <= 10; i++) {
      assert.equal(
        (await authenticate('ada@example.com', `198.51.100.${i}`, '000000')).status,
        200,
      );
    }
    assert.equal((await authenticate('ada@example.com', '198.51.100.11')).status, 429);
  });

  it('takes its rules from the options, each list replacing its default', async () => {
    const { send } = limitedGateway({
      rateLimits: { perIdentifier: { send: [{ limit: 1, windowSeconds: 30 }] } },
    });
    assert.equal((await send('ada@example.com', CLIENT)).status, 200);
    const refused = await send('ada@example.com', CLIENT);
    assert.equal(refused.status, 429);
    assert.equal(refused.headers.get('retry-after'), '30');
    assert.deepEqual(DEFAULT_RATE_LIMITS.perIdentifier.send, [{ limit: 5, windowSeconds: 900 }]);
  });
});
