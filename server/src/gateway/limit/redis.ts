// `otp-auth-server/limit-redis`: counters in Redis, shared by every gateway instance. Node only
// (Redis clients need TCP sockets), hence its own entry: the gateway itself stays Web-API-only.
import { RateLimiterRedis } from 'rate-limiter-flexible';
import type { LimitStore, WindowCount } from './store.js';

export interface RedisStoreOptions {
  /** A connected `ioredis` client, or a `redis` (node-redis v4+) client. */
  client: unknown;
  /** Prefix of every key. Default `otp-auth`. */
  keyPrefix?: string;
}

/**
 * A {@link LimitStore} in Redis through `rate-limiter-flexible`: one atomic Lua script per hit
 * (`SET NX EX` then `INCRBY` and `PTTL`), so concurrent instances never lose a count; `get` reads
 * `GET` and `PTTL` in one transaction, `delete` is `DEL`. While Redis is
 * not ready, hits fail at once instead of queueing; the gateway then counts in its own memory.
 *
 * @example
 * import { Redis } from 'ioredis';
 * import { RedisStore } from 'otp-auth-server/limit-redis';
 * const gateway = createGateway({ projectId, secret,
 *   rateLimits: { store: new RedisStore({ client: new Redis(process.env.REDIS_URL) }) } });
 */
export class RedisStore implements LimitStore {
  readonly #limiter: RateLimiterRedis;

  constructor(options: RedisStoreOptions) {
    if (typeof options?.client !== 'object' || options.client === null) {
      throw new TypeError('RedisStore: client must be an ioredis or node-redis client');
    }
    this.#limiter = new RateLimiterRedis({
      storeClient: options.client,
      keyPrefix: options.keyPrefix ?? 'otp-auth',
      // Counting only: the gateway compares the count with each rule's limit itself.
      points: Number.MAX_SAFE_INTEGER,
      duration: 60,
      rejectIfRedisNotReady: true,
    });
  }

  async hit(key: string, windowSeconds: number): Promise<WindowCount> {
    const result = await this.#limiter.penalty(key, 1, { customDuration: windowSeconds });
    return { count: result.consumedPoints, resetInMs: Math.max(result.msBeforeNext, 0) };
  }

  async get(key: string): Promise<WindowCount | undefined> {
    const result = await this.#limiter.get(key);
    if (!result || result.consumedPoints <= 0) return undefined;
    return { count: result.consumedPoints, resetInMs: Math.max(result.msBeforeNext, 0) };
  }

  async delete(key: string): Promise<void> {
    await this.#limiter.delete(key);
  }
}
