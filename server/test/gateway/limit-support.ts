// Helpers for the abuse-limit tests: an injectable clock, the platform argument @hono/node-server
// passes (the socket), and a gateway whose limits count in a memory store on that clock.
import type { GatewayOptions } from '../../src/gateway/index.js';
import { MemoryStore, type RateLimitOptions } from '../../src/gateway/limit/index.js';
import { EMAIL_AUTH, EMAIL_LOGIN, apiRequest, setup } from './support.js';

export class FakeClock {
  time = Date.UTC(2026, 0, 1);
  now(): number {
    return this.time;
  }
  advance(seconds: number): void {
    this.time += seconds * 1000;
  }
}

/** What `serve({ fetch })` from @hono/node-server passes as the handler's second argument. */
export function nodePlatform(remoteAddress: string) {
  return { incoming: { socket: { remoteAddress } } };
}

export const ORGANIZATION_ID = 'organization-test-1';

export interface LimitedGatewayOptions extends Partial<GatewayOptions> {
  rateLimits?: RateLimitOptions;
}

/** A gateway over a fake upstream that answers 200, with limits on a memory store and clock. */
export function limitedGateway(options: LimitedGatewayOptions = {}) {
  const clock = new FakeClock();
  const store = new MemoryStore({ clock });
  const { rateLimits, ...rest } = options;
  const { gateway, calls } = setup({ ...rest, rateLimits: { store, ...rateLimits } });
  const post = (
    path: string,
    body: object,
    address: string,
    headers: Record<string, string> = {},
  ) => gateway(apiRequest(path, { body, headers }), nodePlatform(address));
  return {
    clock,
    calls,
    gateway,
    /** `login_or_signup`: sends an email code. */
    send: (email: string, address: string, headers?: Record<string, string>) =>
      post(
        EMAIL_LOGIN,
        { organization_id: ORGANIZATION_ID, email_address: email },
        address,
        headers,
      ),
    /** Email `authenticate` with a code. */
    authenticate: (email: string, address: string, code = '123456') =>
      post(EMAIL_AUTH, { organization_id: ORGANIZATION_ID, email_address: email, code }, address),
  };
}

/** Statuses of many responses, as counts: `{ 200: 30, 429: 270 }`. */
export async function statusCounts(
  responses: Promise<Response>[],
): Promise<Record<number, number>> {
  const counts: Record<number, number> = {};
  for (const response of await Promise.all(responses)) {
    counts[response.status] = (counts[response.status] ?? 0) + 1;
  }
  return counts;
}
