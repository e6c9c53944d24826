// Every limit the emulator enforces, in one place. server/README.md ("Emulator limits") lists them.

export const DEFAULT_PROJECT_ID = 'project-test-00000000-0000-4000-8000-000000000000';
export const DEFAULT_SECRET = 'secret-test-local';

import { IST_LIFETIME_MINUTES, SMS_OTP_LIFETIME_MINUTES } from '../shared/limits.js';

// Stytch's own limits (code digits and lifetimes, session durations) are shared with the gateway.
export {
  EMAIL_OTP_DEFAULT_MINUTES,
  EMAIL_OTP_MAX_MINUTES,
  EMAIL_OTP_MIN_MINUTES,
  OTP_DIGITS,
  SESSION_DEFAULT_MINUTES,
  SESSION_JWT_LIFETIME_SECONDS,
  SESSION_MAX_MINUTES,
  SESSION_MIN_MINUTES,
} from '../shared/limits.js';

const MINUTE = 60_000;

/** SMS codes always live 2 minutes, as on Stytch. */
export const SMS_OTP_LIFETIME_MS = SMS_OTP_LIFETIME_MINUTES * MINUTE;

/**
 * Stytch's user lock defaults ("User locks": threshold 10 consecutive failed authentications, range
 * 1-100; TTL 1 hour, range 5 minutes to 7 days). A resend does not reset the count; a success does.
 */
export const USER_LOCK_DEFAULT_THRESHOLD = 10;
export const USER_LOCK_DEFAULT_TTL_MINUTES = 60;
export const USER_LOCK_TTL_MIN_MINUTES = 5;
export const USER_LOCK_TTL_MAX_MINUTES = 7 * 24 * 60;

export interface UserLockPolicy {
  threshold: number;
  ttlMs: number;
}

/** SMS goes to these country calling codes unless configured: US and Canada, Stytch's default. */
export const DEFAULT_SMS_CALLING_CODES = ['1'];

/** Sends per member and channel within SEND_WINDOW_MS (SMS toll fraud, mail bombing). */
export const MAX_EMAIL_SENDS_PER_WINDOW = 10;
export const MAX_SMS_SENDS_PER_WINDOW = 5;
export const SEND_WINDOW_MS = 15 * MINUTE;

/** Intermediate session tokens live 10 minutes ("default expiry of 10 minutes", SDK docs). */
export const IST_LIFETIME_MS = IST_LIFETIME_MINUTES * MINUTE;

/**
 * Expired codes, ISTs, idle failure records and never-activated JIT members are swept at most this
 * often (by the emulator's clock), at the end of a request.
 */
export const SWEEP_INTERVAL_MS = MINUTE;

/** Request bodies above this size get 413 before they are parsed. */
export const MAX_BODY_BYTES = 64 * 1024;
/** Longest accepted string for ids, names and other free-form fields. */
export const MAX_STRING_LENGTH = 1024;
/** Longest accepted email address (RFC 5321). */
export const MAX_EMAIL_LENGTH = 254;
/** JSON size cap for `session_custom_claims` and metadata objects. */
export const MAX_CLAIMS_BYTES = 4096;

/** The dev outbox keeps the newest messages only. */
export const OUTBOX_MAX_MESSAGES = 500;
/** Auto-refresh interval of the outbox HTML page. */
export const OUTBOX_REFRESH_SECONDS = 3;
