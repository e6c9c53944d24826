// One-time passcodes: issue, check-and-use, Stytch's user lock and send caps. Everything here is
// synchronous, so a check and the "use" that follows cannot interleave with another request.
//
// A code belongs to a subject and a channel: a member id for organization logins ("email" and
// "sms"), `discovery:<email>` for discovery logins. Failures and locks are counted per subject.

import {
  MAX_EMAIL_SENDS_PER_WINDOW,
  MAX_SMS_SENDS_PER_WINDOW,
  SEND_WINDOW_MS,
  type UserLockPolicy,
} from './constants.js';
import { macCode, newCode, newKey, sameMac } from './crypto.js';
import { ApiError, tooManyRequests } from './errors.js';
import type { Records } from './records.js';
import type { Channel, GuardRecord } from './types.js';

interface CodeRecord {
  mac: Buffer;
  expires_at: number;
  used: boolean;
}

const SEND_CAPS: Record<Channel, number> = {
  email: MAX_EMAIL_SENDS_PER_WINDOW,
  sms: MAX_SMS_SENDS_PER_WINDOW,
};

/**
 * "The user has been locked out due to too many failed authentication attempts" — 429
 * `user_lock_limit_reached` (stytch.com/docs/api/errors/429).
 */
const userLocked = (retryAfterMs: number) =>
  new ApiError(
    429,
    'user_lock_limit_reached',
    'The user has been locked out due to too many failed authentication attempts. Please try again later.',
    { 'Retry-After': String(Math.max(1, Math.ceil(retryAfterMs / 1000))) },
  );

export class Codes {
  /** Per-emulator MAC key; codes (memory-only) are kept as MACs under it. */
  private readonly key = newKey();
  private readonly codes = new Map<string, CodeRecord>();

  constructor(
    private readonly records: Records,
    private readonly now: () => number,
    private readonly lock: UserLockPolicy,
  ) {}

  /** `user_lock_limit_reached` while the subject is locked. */
  assertUnlocked(subject: string): void {
    const lockedUntil = this.lockedUntil(subject);
    if (lockedUntil > this.now()) throw userLocked(lockedUntil - this.now());
  }

  lockedUntil(subject: string): number {
    return this.records.guards.get(subject)?.locked_until ?? 0;
  }

  guardOf(subject: string): GuardRecord | undefined {
    return this.records.guards.get(subject);
  }

  /** Counts a send against the subject's cap (429 `too_many_requests` when over it). */
  countSend(channel: Channel, subject: string): void {
    const sends = this.guardOf(subject)?.sends ?? { email: [], sms: [] };
    const now = this.now();
    const recent = sends[channel].filter((at) => at > now - SEND_WINDOW_MS);
    if (recent.length >= SEND_CAPS[channel]) {
      if (recent.length < sends[channel].length) {
        this.records.updateGuard(subject, { sends: { ...sends, [channel]: recent } });
      }
      throw tooManyRequests(
        recent[0]! + SEND_WINDOW_MS - now,
        `Too many ${channel === 'sms' ? 'SMS' : 'email'} codes were sent to this member recently. Try again later.`,
      );
    }
    this.records.updateGuard(subject, { sends: { ...sends, [channel]: [...recent, now] } });
  }

  /** A new code for the subject and channel; any earlier code of that channel stops working. */
  issue(channel: Channel, subject: string, destination: string, lifetimeMs: number) {
    this.countSend(channel, subject);
    const code = newCode();
    const expiresAt = this.now() + lifetimeMs;
    this.codes.set(slot(channel, subject), {
      mac: macCode(this.key, scope(channel, subject, destination), code),
      expires_at: expiresAt,
      used: false,
    });
    return { code, expiresAt };
  }

  /**
   * Checks a code and uses it up on success. Stytch's user lock: each failure counts, a success
   * resets the count, and the threshold-th consecutive failure locks the subject for the lock TTL
   * ("User locks", stytch.com/docs/resources/platform/user-locks). The failure is counted before
   * the comparison, so concurrent guesses cannot pass the threshold.
   */
  use(channel: Channel, subject: string, destination: string, code: string): void {
    this.assertUnlocked(subject);
    const now = this.now();
    const failures = (this.guardOf(subject)?.failures ?? 0) + 1;
    this.records.updateGuard(subject, { failures, last_failure_at: now });
    const record = this.codes.get(slot(channel, subject));
    const matches =
      record !== undefined &&
      sameMac(macCode(this.key, scope(channel, subject, destination), code), record.mac);
    if (matches && !record.used && record.expires_at > now) {
      record.used = true;
      this.records.updateGuard(subject, { failures: 0 });
      return;
    }
    if (failures >= this.lock.threshold) {
      this.records.updateGuard(subject, {
        locked_until: now + this.lock.ttlMs,
        lock_created_at: now,
        failures: 0,
      });
      this.revoke(subject);
      throw userLocked(this.lock.ttlMs);
    }
    if (matches) {
      throw new ApiError(
        401,
        'unable_to_auth_otp_code',
        'This code has expired or was already used. Request a new code.',
      );
    }
    throw new ApiError(
      404,
      'otp_code_not_found',
      'The code is not correct. Check it or request a new code.',
    );
  }

  /** Active codes of a subject stop working (the lock starts, the phone number changes). */
  revoke(subject: string, channels: readonly Channel[] = ['email', 'sms']): void {
    for (const channel of channels) this.codes.delete(slot(channel, subject));
  }

  /** Forgets expired or used codes and guard records with nothing left to remember. */
  prune(): void {
    const now = this.now();
    for (const [key, record] of this.codes) {
      if (record.used || record.expires_at <= now) this.codes.delete(key);
    }
    for (const [subject, guard] of this.records.guards) {
      const failuresForgotten =
        guard.failures === 0 || (guard.last_failure_at ?? 0) <= now - this.lock.ttlMs;
      const idle =
        guard.locked_until <= now &&
        failuresForgotten &&
        [...guard.sends.email, ...guard.sends.sms].every((at) => at <= now - SEND_WINDOW_MS);
      if (idle) this.records.removeGuard(subject);
    }
  }

  /** Codes held in memory (for tests of pruning). */
  get size(): number {
    return this.codes.size;
  }
}

const slot = (channel: Channel, subject: string) => `${channel}:${subject}`;
const scope = (channel: Channel, subject: string, destination: string) =>
  `${channel}:${subject}:${destination}`;

export const discoverySubject = (email: string) => `discovery:${email}`;
