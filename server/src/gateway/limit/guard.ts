import { StytchError } from '../../shared/errors.js';
import {
  addressKey,
  clientAddressResolver,
  platformSocketAddress,
  type ClientAddressOption,
  type SocketAddress,
} from './client-address.js';
import { DEFAULT_RATE_LIMITS, type LimitRule, type LimitRules } from './defaults.js';
import {
  OTP_OPERATIONS,
  identifierOf,
  sha256,
  type OtpAction,
  type OtpChannel,
} from './identifiers.js';
import { createUserLock, type UserLockMirror, type UserLockOptions } from './lock.js';
import { MemoryStore, isLimitStore, withMemoryFallback, type LimitStore } from './store.js';

export interface RateLimitOptions {
  /** Where counts live. Default: a {@link MemoryStore} per gateway; share a Redis store across instances. */
  store?: LimitStore;
  /** How the client's address is found. Default `'socket'`: no header is trusted. */
  clientAddress?: ClientAddressOption;
  /** How the peer address is read from the platform. Default: Node (`@hono/node-server`), Deno, Bun. */
  socketAddress?: SocketAddress;
  /** IPv6 clients are counted by this network prefix. Default 64. */
  ipv6Prefix?: number;
  /** Per client address; each list replaces its default. */
  perClient?: Partial<LimitRules>;
  /** Per email address, phone number or member, from any address; each list replaces its default. */
  perIdentifier?: Partial<LimitRules>;
  /**
   * A store that fails or takes longer than this (ms) is bypassed for that request: it is counted in
   * this instance's memory instead, so limits hold per instance until the store is back. Default 500.
   */
  storeTimeoutMs?: number;
}

/** What {@link BeforeSend} learns about a send. */
export interface SendAttempt {
  channel: OtpChannel;
  /** Normalised email address, phone number or `member:{organization}:{member}`; absent if none. */
  identifier: string | undefined;
  /** The client address the limits use; absent when it could not be found. */
  clientAddress: string | undefined;
  /** The checked fields that will be forwarded. A bot-check token comes in a header of `request`. */
  body: Readonly<Record<string, unknown>>;
}

/**
 * Runs before any code is sent (email `login_or_signup`, `sms/send`), after the per-client limits
 * and before the per-identifier ones, so refused bots never use up a member's sends. Return nothing
 * to go on, or a `Response` to refuse: the browser gets its status (4xx/5xx, else 403), its
 * `Retry-After` and, when its body is Stytch-shaped JSON, its `error_type` and `error_message`.
 */
export type BeforeSend = (
  request: Request,
  attempt: SendAttempt,
) => Response | undefined | void | Promise<Response | undefined | void>;

/** What the gateway is about to forward: the part of its `ForwardCall` the guard reads. */
export interface GuardedCall {
  request: Request;
  /** The handler's second argument (platform context), as given. */
  platform: unknown;
  /** The upstream path, e.g. `/v1/b2b/otps/email/login_or_signup`. */
  path: string;
  /** The checked fields that will be forwarded. */
  body: Readonly<Record<string, unknown>>;
}

/**
 * The abuse controls, run on each send and authenticate before it is forwarded. Throws a 429
 * {@link StytchError} with `Retry-After`, or the refusal of `beforeSend`.
 */
export type AbuseGuard = (call: GuardedCall) => Promise<void>;

const KEY_PREFIX = 'otp-limit';

/** The abuse controls of one gateway: the guard run before forwarding, and the user-lock mirror. */
export interface AbuseControls {
  guard: AbuseGuard;
  userLock: UserLockMirror;
}

/**
 * Validates the options (TypeError naming the bad one) and builds the controls. The user-lock
 * mirror is anti-enumeration, not a rate limit: it stays on with `rateLimits: false`, counting in
 * `userLock.store`, else `rateLimits.store`, else this gateway's memory.
 */
export function createAbuseControls(
  options: RateLimitOptions | false | undefined,
  beforeSend: BeforeSend | undefined,
  userLock: UserLockOptions = {},
): AbuseControls {
  if (beforeSend !== undefined && typeof beforeSend !== 'function') {
    throw new TypeError('createGateway: beforeSend must be a function');
  }
  const isObject = typeof options === 'object' && options !== null;
  if (options !== undefined && options !== false && !isObject) {
    throw new TypeError('createGateway: rateLimits must be an object or false');
  }
  const given = options === false ? {} : (options ?? {});
  const timeoutMs = given.storeTimeoutMs ?? 500;
  if (!Number.isInteger(timeoutMs) || timeoutMs < 1)
    fail('storeTimeoutMs must be a positive integer');
  const store = withMemoryFallback(
    checkStore('rateLimits.store', given.store ?? new MemoryStore()),
    timeoutMs,
  );
  const lockStore =
    userLock?.store === undefined
      ? store
      : withMemoryFallback(checkStore('userLock.store', userLock.store), timeoutMs);
  return {
    guard: createAbuseGuard(
      options === false ? undefined : resolveLimits(given, store),
      beforeSend,
    ),
    userLock: createUserLock(userLock ?? {}, lockStore),
  };
}

function checkStore(name: string, store: unknown): LimitStore {
  if (!isLimitStore(store)) {
    throw new TypeError(
      `createGateway: ${name} must have hit(key, windowSeconds), get(key) and delete(key) methods`,
    );
  }
  return store;
}

function createAbuseGuard(
  limits: ReturnType<typeof resolveLimits> | undefined,
  beforeSend: BeforeSend | undefined,
): AbuseGuard {
  return async ({ request, platform, path, body }) => {
    const operation = OTP_OPERATIONS[path];
    if (!operation) return;
    const { action, channel } = operation;
    const address = limits?.clientAddress(request, platform);
    const clientKey = address && addressKey(address, limits!.ipv6Prefix);
    if (limits)
      await limits.enforce('client', action, clientKey ?? 'unknown', limits.perClient[action]);
    const identifier = identifierOf(channel, body);
    if (action === 'send' && beforeSend) {
      const answer = await beforeSend(request, {
        channel,
        identifier,
        clientAddress: clientKey,
        body,
      });
      if (answer instanceof Response) throw await refusal(answer);
    }
    if (limits && identifier !== undefined) {
      await limits.enforce(
        'identifier',
        action,
        `${channel}:${identifier}`,
        limits.perIdentifier[action],
      );
    }
  };
}

/** `store` already has its memory fallback. */
function resolveLimits(options: RateLimitOptions, store: LimitStore) {
  const ipv6Prefix = options.ipv6Prefix ?? 64;
  if (!Number.isInteger(ipv6Prefix) || ipv6Prefix < 1 || ipv6Prefix > 128) {
    fail('ipv6Prefix must be an integer from 1 to 128');
  }
  const count = (key: string, windowSeconds: number) => store.hit(key, windowSeconds);

  return {
    ipv6Prefix,
    clientAddress: clientAddressResolver(
      options.clientAddress ?? 'socket',
      options.socketAddress ?? platformSocketAddress,
    ),
    perClient: resolveRules('perClient', options.perClient, DEFAULT_RATE_LIMITS.perClient),
    perIdentifier: resolveRules(
      'perIdentifier',
      options.perIdentifier,
      DEFAULT_RATE_LIMITS.perIdentifier,
    ),
    /** Counts one hit under every rule; refuses with the longest wait among the rules exceeded. */
    async enforce(scope: string, action: OtpAction, subject: string, rules: readonly LimitRule[]) {
      if (rules.length === 0) return;
      const digest = await sha256(subject);
      const counts = await Promise.all(
        rules.map((rule) =>
          count(
            `${KEY_PREFIX}:${scope}:${action}:${rule.windowSeconds}:${digest}`,
            rule.windowSeconds,
          ),
        ),
      );
      let waitMs = -1;
      counts.forEach(({ count: hits, resetInMs }, i) => {
        if (hits > rules[i].limit) waitMs = Math.max(waitMs, resetInMs);
      });
      if (waitMs >= 0) throw tooManyRequests(waitMs);
    },
  };
}

function resolveRules(
  name: string,
  given: Partial<LimitRules> | undefined,
  defaults: LimitRules,
): LimitRules {
  const rules = { ...defaults, ...given };
  for (const action of ['send', 'authenticate'] as const) {
    const list = rules[action];
    if (!Array.isArray(list))
      fail(`${name}.${action} must be an array of { limit, windowSeconds }`);
    const windows = new Set<number>();
    for (const rule of list) {
      const ok =
        Number.isInteger(rule?.limit) &&
        rule.limit > 0 &&
        Number.isInteger(rule.windowSeconds) &&
        rule.windowSeconds > 0;
      if (!ok) fail(`${name}.${action}: limit and windowSeconds must be positive integers`);
      if (windows.has(rule.windowSeconds)) fail(`${name}.${action}: two rules with one window`);
      windows.add(rule.windowSeconds);
    }
  }
  return rules;
}

/** Stytch's 429; the elements disable sending and count down `Retry-After`. */
export function tooManyRequests(waitMs: number): StytchError {
  const seconds = Math.max(1, Math.ceil(waitMs / 1000));
  return new StytchError(
    429,
    'too_many_requests',
    'Too many requests. Please wait, then try again.',
    {
      'retry-after': String(seconds),
    },
  );
}

async function refusal(response: Response): Promise<StytchError> {
  const status = response.status >= 400 && response.status <= 599 ? response.status : 403;
  const body: unknown = await response.json().catch(() => undefined);
  const fields = typeof body === 'object' && body !== null ? (body as Record<string, unknown>) : {};
  const errorType = typeof fields.error_type === 'string' ? fields.error_type : 'bot_check_failed';
  const message =
    typeof fields.error_message === 'string'
      ? fields.error_message
      : 'The request was refused. Please try again.';
  const retryAfter = response.headers.get('retry-after')?.trim();
  const headers =
    retryAfter && /^\d{1,10}$/.test(retryAfter) ? { 'retry-after': retryAfter } : undefined;
  return new StytchError(status, errorType, message, headers);
}

function fail(message: string): never {
  throw new TypeError(`createGateway: rateLimits.${message}`);
}
