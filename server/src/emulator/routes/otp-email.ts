// POST /v1/b2b/otps/email/login_or_signup and /v1/b2b/otps/email/authenticate.

import type { Hono } from 'hono';
import { readJsonObject } from '../body.js';
import {
  EMAIL_OTP_DEFAULT_MINUTES,
  EMAIL_OTP_MAX_MINUTES,
  EMAIL_OTP_MIN_MINUTES,
} from '../constants.js';
import type { Core } from '../core.js';
import { ApiError } from '../errors.js';
import { iso } from '../present.js';
import { emailFactor, withFactor } from '../sessions.js';
import type { AuthenticationFactor, MemberRecord, OrganizationRecord } from '../types.js';
import {
  code as validCode,
  customClaims,
  email,
  EMAIL_LOCALES,
  optionalEnum,
  optionalInteger,
  optionalString,
  requiredString,
  sessionArguments,
  sessionDuration,
  type Json,
} from '../validate.js';
import {
  assertEmailOtpAllowed,
  assertSmsAllowed,
  authenticatedResponse,
  maskPhone,
  sendSmsCode,
} from './authenticated.js';
import { ok } from './respond.js';

const SESSION_ARGS = ['intermediate_session_token', 'session_token', 'session_jwt'] as const;

const expirationMinutes = (body: Json, key: string) =>
  optionalInteger(
    body,
    key,
    EMAIL_OTP_MIN_MINUTES,
    EMAIL_OTP_MAX_MINUTES,
    'invalid_expiration_otp',
  );

export function emailOtpRoutes(app: Hono, core: Core): void {
  app.post('/v1/b2b/otps/email/login_or_signup', async (c) => {
    const body = await readJsonObject(c.req.raw);
    const orgId = requiredString(body, 'organization_id');
    const address = email(body)!;
    optionalString(body, 'login_template_id');
    optionalString(body, 'signup_template_id');
    optionalEnum(body, 'locale', EMAIL_LOCALES, 'invalid_locale');
    const loginMinutes = expirationMinutes(body, 'login_expiration_minutes');
    const signupMinutes = expirationMinutes(body, 'signup_expiration_minutes');

    const org = core.organization(orgId);
    assertEmailOtpAllowed(org);
    let member = core.memberByEmail(org, address);
    let created = false;
    if (!member && core.mayProvision(org, address)) {
      member = core.addMember(org, address, 'pending');
      created = true;
    }
    if (!member) {
      // Not a member and not allowed to sign up: no member and no code, but the same answer a
      // member gets (send caps and lockout included), so the API does not reveal who is a member.
      const phantom = core.phantomMember(org, address);
      core.codes.countSend('email', phantom.member_id);
      core.log(
        `[outbox] nothing sent to ${address}: not a member of ${org.organization_slug} and email JIT provisioning does not admit it (answered as if sent).`,
      );
      return sendResponse(core, org, phantom, false);
    }
    const signup = member.status !== 'active';
    const minutes = (signup ? signupMinutes : loginMinutes) ?? EMAIL_OTP_DEFAULT_MINUTES;
    const { code, expiresAt } = core.codes.issue(
      'email',
      member.member_id,
      member.email_address,
      minutes * 60_000,
    );
    core.outbox.record({
      channel: 'email',
      to: member.email_address,
      code,
      organization_id: org.organization_id,
      member_id: member.member_id,
      sent_at: iso(core.now()),
      expires_at: iso(expiresAt),
    });
    return sendResponse(core, org, member, created);
  });

  app.post('/v1/b2b/otps/email/authenticate', async (c) => {
    const body = await readJsonObject(c.req.raw);
    const orgId = requiredString(body, 'organization_id');
    const address = email(body)!;
    const code = validCode(body);
    const args = sessionArguments(body, SESSION_ARGS);
    const minutes = sessionDuration(body);
    const claims = customClaims(body);
    optionalEnum(body, 'locale', EMAIL_LOCALES, 'invalid_locale');
    const ref = await core.sessions.prepare(args);

    // No await from here until every check has passed and the state has changed: concurrent
    // requests with the same code or IST cannot both get through.
    const org = core.organization(orgId);
    assertEmailOtpAllowed(org);
    const member = core.memberByEmail(org, address) ?? core.phantomMember(org, address);
    const priorFactors =
      ref.kind === 'ist'
        ? core.sessions.peekIntermediate(ref.token, member.member_id, org.organization_id)
        : [];
    const existing =
      ref.kind === 'token' || ref.kind === 'jwt'
        ? core.sessions.resolve(ref, member.member_id)
        : undefined;
    core.codes.use('email', member.member_id, member.email_address, code);

    // Only real members ever have a code, so `member` is stored from here on.
    const now = core.now();
    if (member.status === 'pending' || member.status === 'invited') member.status = 'active';
    member.email_address_verified = true;
    member.updated_at = now;
    const factor = emailFactor(member, now);
    const common = {
      method_id: member.email_id,
      organization_id: org.organization_id,
      primary_required: null,
    };

    if (existing) {
      existing.authentication_factors = withFactor(existing.authentication_factors, factor);
      core.sessions.touch(existing, minutes, claims);
      const token = core.sessions.rotate(existing);
      return authenticatedResponse(core, member, org, existing, token, {
        ...common,
        intermediate_session_token: '',
        member_authenticated: true,
        mfa_required: null,
      });
    }
    if (ref.kind === 'ist') core.sessions.consumeIntermediate(ref.token);
    const factors = withFactor(priorFactors, factor);
    const mfaNeeded = org.mfa_policy === 'REQUIRED_FOR_ALL' || member.mfa_enrolled;
    if (mfaNeeded && !factors.some((f) => f.delivery_method === 'sms')) {
      return mfaPending(core, org, member, factors, common);
    }
    const { session, token } = core.sessions.create(member, factors, minutes, claims);
    return authenticatedResponse(core, member, org, session, token, {
      ...common,
      intermediate_session_token: '',
      member_authenticated: true,
      mfa_required: null,
    });
  });
}

function sendResponse(core: Core, org: OrganizationRecord, member: MemberRecord, created: boolean) {
  return ok({
    member_id: member.member_id,
    member_created: created,
    member: core.presentMember(member),
    organization: core.presentOrganization(org),
  });
}

/** Primary factor done, MFA still needed: an IST instead of a session, and the SMS if enrolled. */
function mfaPending(
  core: Core,
  org: OrganizationRecord,
  member: MemberRecord,
  factors: AuthenticationFactor[],
  common: object,
): Response {
  const ist = core.sessions.issueIntermediate(member, factors);
  let initiated: 'sms_otp' | null = null;
  if (member.mfa_phone_number && member.mfa_phone_number_verified) {
    try {
      assertSmsAllowed(org);
      sendSmsCode(core, org, member, member.mfa_phone_number);
      initiated = 'sms_otp';
    } catch (error) {
      if (!(error instanceof ApiError)) throw error;
      core.log(
        `[emulator] MFA SMS for ${member.member_id} not sent automatically: ${error.message}`,
      );
    }
  }
  return ok({
    ...common,
    member_id: member.member_id,
    member: core.presentMember(member),
    organization: core.presentOrganization(org),
    member_session: null,
    session_token: '',
    session_jwt: '',
    intermediate_session_token: ist.token,
    intermediate_session_token_expires_at: iso(ist.expiresAt),
    member_authenticated: false,
    mfa_required: {
      member_options: member.mfa_phone_number
        ? { mfa_phone_number: maskPhone(member.mfa_phone_number), totp_registration_id: '' }
        : null,
      secondary_auth_initiated: initiated,
    },
  });
}
