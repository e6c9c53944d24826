// Stytch's user lock, mirrored for every address (SECURITY.md, "Anti-enumeration"). Stytch locks a
// member after too many wrong codes; an address that is not a member has nothing to lock, so
// without the mirror ten wrong guesses would tell a member from a stranger.
import { StytchError } from '../../shared/errors.js';
import { normalizeEmail, sha256 } from './identifiers.js';
import type { LimitStore } from './store.js';

/** Set it to your Stytch project's user-lock settings (Stytch dashboard, "User locks"). */
export interface UserLockOptions {
  /** Failed email codes that lock an address, 1 to 100. Default 10, Stytch's. */
  threshold?: number;
  /** How long the lock lasts, in minutes, 5 to 10080 (7 days). Default 60, Stytch's. */
  ttlMinutes?: number;
  /**
   * Where failures and locks are counted. Default: `rateLimits.store` when set, else a
   * `MemoryStore` per gateway. Share one (e.g. `RedisStore`) between instances.
   */
  store?: LimitStore;
}

/** The mirror as the email `authenticate` handler uses it, per organization and email address. */
export interface UserLockMirror {
  /** The lock answer while the address is locked; `undefined` otherwise. */
  locked(organizationId: string, email: string): Promise<StytchError | undefined>;
  /**
   * Counts a failed code. Returns the lock answer when this failure reaches the threshold, or when
   * the upstream locked the address itself (`upstreamLock`: for its `Retry-After` in seconds when
   * it gave one, else for the configured lock time).
   */
  failed(
    organizationId: string,
    email: string,
    upstreamLock?: { seconds: number | undefined },
  ): Promise<StytchError | undefined>;
  /** A right code: the count starts again, as Stytch's does. */
  succeeded(organizationId: string, email: string): Promise<void>;
}

export const USER_LOCK_DEFAULTS = { threshold: 10, ttlMinutes: 60 } as const;
export const USER_LOCKED = 'user_lock_limit_reached';
const USER_LOCK_MESSAGE =
  'The user has been locked out due to too many failed authentication attempts. Please try again later.';
const MAX_TTL_MINUTES = 7 * 24 * 60;
/**
 * Stytch counts consecutive failures with no time limit; a store needs one, so failures are
 * counted for a week from the first, the longest lock Stytch allows.
 */
const FAILURE_WINDOW_SECONDS = MAX_TTL_MINUTES * 60;
const KEY_PREFIX = 'otp-lock';

/** Stytch's answer to a locked member: 429 `user_lock_limit_reached` with `Retry-After`. */
export function userLocked(waitMs: number): StytchError {
  const seconds = Math.max(1, Math.ceil(waitMs / 1000));
  return new StytchError(429, USER_LOCKED, USER_LOCK_MESSAGE, { 'retry-after': String(seconds) });
}

/** Validates the policy (TypeError naming the bad option) and builds the mirror on `store`. */
export function createUserLock(
  options: Omit<UserLockOptions, 'store'>,
  store: LimitStore,
): UserLockMirror {
  if (typeof options !== 'object' || options === null) fail('userLock must be an object');
  const threshold = options.threshold ?? USER_LOCK_DEFAULTS.threshold;
  const ttlMinutes = options.ttlMinutes ?? USER_LOCK_DEFAULTS.ttlMinutes;
  if (!Number.isInteger(threshold) || threshold < 1 || threshold > 100) {
    fail('userLock.threshold must be an integer from 1 to 100');
  }
  if (!Number.isInteger(ttlMinutes) || ttlMinutes < 5 || ttlMinutes > MAX_TTL_MINUTES) {
    fail(`userLock.ttlMinutes must be an integer from 5 to ${MAX_TTL_MINUTES}`);
  }
  const ttlSeconds = ttlMinutes * 60;
  const keys = async (organizationId: string, email: string) => {
    const digest = await sha256(`${organizationId}:${normalizeEmail(email)}`);
    return { failures: `${KEY_PREFIX}:failures:${digest}`, lock: `${KEY_PREFIX}:locked:${digest}` };
  };
  return {
    async locked(organizationId, email) {
      const lock = await store.get((await keys(organizationId, email)).lock);
      return lock && lock.resetInMs > 0 ? userLocked(lock.resetInMs) : undefined;
    },
    async failed(organizationId, email, upstreamLock) {
      const { failures, lock } = await keys(organizationId, email);
      const { count } = await store.hit(failures, FAILURE_WINDOW_SECONDS);
      if (upstreamLock === undefined && count < threshold) return undefined;
      // Anchored at this failure; later hits within the lock do not move its end.
      const seconds = upstreamLock?.seconds ?? ttlSeconds;
      const locked = await store.hit(lock, Math.min(Math.max(seconds, 1), MAX_TTL_MINUTES * 60));
      // Stytch starts counting again once the lock is set.
      await store.delete(failures);
      return userLocked(locked.resetInMs);
    },
    async succeeded(organizationId, email) {
      await store.delete((await keys(organizationId, email)).failures);
    },
  };
}

function fail(message: string): never {
  throw new TypeError(`createGateway: ${message}`);
}
