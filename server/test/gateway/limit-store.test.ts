// The memory store's fixed windows on an injected clock, its reads and deletes, its bound on keys,
// and what the gateway does when a shared store fails or hangs: it counts in its own memory for
// that request (abuse limits and the user-lock mirror alike).
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { MemoryStore, type LimitStore } from '../../src/gateway/limit/index.js';
import { FakeClock, limitedGateway, statusCounts } from './limit-support.js';
import { EMAIL_AUTH, apiRequest, emailAuthBody, json, setup, stytchError } from './support.js';

describe('MemoryStore', () => {
  it('counts hits in a fixed window and starts again when it closes', async () => {
    const clock = new FakeClock();
    const store = new MemoryStore({ clock });
    assert.deepEqual(await store.hit('k', 10), { count: 1, resetInMs: 10_000 });
    assert.deepEqual(await store.hit('k', 10), { count: 2, resetInMs: 10_000 });
    clock.advance(4);
    assert.deepEqual(await store.hit('k', 10), { count: 3, resetInMs: 6_000 });
    clock.advance(5.999);
    assert.deepEqual(await store.hit('k', 10), { count: 4, resetInMs: 1 });
    clock.advance(0.001);
    assert.deepEqual(await store.hit('k', 10), { count: 1, resetInMs: 10_000 });
  });

  it('keeps keys apart', async () => {
    const store = new MemoryStore({ clock: new FakeClock() });
    await store.hit('a', 10);
    await store.hit('a', 10);
    assert.equal((await store.hit('b', 10)).count, 1);
    assert.equal((await store.hit('a', 10)).count, 3);
  });

  it('holds at most maxKeys keys, dropping expired ones first, then the oldest', async () => {
    const clock = new FakeClock();
    const store = new MemoryStore({ clock, maxKeys: 3 });
    await store.hit('short', 1);
    await store.hit('old', 60);
    await store.hit('kept', 60);
    clock.advance(2);
    await store.hit('new', 60);
    assert.equal(store.size, 3);
    assert.equal((await store.hit('old', 60)).count, 2, 'the expired key went first');
    await store.hit('newest', 60);
    assert.equal(store.size, 3);
    assert.equal((await store.hit('old', 60)).count, 1, 'then the oldest');
    for (let i = 0; i < 1000; i++) await store.hit(`flood-${i}`, 60);
    assert.equal(store.size, 3);
  });

  it('reads a key’s open window without opening one, and forgets a deleted key', async () => {
    const clock = new FakeClock();
    const store = new MemoryStore({ clock });
    assert.equal(await store.get('k'), undefined);
    assert.equal(store.size, 0, 'get opens no window');
    await store.hit('k', 10);
    await store.hit('k', 10);
    clock.advance(3);
    assert.deepEqual(await store.get('k'), { count: 2, resetInMs: 7_000 });
    assert.deepEqual(await store.get('k'), { count: 2, resetInMs: 7_000 }, 'get counts nothing');
    clock.advance(7);
    assert.equal(await store.get('k'), undefined, 'closed at the end of the window');
    await store.hit('d', 10);
    await store.delete('d');
    assert.equal(await store.get('d'), undefined);
    assert.deepEqual(await store.hit('d', 10), { count: 1, resetInMs: 10_000 });
    await store.delete('never-hit');
  });

  it('refuses a maxKeys that is not a positive integer', () => {
    assert.throws(() => new MemoryStore({ maxKeys: 0 }), TypeError);
  });
});

describe('a failing shared store', () => {
  it('counts in the gateway’s memory while the store rejects', async () => {
    const refused = () => Promise.reject(new Error('connection refused'));
    const broken: LimitStore = { hit: refused, get: refused, delete: refused };
    const { send } = limitedGateway({ rateLimits: { store: broken } });
    const responses = Array.from({ length: 31 }, (_, i) =>
      send(`u${i}@example.com`, '203.0.113.7'),
    );
    assert.deepEqual(await statusCounts(responses), { 200: 30, 429: 1 });
  });

  it('does not wait on a store that hangs longer than storeTimeoutMs', async () => {
    const hang = () => new Promise<never>(() => undefined);
    const hanging: LimitStore = { hit: hang, get: hang, delete: hang };
    const { send } = limitedGateway({ rateLimits: { store: hanging, storeTimeoutMs: 5 } });
    const responses = Array.from({ length: 31 }, (_, i) =>
      send(`u${i}@example.com`, '203.0.113.7'),
    );
    assert.deepEqual(await statusCounts(responses), { 200: 30, 429: 1 });
  });

  it('mirrors the user lock in memory while the store rejects', async () => {
    const refused = () => Promise.reject(new Error('connection refused'));
    const broken: LimitStore = { hit: refused, get: refused, delete: refused };
    const { gateway, calls } = setup({ rateLimits: { store: broken } }, () =>
      json(404, stytchError(404, 'otp_code_not_found')),
    );
    const statuses = [];
    for (let i = 0; i < 11; i++) {
      statuses.push((await gateway(apiRequest(EMAIL_AUTH, { body: emailAuthBody }))).status);
    }
    assert.deepEqual(statuses, [404, 404, 404, 404, 404, 404, 404, 404, 404, 429, 429]);
    assert.equal(calls.length, 10);
  });
});
