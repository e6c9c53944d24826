// What every login step ends with: a member session, or an intermediate session while MFA (or another
// primary factor) is still needed. Shared by email authenticate, the discovery exchanges and
// sessions.exchange, which Stytch documents with the same outcome fields.

import { SMS_OTP_LIFETIME_MS } from '../constants.js';
import type { Core } from '../core.js';
import { ApiError } from '../errors.js';
import { assertSmsAllowed, assertSmsCountry, mfaRequired, primaryRequired } from '../policy.js';
import { iso } from '../present.js';
import { hasSmsFactorFor } from '../sessions.js';
import type {
  AuthenticationFactor,
  MemberRecord,
  OrganizationRecord,
  SessionRecord,
} from '../types.js';
import { ok } from './respond.js';

/**
 * The answer carrying a member session. Everything is read before the JWT is signed (the only
 * await), so the answer reflects the state this request produced.
 */
export async function sessionResponse(
  core: Core,
  member: MemberRecord,
  org: OrganizationRecord,
  session: SessionRecord,
  sessionToken: string,
  extra: object = {},
): Promise<Response> {
  const body = {
    member_id: member.member_id,
    member: core.presentMember(member),
    organization: core.presentOrganization(org),
    member_session: core.presentSession(session, org, member),
    session_token: sessionToken,
    ...extra,
  };
  return ok({ ...body, session_jwt: await core.sessions.jwt(session, org, member) });
}

/** Issues an SMS code to `to` and puts it in the outbox. */
export function sendSmsCode(
  core: Core,
  org: OrganizationRecord,
  member: MemberRecord,
  to: string,
): void {
  assertSmsCountry(to, core.smsCallingCodes);
  const { code, expiresAt } = core.codes.issue('sms', member.member_id, to, SMS_OTP_LIFETIME_MS);
  core.outbox.record({
    channel: 'sms',
    to,
    code,
    organization_id: org.organization_id,
    member_id: member.member_id,
    sent_at: iso(core.now()),
    expires_at: iso(expiresAt),
  });
}

export interface Login {
  org: OrganizationRecord;
  member: MemberRecord;
  /** Factors proven so far (the primary factor included). */
  factors: readonly AuthenticationFactor[];
  /** The intermediate session passed in, if any: kept while MFA is pending, consumed at the end. */
  ist?: string;
  minutes?: number;
  claims?: Record<string, unknown>;
  /** Endpoint-specific fields of the answer (method_id…). */
  extra?: object;
}

/**
 * A session when the organization's requirements are met; otherwise the intermediate session (the
 * same token when one was passed in, as Stytch returns it) with `primary_required` or
 * `mfa_required`, and the SMS sent automatically to a member with an MFA phone — "even if not yet
 * verified" (stytch-browser B2B UI `reducer/mfa.ts`).
 */
export function completeLogin(core: Core, login: Login): Promise<Response> | Response {
  const { org, member, factors, ist } = login;
  const primary = primaryRequired(org);
  if (primary || (mfaRequired(org, member) && !hasSmsFactorFor(factors, member))) {
    const pending = ist
      ? core.sessions.bindIntermediate(ist, member, factors)
      : core.sessions.issueIntermediate({
          email_address: member.email_address,
          member_id: member.member_id,
          organization_id: org.organization_id,
          factors,
        });
    const mfa = primary ? null : mfaStep(core, org, member);
    return ok({
      ...login.extra,
      member_id: member.member_id,
      member: core.presentMember(member),
      organization: core.presentOrganization(org),
      member_session: null,
      session_token: '',
      session_jwt: '',
      intermediate_session_token: pending.token,
      intermediate_session_token_expires_at: iso(pending.expiresAt),
      member_authenticated: false,
      primary_required: primary,
      mfa_required: mfa,
    });
  }
  if (ist) core.sessions.consumeIntermediate(ist);
  const { session, token } = core.sessions.create(member, factors, login.minutes, login.claims);
  return sessionResponse(core, member, org, session, token, {
    ...login.extra,
    intermediate_session_token: '',
    member_authenticated: true,
    primary_required: null,
    mfa_required: null,
  });
}

/** `mfa_required`, sending the SMS first when the member has a phone. */
function mfaStep(core: Core, org: OrganizationRecord, member: MemberRecord) {
  let initiated: 'sms_otp' | null = null;
  if (member.mfa_phone_number) {
    try {
      assertSmsAllowed(org);
      sendSmsCode(core, org, member, member.mfa_phone_number);
      initiated = 'sms_otp';
    } catch (error) {
      // Not sending is an answer too (secondary_auth_initiated null): the member can ask for a resend.
      if (!(error instanceof ApiError)) throw error;
      core.log(
        `[emulator] MFA SMS for ${member.member_id} not sent automatically: ${error.message}`,
      );
    }
  }
  return { member_options: memberOptions(member), secondary_auth_initiated: initiated };
}

/** `mfa_required.member_options`: the MFA phone, last four digits only, or null without one. */
export const memberOptions = (member: MemberRecord | null) =>
  member?.mfa_phone_number
    ? { mfa_phone_number: maskPhone(member.mfa_phone_number), totp_registration_id: '' }
    : null;

/** Stytch shows only the last four digits of the MFA phone number in `mfa_required`. */
export const maskPhone = (phone: string) => {
  const digits = phone.replace(/\D/g, '');
  return 'X'.repeat(Math.max(0, digits.length - 4)) + digits.slice(-4);
};
