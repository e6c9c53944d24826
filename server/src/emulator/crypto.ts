import {
  createHash,
  createHmac,
  randomBytes,
  randomInt,
  randomUUID,
  timingSafeEqual,
} from 'node:crypto';
import { OTP_DIGITS } from './constants.js';

export const requestId = () => `request-id-test-${randomUUID()}`;

/** Stytch-style test ids, e.g. `member-test-<uuid>`. */
export const newId = (prefix: string) => `${prefix}-test-${randomUUID()}`;

/** Opaque 44-character base64url token (33 random bytes), like Stytch's session tokens. */
export const newToken = () => randomBytes(33).toString('base64url');

export const sha256 = (value: string) => createHash('sha256').update(value).digest('base64url');

/** A fresh code of OTP_DIGITS decimal digits from the CSPRNG. */
export const newCode = () => String(randomInt(0, 10 ** OTP_DIGITS)).padStart(OTP_DIGITS, '0');

/** Keyed MAC of a code; only this is kept, never the code. */
export const macCode = (key: Buffer, scope: string, code: string) =>
  createHmac('sha256', key).update(scope).update('\0').update(code).digest();

/** Constant-time equality of two MACs (equal length by construction). */
export const sameMac = (a: Buffer, b: Buffer) => a.length === b.length && timingSafeEqual(a, b);

/** Constant-time string comparison that does not leak the length of the expected value. */
export function sameSecret(given: string, expected: string): boolean {
  const a = createHash('sha256').update(given).digest();
  const b = createHash('sha256').update(expected).digest();
  return timingSafeEqual(a, b);
}

export const newKey = () => randomBytes(32);
