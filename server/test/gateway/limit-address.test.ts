// How the limits find the client address: the socket by default, X-Forwarded-For only from trusted
// proxies or behind a known number of hops, or one platform header; IPv6 counted per /64.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  addressKey,
  clientAddressResolver,
  platformSocketAddress,
  type ClientAddressOption,
} from '../../src/gateway/limit/client-address.js';
import { limitedGateway, nodePlatform, statusCounts } from './limit-support.js';

function resolve(
  option: ClientAddressOption,
  peer: string | undefined,
  headers: Record<string, string> = {},
) {
  const find = clientAddressResolver(option, platformSocketAddress);
  const request = new Request('https://app.example.com/api', { headers });
  const address = find(request, peer === undefined ? undefined : nodePlatform(peer));
  return address && addressKey(address, 64);
}

describe('client address', () => {
  it('is the socket peer by default, whatever headers the client sends', () => {
    const spoofed = {
      'x-forwarded-for': '1.2.3.4',
      'x-real-ip': '1.2.3.5',
      'cf-connecting-ip': '1.2.3.6',
      forwarded: 'for=1.2.3.7',
    };
    assert.equal(resolve('socket', '203.0.113.7', spoofed), '203.0.113.7');
    assert.equal(resolve('socket', '::ffff:127.0.0.1'), '127.0.0.1');
    assert.equal(resolve('socket', undefined, spoofed), undefined);
  });

  it('reads the peer from Node (@hono/node-server), Deno and Bun platform arguments', () => {
    const request = new Request('https://app.example.com/api');
    assert.equal(platformSocketAddress(request, nodePlatform('10.1.1.1')), '10.1.1.1');
    assert.equal(
      platformSocketAddress(request, { remoteAddr: { hostname: '10.2.2.2' } }),
      '10.2.2.2',
    );
    const bun = { requestIP: (r: Request) => (r === request ? { address: '10.3.3.3' } : null) };
    assert.equal(platformSocketAddress(request, bun), '10.3.3.3');
    assert.equal(platformSocketAddress(request, { env: 'worker bindings' }), undefined);
  });

  it('walks X-Forwarded-For from the right past trusted proxies only', () => {
    const option = { trustedProxies: ['10.0.0.0/8', '192.0.2.1'] };
    const xff = { 'x-forwarded-for': '6.6.6.6, 203.0.113.9, 10.0.0.2' };
    assert.equal(resolve(option, '192.0.2.1', xff), '203.0.113.9');
    assert.equal(resolve(option, '10.9.9.9', { 'x-forwarded-for': '203.0.113.9' }), '203.0.113.9');
    assert.equal(
      resolve(option, '::ffff:10.0.0.5', { 'x-forwarded-for': '203.0.113.9' }),
      '203.0.113.9',
    );
    // The peer is not a trusted proxy: its header is the client's own word, ignored.
    assert.equal(resolve(option, '198.51.100.4', xff), '198.51.100.4');
    // Only trusted hops: the farthest address is the client.
    assert.equal(resolve(option, '192.0.2.1', { 'x-forwarded-for': '10.0.0.3' }), '10.0.0.3');
    // Garbage written by a trusted proxy stops the walk at that proxy.
    assert.equal(
      resolve(option, '192.0.2.1', { 'x-forwarded-for': 'not-an-ip, 10.0.0.3' }),
      '10.0.0.3',
    );
    assert.equal(resolve({ trustedProxies: ['loopback'] }, '127.0.0.1', xff), '10.0.0.2');
  });

  it('takes the entry the farthest of N proxies added, with proxyHops', () => {
    const xff = { 'x-forwarded-for': '6.6.6.6, 203.0.113.9, 10.0.0.2' };
    assert.equal(resolve({ proxyHops: 1 }, undefined, xff), '10.0.0.2');
    assert.equal(resolve({ proxyHops: 2 }, undefined, xff), '203.0.113.9');
    assert.equal(resolve({ proxyHops: 5 }, undefined, xff), '6.6.6.6');
    assert.equal(resolve({ proxyHops: 1 }, '198.51.100.4', {}), '198.51.100.4');
  });

  it('reads one platform header when told to, and only a single valid address from it', () => {
    const option = { header: 'CF-Connecting-IP' };
    assert.equal(resolve(option, '10.0.0.1', { 'cf-connecting-ip': '203.0.113.5' }), '203.0.113.5');
    assert.equal(
      resolve(option, '10.0.0.1', { 'cf-connecting-ip': '1.1.1.1, 2.2.2.2' }),
      undefined,
    );
    assert.equal(resolve(option, '10.0.0.1', { 'cf-connecting-ip': 'bogus' }), undefined);
    assert.equal(resolve(option, '10.0.0.1'), undefined);
  });

  it('counts IPv6 clients by their /64', () => {
    assert.equal(resolve('socket', '2001:db8:1:2::1'), '2001:db8:1:2::/64');
    assert.equal(resolve('socket', '2001:db8:1:2:ffff:eeee:dddd:cccc'), '2001:db8:1:2::/64');
    assert.equal(resolve('socket', '[2001:db8:1:3::1]:443'), '2001:db8:1:3::/64');
    assert.equal(resolve('socket', 'fe80::1%eth0'), 'fe80::/64');
  });

  it('refuses bad configuration with a TypeError naming the option', () => {
    const bad: unknown[] = [
      { trustedProxies: ['10.0.0.0/33'] },
      { trustedProxies: ['proxy.example.com'] },
      { trustedProxies: '10.0.0.1' },
      { proxyHops: 0 },
      { header: 'bad header' },
      'forwarded',
    ];
    for (const option of bad) {
      assert.throws(
        () => clientAddressResolver(option as ClientAddressOption, platformSocketAddress),
        (error: unknown) =>
          error instanceof TypeError && /rateLimits\.clientAddress/.test(error.message),
        JSON.stringify(option),
      );
    }
  });
});

describe('client address through the gateway', () => {
  it('ignores a spoofed X-Forwarded-For by default: rotating it does not escape the limit', async () => {
    const { send } = limitedGateway();
    const responses = Array.from({ length: 40 }, (_, i) =>
      send(`u${i}@example.com`, '203.0.113.7', { 'x-forwarded-for': `10.0.${i}.1` }),
    );
    assert.deepEqual(await statusCounts(responses), { 200: 30, 429: 10 });
  });

  it('counts clients behind a trusted proxy by their forwarded address', async () => {
    const { send } = limitedGateway({
      rateLimits: { clientAddress: { trustedProxies: ['10.0.0.1'] } },
    });
    const fromProxy = (i: number, client: string) =>
      send(`u${i}@example.com`, '10.0.0.1', { 'x-forwarded-for': client });
    const responses = Array.from({ length: 40 }, (_, i) => fromProxy(i, `198.51.100.${i}`));
    assert.deepEqual(await statusCounts(responses), { 200: 40 });
    const one = Array.from({ length: 31 }, (_, i) => fromProxy(100 + i, '198.51.100.200'));
    assert.deepEqual(await statusCounts(one), { 200: 30, 429: 1 });
  });

  it('still counts an IPv6 client rotating addresses inside its /64 as one', async () => {
    const { send } = limitedGateway();
    const responses = Array.from({ length: 31 }, (_, i) =>
      send(`u${i}@example.com`, `2001:db8:77:1::${(i + 1).toString(16)}`),
    );
    assert.deepEqual(await statusCounts(responses), { 200: 30, 429: 1 });
  });
});
