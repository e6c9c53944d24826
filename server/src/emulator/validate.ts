// Small hand-written validators for request bodies. Each throws a Stytch-shaped 400 naming the field.
// JSON null counts as "absent" for optional fields, as in Stytch's API.

import {
  MAX_CLAIMS_BYTES,
  MAX_EMAIL_LENGTH,
  MAX_STRING_LENGTH,
  OTP_DIGITS,
  SESSION_MAX_MINUTES,
  SESSION_MIN_MINUTES,
} from './constants.js';
import { badRequest } from './errors.js';

export type Json = Record<string, unknown>;

const present = (body: Json, key: string) => body[key] !== undefined && body[key] !== null;

export function optionalString(
  body: Json,
  key: string,
  max = MAX_STRING_LENGTH,
): string | undefined {
  if (!present(body, key)) return undefined;
  const value = body[key];
  if (typeof value !== 'string') throw badRequest('bad_request', `${key} must be a string.`);
  if (value.length > max) {
    throw badRequest('bad_request', `${key} is too long (at most ${max} characters).`);
  }
  return value;
}

export function requiredString(body: Json, key: string, max = MAX_STRING_LENGTH): string {
  const value = optionalString(body, key, max);
  if (value === undefined || value === '') throw badRequest('bad_request', `${key} is required.`);
  return value;
}

export function optionalBoolean(body: Json, key: string): boolean | undefined {
  if (!present(body, key)) return undefined;
  if (typeof body[key] !== 'boolean') throw badRequest('bad_request', `${key} must be a boolean.`);
  return body[key] as boolean;
}

export function optionalInteger(
  body: Json,
  key: string,
  min: number,
  max: number,
  errorType = 'bad_request',
): number | undefined {
  if (!present(body, key)) return undefined;
  const value = body[key];
  if (typeof value !== 'number' || !Number.isInteger(value) || value < min || value > max) {
    throw badRequest(errorType, `${key} must be a whole number from ${min} to ${max}.`);
  }
  return value;
}

export function optionalEnum<T extends string>(
  body: Json,
  key: string,
  values: readonly T[],
  errorType = 'bad_request',
): T | undefined {
  if (!present(body, key)) return undefined;
  const value = body[key];
  if (typeof value !== 'string' || !(values as readonly string[]).includes(value)) {
    throw badRequest(errorType, `${key} must be one of: ${values.join(', ')}.`);
  }
  return value as T;
}

export function optionalStringArray(
  body: Json,
  key: string,
  check?: (item: string) => boolean,
  errorType = 'bad_request',
): string[] | undefined {
  if (!present(body, key)) return undefined;
  const value = body[key];
  if (!Array.isArray(value) || value.length > 100) {
    throw badRequest('bad_request', `${key} must be an array of at most 100 strings.`);
  }
  for (const item of value) {
    if (typeof item !== 'string' || item.length > MAX_STRING_LENGTH || (check && !check(item))) {
      throw badRequest(errorType, `${key} contains an invalid value.`);
    }
  }
  return value as string[];
}

export function optionalObject(
  body: Json,
  key: string,
  errorType = 'bad_request',
): Record<string, unknown> | undefined {
  if (!present(body, key)) return undefined;
  const value = body[key];
  if (typeof value !== 'object' || value === null || Array.isArray(value)) {
    throw badRequest('bad_request', `${key} must be a JSON object.`);
  }
  if (JSON.stringify(value).length > MAX_CLAIMS_BYTES) {
    throw badRequest(errorType, `${key} is too large (at most ${MAX_CLAIMS_BYTES} bytes of JSON).`);
  }
  return value as Record<string, unknown>;
}

// Conservative ASCII address check: local part without spaces, quotes or brackets, a dotted domain.
const EMAIL =
  /^[A-Za-z0-9.!#$%&'*+/=?^_`{|}~-]{1,64}@[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?(?:\.[A-Za-z0-9](?:[A-Za-z0-9-]{0,61}[A-Za-z0-9])?)+$/;

export const isEmail = (value: string) => value.length <= MAX_EMAIL_LENGTH && EMAIL.test(value);

const DOMAIN = /^[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?(?:\.[a-z0-9](?:[a-z0-9-]{0,61}[a-z0-9])?)+$/i;
export const isDomain = (value: string) => value.length <= 253 && DOMAIN.test(value);

/** Email addresses are compared case-insensitively; they are stored lower-cased. */
export function email(body: Json, key = 'email_address', required = true): string | undefined {
  if (!required && !present(body, key)) return undefined;
  const value = requiredString(body, key, MAX_EMAIL_LENGTH + 1);
  if (!isEmail(value)) throw badRequest('invalid_email', `${key} is not a valid email address.`);
  return value.toLowerCase();
}

const E164 = /^\+[1-9][0-9]{6,14}$/;
export const isPhone = (value: string) => E164.test(value);

export function phone(body: Json, key = 'mfa_phone_number'): string | undefined {
  const value = optionalString(body, key, 32);
  if (value === undefined || value === '') return undefined;
  if (!isPhone(value)) {
    throw badRequest(
      'invalid_phone_number',
      `${key} must be an E.164 number such as +15555550100.`,
    );
  }
  return value;
}

const CODE = new RegExp(`^[0-9]{${OTP_DIGITS}}$`);

/** Exactly OTP_DIGITS ASCII digits given as a JSON string; anything else is rejected untouched. */
export function code(body: Json): string {
  const value = body.code;
  if (value === undefined || value === null || value === '') {
    throw badRequest('bad_request', 'code is required.');
  }
  if (typeof value !== 'string' || value.length !== OTP_DIGITS || !CODE.test(value)) {
    throw badRequest(
      'invalid_code',
      `code must be a string of exactly ${OTP_DIGITS} digits (0-9).`,
    );
  }
  return value;
}

export function sessionDuration(body: Json): number | undefined {
  return optionalInteger(
    body,
    'session_duration_minutes',
    SESSION_MIN_MINUTES,
    SESSION_MAX_MINUTES,
    'invalid_session_duration_minutes',
  );
}

const RESERVED_CLAIMS = new Set(['iss', 'sub', 'aud', 'exp', 'nbf', 'iat', 'jti', '__proto__']);

export function customClaims(body: Json): Record<string, unknown> | undefined {
  const claims = optionalObject(body, 'session_custom_claims', 'custom_claims_too_large');
  if (!claims) return undefined;
  for (const key of Object.keys(claims)) {
    if (RESERVED_CLAIMS.has(key)) {
      throw badRequest('reserved_claims_in_custom_claims', `"${key}" is a reserved JWT claim.`);
    }
    if (key.startsWith('https://stytch.com/')) {
      throw badRequest('stytch_claims_in_custom_claims', `"${key}" is reserved for Stytch claims.`);
    }
  }
  return claims;
}

export interface SessionArguments {
  intermediate_session_token?: string;
  session_token?: string;
  session_jwt?: string;
}

/** The optional session arguments; more than one is `too_many_session_arguments`. */
export function sessionArguments(
  body: Json,
  allowed: readonly (keyof SessionArguments)[],
): SessionArguments {
  const args: SessionArguments = {};
  for (const key of allowed) {
    const value = optionalString(body, key, 8192);
    if (value) args[key] = value;
  }
  if (Object.keys(args).length > 1) {
    throw badRequest('too_many_session_arguments', `Pass only one of ${allowed.join(', ')}.`);
  }
  return args;
}

export function requireOneSessionArgument(
  args: SessionArguments,
  allowed: readonly (keyof SessionArguments)[],
): void {
  if (Object.keys(args).length === 0) {
    throw badRequest('no_session_arguments', `One of ${allowed.join(', ')} is required.`);
  }
}

export const EMAIL_LOCALES = ['en', 'es', 'pt-br', 'fr'] as const;
export const SMS_LOCALES = ['en', 'es', 'pt-br', 'fr', 'it', 'de-DE', 'zh-Hans', 'ca-ES'] as const;
