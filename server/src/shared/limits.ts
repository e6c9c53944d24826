// Stytch's own limits, as its API reference and SDK types state them. The emulator enforces them;
// the gateway validates against them before forwarding. See stytch-node lib/b2b/otp_email.ts,
// otp_sms.ts and sessions.ts.

/** One-time passcodes are 6 decimal digits. */
export const OTP_DIGITS = 6;

/** Email codes: default lifetime and the range `login_/signup_expiration_minutes` accepts. */
export const EMAIL_OTP_DEFAULT_MINUTES = 10;
export const EMAIL_OTP_MIN_MINUTES = 2;
export const EMAIL_OTP_MAX_MINUTES = 15;

/** SMS codes always live 2 minutes. */
export const SMS_OTP_LIFETIME_MINUTES = 2;

/** Intermediate session tokens (MFA pending) live 10 minutes. */
export const IST_LIFETIME_MINUTES = 10;

/** `session_duration_minutes`: default and accepted range (527040 minutes = 366 days). */
export const SESSION_DEFAULT_MINUTES = 60;
export const SESSION_MIN_MINUTES = 5;
export const SESSION_MAX_MINUTES = 527_040;

/** Session JWTs always expire 5 minutes after issue. */
export const SESSION_JWT_LIFETIME_SECONDS = 300;
