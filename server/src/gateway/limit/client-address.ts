import ipaddr from 'ipaddr.js';

/**
 * The peer's address as the platform adapter knows it. `platform` is the handler's second
 * argument: `@hono/node-server` passes `{ incoming }`, `Deno.serve` passes `{ remoteAddr }`,
 * `Bun.serve` passes the server (`requestIP`).
 */
export type SocketAddress = (request: Request, platform: unknown) => string | null | undefined;

/**
 * Where the client's address comes from:
 * - `'socket'` (default): the connection's peer, from {@link SocketAddress}. No header is trusted.
 * - `{ trustedProxies }`: `X-Forwarded-For`, walked from the right past the listed proxies (IPs,
 *   CIDRs, or `loopback`, `linklocal`, `uniquelocal`); only when the peer itself is one of them.
 * - `{ proxyHops }`: `X-Forwarded-For` behind exactly that many proxies (the entry the farthest of
 *   them added); for platforms that do not expose the peer.
 * - `{ header }`: one header a platform sets and clients cannot, e.g. `cf-connecting-ip` on
 *   Cloudflare or `fly-client-ip` on Fly.io. Only behind that platform: elsewhere clients set it.
 * - a function of the request and platform.
 */
export type ClientAddressOption =
  | 'socket'
  | { trustedProxies: string[] }
  | { proxyHops: number }
  | { header: string }
  | ((request: Request, platform: unknown) => string | null | undefined);

type Address = ipaddr.IPv4 | ipaddr.IPv6;
type Range = [Address, number];

const NAMED_RANGES: Record<string, string[]> = {
  loopback: ['127.0.0.0/8', '::1/128'],
  linklocal: ['169.254.0.0/16', 'fe80::/10'],
  uniquelocal: ['10.0.0.0/8', '172.16.0.0/12', '192.168.0.0/16', 'fc00::/7'],
};

/** Reads the peer address from the adapters that pass one to fetch handlers. */
export const platformSocketAddress: SocketAddress = (request, platform) => {
  if (typeof platform !== 'object' || platform === null) return undefined;
  const p = platform as {
    incoming?: { socket?: { remoteAddress?: unknown } };
    remoteAddr?: { hostname?: unknown };
    requestIP?: (request: Request) => { address?: unknown } | null;
  };
  const candidates = [
    p.incoming?.socket?.remoteAddress,
    p.remoteAddr?.hostname,
    typeof p.requestIP === 'function' ? p.requestIP(request)?.address : undefined,
  ];
  return candidates.find((value): value is string => typeof value === 'string');
};

/** Parses a single address, IPv4-mapped IPv6 as IPv4; ports, brackets and zones removed. */
export function parseAddress(text: string): Address | undefined {
  let value = text.trim();
  const bracketed = /^\[([^\]]+)\](?::\d+)?$/.exec(value);
  if (bracketed) value = bracketed[1];
  else if (/^\d+\.\d+\.\d+\.\d+:\d+$/.test(value)) value = value.slice(0, value.lastIndexOf(':'));
  value = value.replace(/%.*$/, '');
  if (ipaddr.IPv4.isValidFourPartDecimal(value)) return ipaddr.IPv4.parse(value);
  if (!ipaddr.IPv6.isValid(value)) return undefined;
  const v6 = ipaddr.IPv6.parse(value);
  return v6.isIPv4MappedAddress() ? v6.toIPv4Address() : v6;
}

/**
 * The counting key of an address: IPv4 as is, IPv6 by its network prefix (default /64, the block
 * one subscriber gets), so an attacker cannot get fresh counters by rotating addresses in it.
 */
export function addressKey(address: Address, ipv6Prefix: number): string {
  if (address.kind() === 'ipv4') return address.toString();
  const bytes = address.toByteArray();
  for (let bit = ipv6Prefix; bit < 128; bit++) bytes[bit >> 3] &= ~(0x80 >> (bit & 7));
  return `${ipaddr.fromByteArray(bytes).toString()}/${ipv6Prefix}`;
}

/** Builds the function that finds a request's client address; checks the option up front. */
export function clientAddressResolver(
  option: ClientAddressOption,
  socketAddress: SocketAddress,
): (request: Request, platform: unknown) => Address | undefined {
  const socket = (request: Request, platform: unknown) => {
    const text = socketAddress(request, platform);
    return typeof text === 'string' ? parseAddress(text) : undefined;
  };
  if (option === 'socket') return socket;
  if (typeof option === 'function') {
    return (request, platform) => {
      const text = option(request, platform);
      return typeof text === 'string' ? parseAddress(text) : undefined;
    };
  }
  if (typeof option !== 'object' || option === null) fail(`clientAddress is invalid`);
  if ('trustedProxies' in option) {
    const ranges = parseRanges(option.trustedProxies);
    return (request, platform) => {
      const peer = socket(request, platform);
      return peer && walkTrusted(forwardedFor(request), peer, ranges);
    };
  }
  if ('proxyHops' in option) {
    const hops = option.proxyHops;
    if (!Number.isInteger(hops) || hops < 1) fail('clientAddress.proxyHops must be an integer ≥ 1');
    return (request, platform) => {
      const chain = forwardedFor(request);
      if (chain.length === 0) return socket(request, platform);
      return parseAddress(chain[Math.max(chain.length - hops, 0)]);
    };
  }
  if ('header' in option) {
    const name = option.header;
    if (typeof name !== 'string' || !/^[!#$%&'*+\-.^_`|~\w]+$/.test(name)) {
      fail(`clientAddress.header is not a header name: ${String(name)}`);
    }
    return (request) => {
      const value = request.headers.get(name);
      return value === null || value.includes(',') ? undefined : parseAddress(value);
    };
  }
  fail(
    'clientAddress must be "socket", { trustedProxies }, { proxyHops }, { header } or a function',
  );
}

function forwardedFor(request: Request): string[] {
  const header = request.headers.get('x-forwarded-for');
  if (header === null) return [];
  return header
    .split(',')
    .map((entry) => entry.trim())
    .filter((entry) => entry !== '');
}

/** Right to left past trusted proxies; the first address not trusted is the client. */
function walkTrusted(chain: string[], peer: Address, ranges: Range[]): Address {
  let client = peer;
  for (let i = chain.length - 1; i >= 0 && isTrusted(client, ranges); i--) {
    const next = parseAddress(chain[i]);
    if (!next) break;
    client = next;
  }
  return client;
}

function isTrusted(address: Address, ranges: Range[]): boolean {
  return ranges.some(([base, bits]) => base.kind() === address.kind() && address.match(base, bits));
}

function parseRanges(entries: unknown): Range[] {
  if (!Array.isArray(entries)) fail('clientAddress.trustedProxies must be an array');
  return entries.flatMap((entry: unknown) => {
    if (typeof entry !== 'string') fail('clientAddress.trustedProxies entries must be strings');
    const named = NAMED_RANGES[entry.toLowerCase()];
    if (named) return named.map((cidr) => ipaddr.parseCIDR(cidr));
    if (entry.includes('/')) {
      if (!ipaddr.isValidCIDR(entry)) fail(`clientAddress.trustedProxies: not a CIDR: ${entry}`);
      const [base, bits] = ipaddr.parseCIDR(entry);
      const mapped = base.kind() === 'ipv6' && (base as ipaddr.IPv6).isIPv4MappedAddress();
      if (mapped && bits >= 96)
        return [[(base as ipaddr.IPv6).toIPv4Address(), bits - 96] as Range];
      return [[base, bits] as Range];
    }
    const address = parseAddress(entry);
    if (!address) fail(`clientAddress.trustedProxies: not an IP address: ${entry}`);
    return [[address, address.kind() === 'ipv4' ? 32 : 128] as Range];
  });
}

function fail(message: string): never {
  throw new TypeError(`createGateway: rateLimits.${message}`);
}
