// Request schemas: each endpoint declares its accepted fields once with `request({...})`, which
// returns a parser giving the typed request or throwing a Stytch-shaped 400 naming the field.
// Only own properties of a body are read, so `__proto__` or `constructor` never reach built-ins.
// JSON null counts as "absent" for optional fields, as in Stytch's API.

import {
  EMAIL_OTP_MAX_MINUTES,
  EMAIL_OTP_MIN_MINUTES,
  MAX_CLAIMS_BYTES,
  MAX_EMAIL_LENGTH,
  MAX_STRING_LENGTH,
  OTP_DIGITS,
  SESSION_MAX_MINUTES,
  SESSION_MIN_MINUTES,
} from './constants.js';
import { EMAIL_LOCALES, SMS_LOCALES } from '../shared/locales.js';
import { badRequest, memberNotFound } from './errors.js';
import { isExternalId, isMemberId, isOrganizationLocator } from './ids.js';

export type Json = Record<string, unknown>;

/** Reads the field `key` (or, for groups, several fields) of a body and returns its parsed value. */
export type Field<T> = (body: Json, key: string) => T;

type Parsed<S extends Record<string, Field<unknown>>> = { [K in keyof S]: ReturnType<S[K]> };

/** A parser for one endpoint's body; fields are checked in the order they are declared. */
export function request<S extends Record<string, Field<unknown>>>(fields: S) {
  return (body: Json): Parsed<S> => {
    const parsed: Partial<Parsed<S>> = {};
    for (const key of Object.keys(fields) as (keyof S & string)[]) {
      parsed[key] = fields[key]!(body, key) as Parsed<S>[typeof key];
    }
    return parsed as Parsed<S>;
  };
}

export const own = (body: Json, key: string): unknown =>
  Object.hasOwn(body, key) ? body[key] : undefined;

const present = (body: Json, key: string) =>
  own(body, key) !== undefined && own(body, key) !== null;

export const optionalString =
  (max = MAX_STRING_LENGTH): Field<string | undefined> =>
  (body, key) => {
    if (!present(body, key)) return undefined;
    const value = own(body, key);
    if (typeof value !== 'string') throw badRequest('bad_request', `${key} must be a string.`);
    if (value.length > max) {
      throw badRequest('bad_request', `${key} is too long (at most ${max} characters).`);
    }
    return value;
  };

export const requiredString =
  (max = MAX_STRING_LENGTH, missing = 'bad_request'): Field<string> =>
  (body, key) => {
    const value = optionalString(max)(body, key);
    if (value === undefined || value === '') throw badRequest(missing, `${key} is required.`);
    return value;
  };

export const optionalBoolean = (): Field<boolean | undefined> => (body, key) => {
  if (!present(body, key)) return undefined;
  if (typeof own(body, key) !== 'boolean')
    throw badRequest('bad_request', `${key} must be a boolean.`);
  return own(body, key) as boolean;
};

export const optionalInteger =
  (min: number, max: number, errorType = 'bad_request'): Field<number | undefined> =>
  (body, key) => {
    if (!present(body, key)) return undefined;
    const value = own(body, key);
    if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) {
      throw badRequest(errorType, `${key} must be a whole number from ${min} to ${max}.`);
    }
    return value;
  };

export const oneOf =
  <T extends string>(values: readonly T[], errorType = 'bad_request'): Field<T | undefined> =>
  (body, key) => {
    if (!present(body, key)) return undefined;
    const value = own(body, key);
    if (typeof value !== 'string' || !(values as readonly string[]).includes(value)) {
      throw badRequest(errorType, `${key} must be one of: ${values.join(', ')}.`);
    }
    return value as T;
  };

export const stringArray =
  (check?: (item: string) => boolean, errorType = 'bad_request'): Field<string[] | undefined> =>
  (body, key) => {
    if (!present(body, key)) return undefined;
    const value = own(body, key);
    if (!Array.isArray(value) || value.length > 100) {
      throw badRequest('bad_request', `${key} must be an array of at most 100 strings.`);
    }
    for (const item of value) {
      if (typeof item !== 'string' || item.length > MAX_STRING_LENGTH || (check && !check(item))) {
        throw badRequest(errorType, `${key} contains an invalid value.`);
      }
    }
    return value as string[];
  };

export const jsonObject =
  (errorType = 'bad_request'): Field<Record<string, unknown> | undefined> =>
  (body, key) => {
    if (!present(body, key)) return undefined;
    const value = own(body, key);
    if (typeof value !== 'object' || value === null || Array.isArray(value)) {
      throw badRequest('bad_request', `${key} must be a JSON object.`);
    }
    if (JSON.stringify(value).length > MAX_CLAIMS_BYTES) {
      throw badRequest(
        errorType,
        `${key} is too large (at most ${MAX_CLAIMS_BYTES} bytes of JSON).`,
      );
    }
    return value as Record<string, unknown>;
  };

/** Fields parsed but not used by the emulator (templates, telemetry): type-checked only. */
export const ignoredString = (): Field<undefined> => (body, key) => {
  optionalString()(body, key);
  return undefined;
};

// Conservative ASCII address check: local part without spaces, quotes or brackets, a dotted domain.
const EMAIL =
  /^[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]{1,64}@[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)+$/;

export const isEmail = (value: string) => value.length <= MAX_EMAIL_LENGTH && EMAIL.test(value);

const DOMAIN = /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)+$/i;
export const isDomain = (value: string) => value.length <= 253 && DOMAIN.test(value);

/** Email addresses are compared case-insensitively; they are stored lower-cased. */
export const email = (): Field<string> => (body, key) => {
  const value = requiredString(MAX_EMAIL_LENGTH + 1)(body, key);
  if (!isEmail(value)) throw badRequest('invalid_email', `${key} is not a valid email address.`);
  return value.toLowerCase();
};

export const optionalEmail = (): Field<string | undefined> => (body, key) =>
  present(body, key) ? email()(body, key) : undefined;

const E164 = /^\+[1-9][0-9]{6,14}$/;
export const isPhone = (value: string) => E164.test(value);

export const phone = (): Field<string | undefined> => (body, key) => {
  const value = optionalString(32)(body, key);
  if (value === undefined || value === '') return undefined;
  if (!isPhone(value)) {
    throw badRequest(
      'invalid_phone_number',
      `${key} must be an E.164 number such as +15555550100.`,
    );
  }
  return value;
};

const CODE = new RegExp(`^[0-9]{${OTP_DIGITS}}$`);

/** Exactly OTP_DIGITS ASCII digits given as a JSON string; anything else is rejected untouched. */
export const code = (): Field<string> => (body, key) => {
  const value = own(body, key);
  if (value === undefined || value === null || value === '') {
    throw badRequest('bad_request', `${key} is required.`);
  }
  if (typeof value !== 'string' || value.length !== OTP_DIGITS || !CODE.test(value)) {
    throw badRequest(
      'invalid_code',
      `${key} must be a string of exactly ${OTP_DIGITS} digits (0-9).`,
    );
  }
  return value;
};

export const sessionDuration = () =>
  optionalInteger(SESSION_MIN_MINUTES, SESSION_MAX_MINUTES, 'invalid_session_duration_minutes');

/** `*_expiration_minutes` of email codes: Stytch's 2 to 15 minutes. */
export const expirationMinutes = () =>
  optionalInteger(EMAIL_OTP_MIN_MINUTES, EMAIL_OTP_MAX_MINUTES, 'invalid_expiration_otp');

/**
 * Claims Stytch ignores in `session_custom_claims` ("Custom claims made with reserved claims (`iss`,
 * `sub`, `aud`, `exp`, `nbf`, `iat`, `jti`) will be ignored", B2B sessions.authenticate reference and
 * the SDK's `session_custom_claims` doc). `__proto__` is dropped too: it cannot be a JSON object key
 * of a JWT payload built in JavaScript without changing its prototype.
 */
const IGNORED_CLAIMS = new Set(['iss', 'sub', 'aud', 'exp', 'nbf', 'iat', 'jti', '__proto__']);

export const customClaims = (): Field<Record<string, unknown> | undefined> => (body, key) => {
  const claims = jsonObject('custom_claims_too_large')(body, key);
  if (!claims) return undefined;
  const kept: [string, unknown][] = [];
  for (const name of Object.keys(claims)) {
    if (name.startsWith('https://stytch.com/')) {
      throw badRequest(
        'stytch_claims_in_custom_claims',
        `"${name}" is reserved for Stytch claims.`,
      );
    }
    if (!IGNORED_CLAIMS.has(name)) kept.push([name, claims[name]]);
  }
  return Object.fromEntries(kept);
};

export type SessionArgumentName = 'intermediate_session_token' | 'session_token' | 'session_jwt';
export type SessionArguments = Partial<Record<SessionArgumentName, string>>;

/**
 * The optional session arguments (a group: the key it is declared under is not read); more than one is
 * `too_many_session_arguments`, none with `required` is `no_session_arguments`.
 */
export const sessionArguments =
  (allowed: readonly SessionArgumentName[], required = false): Field<SessionArguments> =>
  (body) => {
    const args: SessionArguments = {};
    for (const name of allowed) {
      const value = optionalString(8192)(body, name);
      if (value) args[name] = value;
    }
    const given = Object.keys(args).length;
    if (given > 1) {
      throw badRequest('too_many_session_arguments', `Pass only one of ${allowed.join(', ')}.`);
    }
    if (required && given === 0) {
      throw badRequest('no_session_arguments', `One of ${allowed.join(', ')} is required.`);
    }
    return args;
  };

/**
 * `organization_id`: Stytch also accepts the slug or `organization_external_id` there. A value that
 * can be none of them is `invalid_organization_id`.
 */
export const organizationId = (): Field<string> => (body, key) => {
  const value = requiredString(MAX_STRING_LENGTH)(body, key);
  if (!isOrganizationLocator(value)) {
    throw badRequest(
      'invalid_organization_id',
      `${key} is not an organization id, slug or external id.`,
    );
  }
  return value;
};

/**
 * `member_id`: a Stytch member id, or the member's `external_id`. Anything else can match no member,
 * which Stytch answers with `member_not_found` (it has no error for a malformed member id).
 */
export const memberId = (): Field<string> => (body, key) => {
  const value = requiredString(MAX_STRING_LENGTH)(body, key);
  if (!isMemberId(value) && !isExternalId(value)) throw memberNotFound();
  return value;
};

export const emailLocale = () => oneOf(EMAIL_LOCALES, 'invalid_locale');
export const smsLocale = () => oneOf(SMS_LOCALES, 'invalid_locale');
