// Pieces the OTP and session routes share: the authenticated answer, SMS sending, org method checks.

import { SMS_OTP_LIFETIME_MS } from '../constants.js';
import type { Core } from '../core.js';
import { badRequest } from '../errors.js';
import { iso, presentSession } from '../present.js';
import type { MemberRecord, OrganizationRecord, SessionRecord } from '../types.js';
import { ok } from './respond.js';

/**
 * The answer carrying a member session. Everything is read before the JWT is signed (the only
 * await), so the answer reflects the state this request produced.
 */
export async function authenticatedResponse(
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
    member_session: presentSession(session, org),
    session_token: sessionToken,
    ...extra,
  };
  return ok({ ...body, session_jwt: await core.sessions.jwt(session, org) });
}

/** Issues an SMS code to `to` and puts it in the outbox (429 when the member is over the cap). */
export function sendSmsCode(
  core: Core,
  org: OrganizationRecord,
  member: MemberRecord,
  to: string,
): void {
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

export function assertSmsAllowed(org: OrganizationRecord): void {
  if (org.mfa_methods === 'RESTRICTED' && !org.allowed_mfa_methods.includes('sms_otp')) {
    throw badRequest(
      'operation_restricted_by_organization_mfa_methods',
      'This organization does not allow SMS one-time passcodes as an MFA method.',
    );
  }
}

export function assertEmailOtpAllowed(org: OrganizationRecord): void {
  if (org.auth_methods === 'RESTRICTED' && !org.allowed_auth_methods.includes('email_otp')) {
    throw badRequest(
      'operation_restricted_by_organization_auth_methods',
      'This organization does not allow email one-time passcodes.',
    );
  }
}

/** Stytch shows only the last four digits of the MFA phone number in `mfa_required`. */
export const maskPhone = (phone: string) => {
  const digits = phone.replace(/\D/g, '');
  return 'X'.repeat(Math.max(0, digits.length - 4)) + digits.slice(-4);
};
