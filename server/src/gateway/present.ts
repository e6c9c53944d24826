// What the browser gets back: only what the elements need, nothing about a member for someone who
// has not proven a code, tokens only with `exposeTokens`.
import { isJsonObject, type JsonObject } from '../shared/body.js';
import { stytchErrorBody } from '../shared/errors.js';
import { newRequestId } from './errors.js';

/**
 * Stytch's answers to `login_or_signup` for an address that may not sign in: not a member, JIT
 * provisioning off, or a domain outside the allowed list. Stytch's own UI treats the first two as
 * "no access" (stytchauth/stytch-browser, packages/web/src/b2b/screens/EmailForm.tsx).
 */
const REFUSED_ADDRESS = new Set([
  'email_jit_provisioning_not_allowed',
  'invalid_email_for_jit_provisioning',
  'member_not_found',
]);
const WRONG_CODE = 'otp_code_not_found';

const TOKEN_FIELDS = ['session_token', 'session_jwt', 'intermediate_session_token'] as const;
const ERROR_FIELDS = ['status_code', 'request_id', 'error_type', 'error_message', 'error_url'];
/** The member before MFA is complete: who and how to reach the second factor, phone masked. */
const PENDING_MEMBER_FIELDS = [
  'member_id',
  'organization_id',
  'email_address',
  'email_address_verified',
  'status',
  'name',
  'mfa_enrolled',
  'mfa_phone_number',
  'mfa_phone_number_verified',
  'default_mfa_method',
];
const PENDING_ORGANIZATION_FIELDS = [
  'organization_id',
  'organization_name',
  'organization_slug',
  'organization_logo_url',
  'mfa_policy',
  'mfa_methods',
  'allowed_mfa_methods',
];
const AUTHENTICATION_FIELDS = [
  'request_id',
  'status_code',
  'member_id',
  'organization_id',
  'member',
  'organization',
  'member_session',
  'member_authenticated',
  'mfa_required',
  'primary_required',
  'intermediate_session_token_expires_at',
];

/** `+15555550123` → `+1••••••0123`, as the elements show it. */
export function maskPhone(phone: string): string {
  return phone.length > 6
    ? phone.slice(0, 2) + '•'.repeat(phone.length - 6) + phone.slice(-4)
    : '•'.repeat(phone.length);
}

export function isRefusedAddress(body: JsonObject): boolean {
  return typeof body.error_type === 'string' && REFUSED_ADDRESS.has(body.error_type);
}

/**
 * "Code sent": the same keys, status and kind of request id for every address, whether a code
 * went out, the address is refused, or it is not a member.
 */
export function codeSent(fields: JsonObject): JsonObject {
  return { request_id: newRequestId(), status_code: 200, ...fields };
}

/** A wrong code, and an address that cannot sign in, look exactly alike. */
export function wrongCode(): JsonObject {
  return {
    ...stytchErrorBody(
      404,
      WRONG_CODE,
      'The code is wrong, or it was not sent to this address. Check it or ask for a new one.',
      newRequestId(),
    ),
  };
}

export function isWrongCode(body: JsonObject): boolean {
  return body.error_type === WRONG_CODE || isRefusedAddress(body);
}

/** Stytch's error body, with its five keys only. */
export function errorAnswer(body: JsonObject): JsonObject {
  return pick(body, ERROR_FIELDS);
}

/**
 * A successful authenticate. With a session: the member and organization without
 * `trusted_metadata`. MFA pending: who the member is and how to reach the second factor, the phone
 * masked until the member is authenticated.
 */
export function authenticationAnswer(body: JsonObject, exposeTokens: boolean): JsonObject {
  const answer = pick(body, AUTHENTICATION_FIELDS);
  if (isJsonObject(body.member_session)) {
    answer.member = withoutTrustedMetadata(body.member);
    answer.organization = withoutTrustedMetadata(body.organization);
  } else {
    answer.member = pendingMember(body.member);
    answer.organization = pick(asObject(body.organization), PENDING_ORGANIZATION_FIELDS);
    answer.mfa_required = pendingMfa(body.mfa_required);
  }
  return exposeTokens ? { ...answer, ...pick(body, TOKEN_FIELDS) } : answer;
}

const DISCOVERY_FIELDS = [
  'request_id',
  'status_code',
  'email_address',
  'intermediate_session_token_expires_at',
  'organization_id_hint',
];

/**
 * The organizations found for a proven email address: for each, the organization as an MFA-pending
 * answer shows it, the membership without member details beyond id and status, and what picking
 * it leads to (phone masked). With `allowedOrganizationIds`, only those organizations.
 */
export function discoveredAnswer(
  body: JsonObject,
  exposeTokens: boolean,
  allowed: ReadonlySet<string> | undefined,
): JsonObject {
  const answer = pick(body, DISCOVERY_FIELDS);
  const found = Array.isArray(body.discovered_organizations) ? body.discovered_organizations : [];
  const listed = (entry: JsonObject) =>
    !allowed || allowed.has(asObject(entry.organization).organization_id as string);
  answer.discovered_organizations = found
    .filter(isJsonObject)
    .filter(listed)
    .map((entry) => {
      const membership = asObject(entry.membership);
      const member = isJsonObject(membership.member) ? membership.member : null;
      const details = asObject(membership.details);
      return {
        organization: pick(asObject(entry.organization), PENDING_ORGANIZATION_FIELDS),
        membership: {
          type: membership.type,
          details: typeof details.domain === 'string' ? { domain: details.domain } : null,
          member: member && pick(member, ['member_id', 'organization_id', 'status']),
        },
        member_authenticated: entry.member_authenticated === true,
        primary_required: entry.primary_required ?? null,
        mfa_required: pendingMfa(entry.mfa_required),
      };
    });
  return exposeTokens ? { ...answer, ...pick(body, ['intermediate_session_token']) } : answer;
}

/** `GET /session`: the signed-in member, organization and session. */
export function sessionAnswer(body: JsonObject, exposeTokens: boolean): JsonObject {
  const answer = {
    ...pick(body, ['request_id', 'status_code', 'member_session']),
    member: withoutTrustedMetadata(body.member),
    organization: withoutTrustedMetadata(body.organization),
  };
  return exposeTokens ? { ...answer, ...pick(body, ['session_token', 'session_jwt']) } : answer;
}

function pendingMember(member: unknown): JsonObject {
  const picked = pick(asObject(member), PENDING_MEMBER_FIELDS);
  if (typeof picked.mfa_phone_number === 'string') {
    picked.mfa_phone_number = maskPhone(picked.mfa_phone_number);
  }
  return picked;
}

function pendingMfa(mfa: unknown): unknown {
  if (!isJsonObject(mfa)) return mfa ?? null;
  const options = mfa.member_options;
  const phone = isJsonObject(options) ? options.mfa_phone_number : undefined;
  return {
    member_options: typeof phone === 'string' ? { mfa_phone_number: maskPhone(phone) } : null,
    secondary_auth_initiated: mfa.secondary_auth_initiated ?? null,
  };
}

function withoutTrustedMetadata(value: unknown): unknown {
  if (!isJsonObject(value)) return value;
  const rest = { ...value };
  delete rest.trusted_metadata;
  return rest;
}

function asObject(value: unknown): JsonObject {
  return isJsonObject(value) ? value : {};
}

function pick(body: JsonObject, fields: readonly string[]): JsonObject {
  const picked: JsonObject = {};
  for (const field of fields) if (Object.hasOwn(body, field)) picked[field] = body[field];
  return picked;
}
