// One-time passcodes: issue, check-and-use, failure lockout and send caps. Everything here is
// synchronous, so a check and the "use" that follows cannot interleave with another request.

import {
  LOCKOUT_MS,
  MAX_CONSECUTIVE_FAILURES,
  MAX_EMAIL_SENDS_PER_WINDOW,
  MAX_SMS_SENDS_PER_WINDOW,
  SEND_WINDOW_MS,
} from './constants.js';
import { macCode, newCode, newKey, sameMac } from './crypto.js';
import { ApiError, tooManyRequests } from './errors.js';
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

export class Codes {
  /** Per-emulator MAC key; codes (memory-only) are kept as MACs under it. */
  private readonly key = newKey();
  private readonly codes = new Map<string, CodeRecord>();

  constructor(
    private readonly guards: Record<string, GuardRecord>,
    private readonly now: () => number,
  ) {}

  /** 429 while the member is locked out. */
  assertUnlocked(memberId: string): void {
    const guard = this.guards[memberId];
    const now = this.now();
    if (guard && guard.locked_until > now) {
      throw tooManyRequests(
        guard.locked_until - now,
        'Too many wrong codes: one-time passcodes are locked for this member for a while.',
      );
    }
  }

  lockedUntil(memberId: string): number {
    return this.guards[memberId]?.locked_until ?? 0;
  }

  /** Counts a send against the member's cap (429 when over it). Used alone for non-members. */
  countSend(channel: Channel, memberId: string): void {
    this.assertUnlocked(memberId);
    const guard = this.guard(memberId);
    const now = this.now();
    const recent = guard.sends[channel].filter((at) => at > now - SEND_WINDOW_MS);
    if (recent.length >= SEND_CAPS[channel]) {
      guard.sends[channel] = recent;
      throw tooManyRequests(
        recent[0]! + SEND_WINDOW_MS - now,
        `Too many ${channel === 'sms' ? 'SMS' : 'email'} codes were sent to this member recently. Try again later.`,
      );
    }
    guard.sends[channel] = [...recent, now];
  }

  /** A new code for the member and channel; any earlier code of that channel stops working. */
  issue(channel: Channel, memberId: string, destination: string, lifetimeMs: number) {
    this.countSend(channel, memberId);
    const code = newCode();
    const expiresAt = this.now() + lifetimeMs;
    this.codes.set(slot(channel, memberId), {
      mac: macCode(this.key, scope(channel, memberId, destination), code),
      expires_at: expiresAt,
      used: false,
    });
    return { code, expiresAt };
  }

  /**
   * Checks a code and uses it up on success. The failure is counted before the comparison; the
   * count is reset only by a success in the same channel, never by a resend.
   */
  use(channel: Channel, memberId: string, destination: string, code: string): void {
    this.assertUnlocked(memberId);
    const guard = this.guard(memberId);
    guard.failures[channel] += 1;
    const now = this.now();
    const record = this.codes.get(slot(channel, memberId));
    const matches =
      record !== undefined &&
      sameMac(macCode(this.key, scope(channel, memberId, destination), code), record.mac);
    if (matches && !record.used && record.expires_at > now) {
      record.used = true;
      guard.failures[channel] = 0;
      return;
    }
    if (guard.failures[channel] >= MAX_CONSECUTIVE_FAILURES) {
      this.lock(memberId, guard, now);
      throw tooManyRequests(
        LOCKOUT_MS,
        'Too many wrong codes: one-time passcodes are locked for this member for a while.',
      );
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

  /** Active codes of a member stop working (the lock starts, the phone number changes). */
  revoke(memberId: string, channels: readonly Channel[] = ['email', 'sms']): void {
    for (const channel of channels) this.codes.delete(slot(channel, memberId));
  }

  /** Forgets guard records with nothing left to remember (before saving). */
  prune(): void {
    const now = this.now();
    for (const [memberId, guard] of Object.entries(this.guards)) {
      const idle =
        guard.locked_until <= now &&
        guard.failures.email === 0 &&
        guard.failures.sms === 0 &&
        [...guard.sends.email, ...guard.sends.sms].every((at) => at <= now - SEND_WINDOW_MS);
      if (idle) delete this.guards[memberId];
    }
  }

  private lock(memberId: string, guard: GuardRecord, now: number): void {
    guard.locked_until = now + LOCKOUT_MS;
    guard.lock_created_at = now;
    guard.failures = { email: 0, sms: 0 };
    this.revoke(memberId);
  }

  private guard(memberId: string): GuardRecord {
    return (this.guards[memberId] ??= {
      failures: { email: 0, sms: 0 },
      locked_until: 0,
      lock_created_at: 0,
      sends: { email: [], sms: [] },
    });
  }
}

const slot = (channel: Channel, memberId: string) => `${channel}:${memberId}`;
const scope = (channel: Channel, memberId: string, destination: string) =>
  `${channel}:${memberId}:${destination}`;
