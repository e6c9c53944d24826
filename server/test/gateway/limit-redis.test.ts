// The Redis store against a real redis-server (started here, on a free port, no persistence):
// two gateway instances sharing one Redis share their counts and the user-lock mirror. No
// redis-server is a failure.
import assert from 'node:assert/strict';
import { once } from 'node:events';
import { after, before, describe, it } from 'node:test';
import { Redis } from 'ioredis';
import { RedisStore } from '../../src/gateway/limit/redis.js';
import { startRedisServer, type RedisServer } from '../redis/redis-server.js';
import { nodePlatform, statusCounts } from './limit-support.js';
import {
  EMAIL_AUTH,
  EMAIL_LOGIN,
  apiRequest,
  emailAuthBody,
  json,
  setup,
  stytchError,
} from './support.js';

describe('RedisStore with a real redis-server', () => {
  let server: RedisServer;
  const clients: Redis[] = [];

  before(async () => {
    server = await startRedisServer();
  });

  after(async () => {
    for (const client of clients) client.disconnect();
    await server?.stop();
  });

  /** A connected client: the store fails fast (and the gateway counts locally) until it is ready. */
  async function connect(): Promise<Redis> {
    const client = new Redis(server.url, { maxRetriesPerRequest: 1 });
    clients.push(client);
    await client.ping();
    return client;
  }

  /** A gateway instance with its own Redis connection, as a second process would have. */
  async function instance(keyPrefix: string) {
    const client = await connect();
    const { gateway, calls } = setup({
      rateLimits: { store: new RedisStore({ client, keyPrefix }) },
    });
    const send = (email: string, address: string) =>
      gateway(
        apiRequest(EMAIL_LOGIN, {
          body: { organization_id: 'organization-test-1', email_address: email },
        }),
        nodePlatform(address),
      );
    return { send, calls };
  }

  it('counts hits atomically in fixed windows', async () => {
    const store = new RedisStore({ client: await connect(), keyPrefix: 'unit' });
    const counts = await Promise.all(Array.from({ length: 50 }, () => store.hit('k', 10)));
    assert.deepEqual(
      counts.map((c) => c.count).sort((a, b) => a - b),
      Array.from({ length: 50 }, (_, i) => i + 1),
    );
    for (const { resetInMs } of counts)
      assert.ok(resetInMs > 0 && resetInMs <= 10_000, String(resetInMs));
    assert.equal((await store.hit('other', 10)).count, 1);
  });

  it('reads a window without opening one, and deletes a key', async () => {
    const store = new RedisStore({ client: await connect(), keyPrefix: 'read' });
    assert.equal(await store.get('k'), undefined);
    assert.equal(await store.get('k'), undefined, 'get opens no window');
    await store.hit('k', 10);
    await store.hit('k', 10);
    const read = await store.get('k');
    assert.equal(read?.count, 2);
    assert.ok(read.resetInMs > 0 && read.resetInMs <= 10_000, String(read.resetInMs));
    assert.equal((await store.get('k'))?.count, 2, 'get counts nothing');
    await store.delete('k');
    assert.equal(await store.get('k'), undefined);
    assert.equal((await store.hit('k', 10)).count, 1);
    await store.delete('never-hit');
  });

  it('shares the user-lock mirror between two gateway instances: the 10th wrong code over both locks', async () => {
    const wrong = () => json(404, stytchError(404, 'otp_code_not_found'));
    const [a, b] = await Promise.all(
      ['lock', 'lock'].map(async (keyPrefix) => {
        const store = new RedisStore({ client: await connect(), keyPrefix });
        // No per-identifier limit, so that the answers after the 10th are the lock's.
        return setup({ rateLimits: { store, perIdentifier: { authenticate: [] } } }, wrong);
      }),
    );
    const answers = [];
    for (let i = 0; i < 12; i++) {
      const response = await (i % 2 ? a : b).gateway(
        apiRequest(EMAIL_AUTH, { body: emailAuthBody }),
        nodePlatform(`198.51.100.${i}`),
      );
      answers.push(response.status);
      if (i === 9) assert.equal(response.headers.get('retry-after'), '3600');
      if (i === 11) {
        const wait = Number(response.headers.get('retry-after'));
        assert.ok(wait > 3590 && wait <= 3600, `Retry-After ${wait}`);
      }
    }
    assert.deepEqual(answers, [404, 404, 404, 404, 404, 404, 404, 404, 404, 429, 429, 429]);
    assert.equal(a.calls.length + b.calls.length, 10, 'locked: not forwarded');
  });

  it('shares counts between two gateway instances: a burst spread over both still stops at 30', async () => {
    const a = await instance('shared');
    const b = await instance('shared');
    const responses = Array.from({ length: 60 }, (_, i) =>
      (i % 2 ? a : b).send(`u${i}@example.com`, '203.0.113.7'),
    );
    assert.deepEqual(await statusCounts(responses), { 200: 30, 429: 30 });
    assert.equal(a.calls.length + b.calls.length, 30);
    const refused = await a.send('late@example.com', '203.0.113.7');
    assert.equal(refused.status, 429);
    const wait = Number(refused.headers.get('retry-after'));
    assert.ok(wait >= 1 && wait <= 10, `Retry-After ${wait}`);
  });

  it('shares per-identifier counts too: five sends to one inbox over both instances, then 429', async () => {
    const a = await instance('identifier');
    const b = await instance('identifier');
    const statuses = [];
    for (let i = 0; i < 6; i++) {
      statuses.push((await (i % 2 ? a : b).send('ada@example.com', `198.51.100.${i}`)).status);
    }
    assert.deepEqual(statuses, [200, 200, 200, 200, 200, 429]);
  });

  it('keeps no email address or client address in Redis keys', async () => {
    const keys = await (await connect()).keys('*');
    assert.ok(keys.length > 0);
    for (const key of keys) assert.doesNotMatch(key, /example\.com|203\.0\.113|198\.51\.100/);
  });

  it('without the shared store, each instance counts alone (what the Redis store prevents)', async () => {
    const a = setup();
    const b = setup();
    const responses = Array.from({ length: 60 }, (_, i) =>
      (i % 2 ? a : b).gateway(
        apiRequest(EMAIL_LOGIN, {
          body: { organization_id: 'organization-test-1', email_address: `m${i}@example.com` },
        }),
        nodePlatform('203.0.113.8'),
      ),
    );
    assert.deepEqual(await statusCounts(responses), { 200: 60 });
  });
});

describe('RedisStore when Redis is gone', () => {
  it('fails fast, and the gateway limits in its own memory meanwhile', async () => {
    const server = await startRedisServer();
    const client = new Redis(server.url, { maxRetriesPerRequest: 0 });
    await client.ping();
    const closed = once(client, 'close');
    await server.stop();
    await closed;
    try {
      const store = new RedisStore({ client });
      await assert.rejects(store.hit('k', 10));
      await assert.rejects(store.get('k'));
      const { gateway } = setup({ rateLimits: { store } });
      const responses = Array.from({ length: 31 }, (_, i) =>
        gateway(
          apiRequest(EMAIL_LOGIN, {
            body: { organization_id: 'organization-test-1', email_address: `g${i}@example.com` },
          }),
          nodePlatform('203.0.113.9'),
        ),
      );
      assert.deepEqual(await statusCounts(responses), { 200: 30, 429: 1 });
    } finally {
      client.disconnect();
    }
  });
});
