// Every limit the emulator enforces, in one place. server/README.md ("Emulator limits") lists them.

export const DEFAULT_PROJECT_ID = 'project-test-00000000-0000-4000-8000-000000000000';
export const DEFAULT_SECRET = 'secret-test-local';

const MINUTE = 60_000;

/** One-time passcodes: 6 decimal digits from crypto.randomInt. */
export const OTP_DIGITS = 6;
/** Email codes: Stytch's default lifetime and the accepted range of `*_expiration_minutes`. */
export const EMAIL_OTP_DEFAULT_MINUTES = 10;
export const EMAIL_OTP_MIN_MINUTES = 2;
export const EMAIL_OTP_MAX_MINUTES = 15;
/** SMS codes always live 2 minutes, as on Stytch. */
export const SMS_OTP_LIFETIME_MS = 2 * MINUTE;

/**
 * Consecutive wrong codes (per member and channel) that lock OTP for the member. A resend does not
 * reset the count; only a successful authentication in that channel does.
 */
export const MAX_CONSECUTIVE_FAILURES = 5;
/** How long a locked member gets 429 for every OTP send and authenticate. */
export const LOCKOUT_MS = 15 * MINUTE;

/** Sends per member and channel within SEND_WINDOW_MS (SMS toll fraud, mail bombing). */
export const MAX_EMAIL_SENDS_PER_WINDOW = 10;
export const MAX_SMS_SENDS_PER_WINDOW = 5;
export const SEND_WINDOW_MS = 15 * MINUTE;

/** Intermediate session tokens (MFA pending) live 10 minutes and are consumed on use. */
export const IST_LIFETIME_MS = 10 * MINUTE;

/** Member sessions: `session_duration_minutes` default and range. */
export const SESSION_DEFAULT_MINUTES = 60;
export const SESSION_MIN_MINUTES = 5;
export const SESSION_MAX_MINUTES = 527_040;
/** Session JWTs always expire 5 minutes after issue. */
export const SESSION_JWT_LIFETIME_SECONDS = 300;

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
