import { isJsonObject, type JsonObject } from './body.js';
import { GatewayError } from './errors.js';
import type { SessionDurationBounds } from './options.js';

/**
 * Request fields the browser may set, per endpoint, with Stytch's names. Everything else is dropped:
 * tokens come from cookies, `session_custom_claims` is for servers to decide, and
 * `session_duration_minutes` is clamped by {@link clampSessionDuration}.
 */
export const REQUEST_FIELDS = {
  emailLoginOrSignup: [
    'organization_id',
    'email_address',
    'login_template_id',
    'signup_template_id',
    'locale',
    'login_expiration_minutes',
    'signup_expiration_minutes',
  ],
  emailAuthenticate: [
    'organization_id',
    'email_address',
    'code',
    'locale',
    'session_duration_minutes',
  ],
  smsSend: ['organization_id', 'member_id', 'mfa_phone_number', 'locale'],
  smsAuthenticate: [
    'organization_id',
    'member_id',
    'code',
    'session_duration_minutes',
    'set_mfa_enrollment',
  ],
} as const satisfies Record<string, readonly string[]>;

/** Fields that carry credentials. They only ever reach the browser with `exposeTokens`. */
export const TOKEN_FIELDS: ReadonlySet<string> = new Set([
  'session_token',
  'session_jwt',
  'intermediate_session_token',
]);

export function pickFields(body: JsonObject, fields: readonly string[]): JsonObject {
  const picked: JsonObject = {};
  for (const field of fields) {
    if (Object.hasOwn(body, field) && body[field] !== undefined) picked[field] = body[field];
  }
  return picked;
}

/** The configured default when absent; otherwise rounded and clamped to the bounds. */
export function clampSessionDuration(value: unknown, bounds: SessionDurationBounds): number {
  if (value === undefined || value === null) return bounds.default;
  if (typeof value !== 'number' || !Number.isFinite(value)) {
    throw new GatewayError(
      400,
      'invalid_session_duration_minutes',
      'session_duration_minutes must be a number of minutes.',
    );
  }
  return Math.min(Math.max(Math.round(value), bounds.min), bounds.max);
}

export function checkOrganization(
  body: JsonObject,
  allowed: ReadonlySet<string> | undefined,
): void {
  if (!allowed) return;
  const id = body.organization_id;
  if (typeof id !== 'string' || !allowed.has(id)) {
    throw new GatewayError(
      403,
      'organization_not_allowed',
      'This organization cannot sign in here.',
    );
  }
}

/** A copy of `value` without token fields, at any depth. */
export function stripTokens(value: unknown): unknown {
  if (Array.isArray(value)) return value.map(stripTokens);
  if (!isJsonObject(value)) return value;
  return Object.fromEntries(
    Object.entries(value)
      .filter(([key]) => !TOKEN_FIELDS.has(key))
      .map(([key, item]) => [key, stripTokens(item)]),
  );
}
