// The public side of the gateway's abuse controls (SECURITY.md, "Abuse controls"): options,
// defaults and the memory store. Web APIs only; the Redis store is `otp-auth-server/limit-redis`.
export {
  platformSocketAddress,
  type ClientAddressOption,
  type SocketAddress,
} from './client-address.js';
export { DEFAULT_RATE_LIMITS, type LimitRule, type LimitRules } from './defaults.js';
export type { BeforeSend, RateLimitOptions, SendAttempt } from './guard.js';
export type { OtpAction, OtpChannel } from './identifiers.js';
export { USER_LOCK_DEFAULTS, type UserLockOptions } from './lock.js';
export {
  MemoryStore,
  type Clock,
  type LimitStore,
  type MemoryStoreOptions,
  type WindowCount,
} from './store.js';
