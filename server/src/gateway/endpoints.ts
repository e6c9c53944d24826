import { EMAIL_LOCALES, SMS_LOCALES } from '../shared/locales.js';
import {
  EMAIL_OTP_DEFAULT_MINUTES,
  EMAIL_OTP_MAX_MINUTES,
  EMAIL_OTP_MIN_MINUTES,
  OTP_DIGITS,
} from '../shared/limits.js';
import type { GatewayConfig } from './options.js';
import { smsPhone } from './phone.js';
import {
  integer,
  invalidField,
  oneOf,
  text,
  then,
  type FieldRule,
  type FieldSchema,
} from './schema.js';

/** Which token the gateway takes from the cookies and adds to the upstream request. */
export type Credential =
  /** None: `email/authenticate` always starts a fresh session. */
  | 'none'
  /** The MFA-pending IST when there is one, else the session (step-up); refused without either. */
  | 'mfa'
  /** The discovery IST; refused without it (the login expired). */
  | 'ist'
  /** The session; refused without it. */
  | 'session'
  /** The discovery IST when there is one, else the session. */
  | 'ist-or-session';

export interface OtpEndpoint {
  /** Below `basePath`, and the same path upstream. */
  path: string;
  /** What abuse limits and guards see; absent for calls that send and check no code. */
  operation?: { action: 'send' | 'authenticate'; channel: 'email' | 'sms' };
  /** The fields a browser may send, each checked by its rule; everything else is dropped. */
  fields: (config: GatewayConfig) => FieldSchema;
  credential: Credential;
  /**
   * What the browser gets back: `sent` (the same for every address), `login` (a session or MFA
   * pending; the session the browser held is replaced and revoked), `discovered` (the
   * organizations, only after a right code or with a live IST or session). Default: `sent` for
   * sends, else `login`.
   */
  answer?: 'sent' | 'login' | 'discovered';
  /** Creates an organization: refused when `allowedOrganizationIds` limits the organizations. */
  createsOrganization?: boolean;
}

// Stytch ids (`organization-test-…`, `member-live-…`) and organization slugs.
const ID = /^[A-Za-z0-9._~-]+$/;
const id = () => text({ max: 128, required: true, pattern: ID });
// Stytch's organization slugs: 2-128 letters, digits and - . _ ~
const SLUG = /^[A-Za-z0-9._~-]{2,128}$/;
// Not a full address check (Stytch does that): one @, no spaces, something on both sides.
const email = text({ max: 254, required: true, pattern: /^[^\s@]+@[^\s@]+$/ });
const templateId = text({ max: 128, pattern: ID });
/** Server-owned: absent → the configured default; any whole number → clamped to the bounds. */
const sessionMinutes = (config: GatewayConfig): FieldRule => {
  const { default: fallback, min, max } = config.sessionDuration;
  return (value, field) => {
    if (value === undefined || value === null) return fallback;
    if (typeof value !== 'number' || !Number.isInteger(value)) {
      throw invalidField(
        field,
        'must be a whole number of minutes.',
        'invalid_session_duration_minutes',
      );
    }
    return Math.min(Math.max(value, min), max);
  };
};
const code: FieldRule = (value, field) => {
  const digits = new RegExp(`^[0-9]{${OTP_DIGITS}}$`);
  if (typeof value !== 'string' || !digits.test(value)) {
    throw invalidField(field, `must be a string of ${OTP_DIGITS} digits 0-9.`, 'invalid_code');
  }
  return value;
};

/**
 * Stytch accepts 2 to 15 minutes; the gateway lowers larger asks to its own cap. Absent, Stytch
 * gives its default, so a cap below that default is sent instead.
 */
const codeLifetime = (config: GatewayConfig): FieldRule => {
  const cap = config.maxCodeLifetimeMinutes;
  const asked = then(
    integer({ min: EMAIL_OTP_MIN_MINUTES, max: EMAIL_OTP_MAX_MINUTES }),
    (minutes) => Math.min(minutes as number, cap),
  );
  return (value, field) =>
    asked(value, field) ?? (cap < EMAIL_OTP_DEFAULT_MINUTES ? cap : undefined);
};

/**
 * The endpoints the gateway forwards (OTP, discovery, session exchange), and everything about each: its path (routing), the
 * fields and their rules (field policy), the token it gets (injection) and what abuse limits see.
 */
export const OTP_ENDPOINTS = {
  emailLoginOrSignup: {
    path: '/v1/b2b/otps/email/login_or_signup',
    operation: { action: 'send', channel: 'email' },
    credential: 'none',
    fields: (config) => ({
      organization_id: id(),
      email_address: email,
      login_template_id: templateId,
      signup_template_id: templateId,
      locale: oneOf(EMAIL_LOCALES, 'invalid_locale'),
      login_expiration_minutes: codeLifetime(config),
      signup_expiration_minutes: codeLifetime(config),
    }),
  },
  emailAuthenticate: {
    path: '/v1/b2b/otps/email/authenticate',
    operation: { action: 'authenticate', channel: 'email' },
    credential: 'none',
    fields: (config) => ({
      organization_id: id(),
      email_address: email,
      code,
      // Stytch takes only the email locales here (B2BOTPEmailAuthenticateRequest), as the emulator does.
      locale: oneOf(EMAIL_LOCALES, 'invalid_locale'),
      session_duration_minutes: sessionMinutes(config),
    }),
  },
  smsSend: {
    path: '/v1/b2b/otps/sms/send',
    operation: { action: 'send', channel: 'sms' },
    credential: 'mfa',
    fields: (config) => ({
      organization_id: id(),
      member_id: id(),
      mfa_phone_number: smsPhone(config.smsCountries),
      locale: oneOf(SMS_LOCALES, 'invalid_locale'),
    }),
  },
  smsAuthenticate: {
    path: '/v1/b2b/otps/sms/authenticate',
    operation: { action: 'authenticate', channel: 'sms' },
    credential: 'mfa',
    fields: (config) => ({
      organization_id: id(),
      member_id: id(),
      code,
      session_duration_minutes: sessionMinutes(config),
      set_mfa_enrollment: oneOf(['enroll', 'unenroll']),
    }),
  },
  discoverySend: {
    path: '/v1/b2b/otps/email/discovery/send',
    operation: { action: 'send', channel: 'email' },
    credential: 'none',
    fields: (config) => ({
      email_address: email,
      locale: oneOf(EMAIL_LOCALES, 'invalid_locale'),
      discovery_expiration_minutes: codeLifetime(config),
    }),
  },
  discoveryAuthenticate: {
    path: '/v1/b2b/otps/email/discovery/authenticate',
    operation: { action: 'authenticate', channel: 'email' },
    credential: 'none',
    answer: 'discovered',
    fields: () => ({ email_address: email, code }),
  },
  discoveredOrganizations: {
    path: '/v1/b2b/discovery/organizations',
    credential: 'ist-or-session',
    answer: 'discovered',
    fields: () => ({}),
  },
  intermediateSessionExchange: {
    path: '/v1/b2b/discovery/intermediate_sessions/exchange',
    credential: 'ist',
    fields: (config) => ({
      organization_id: id(),
      session_duration_minutes: sessionMinutes(config),
      locale: oneOf(SMS_LOCALES, 'invalid_locale'),
    }),
  },
  discoveryOrganizationCreate: {
    path: '/v1/b2b/discovery/organizations/create',
    credential: 'ist',
    createsOrganization: true,
    fields: (config) => ({
      organization_name: text({ max: 128, required: true }),
      organization_slug: text({ max: 128, required: true, pattern: SLUG }),
      session_duration_minutes: sessionMinutes(config),
    }),
  },
  sessionExchange: {
    path: '/v1/b2b/sessions/exchange',
    credential: 'session',
    fields: (config) => ({
      organization_id: id(),
      session_duration_minutes: sessionMinutes(config),
      locale: oneOf(SMS_LOCALES, 'invalid_locale'),
    }),
  },
} as const satisfies Record<string, OtpEndpoint>;

export type OtpEndpointName = keyof typeof OTP_ENDPOINTS;

/** Gateway-only routes below `basePath`. */
export const SESSION_PATH = '/session';
export const LOGOUT_PATH = '/logout';
