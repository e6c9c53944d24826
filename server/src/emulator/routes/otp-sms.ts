// POST /v1/b2b/otps/sms/send and /v1/b2b/otps/sms/authenticate. SMS is never a primary factor: it
// completes MFA (with an IST) or steps up an existing session (with a session token or JWT).

import type { Hono } from 'hono';
import { readJsonObject } from '../body.js';
import type { Core } from '../core.js';
import { newId } from '../crypto.js';
import { badRequest } from '../errors.js';
import { smsFactor, withFactor } from '../sessions.js';
import {
  code as validCode,
  customClaims,
  optionalBoolean,
  optionalEnum,
  phone,
  requiredString,
  requireOneSessionArgument,
  sessionArguments,
  sessionDuration,
  SMS_LOCALES,
} from '../validate.js';
import { assertSmsAllowed, authenticatedResponse, sendSmsCode } from './authenticated.js';
import { ok } from './respond.js';

const SESSION_ARGS = ['intermediate_session_token', 'session_token', 'session_jwt'] as const;

export function smsOtpRoutes(app: Hono, core: Core): void {
  app.post('/v1/b2b/otps/sms/send', async (c) => {
    const body = await readJsonObject(c.req.raw);
    const orgId = requiredString(body, 'organization_id');
    const memberId = requiredString(body, 'member_id');
    const phoneNumber = phone(body);
    optionalEnum(body, 'locale', SMS_LOCALES, 'invalid_locale');
    const args = sessionArguments(body, SESSION_ARGS);
    const ref = await core.sessions.prepare(args);

    const org = core.organization(orgId);
    assertSmsAllowed(org);
    const member = core.member(org, memberId);
    if (ref.kind === 'ist') {
      core.sessions.peekIntermediate(ref.token, member.member_id, org.organization_id);
    } else if (ref.kind !== 'none') {
      core.sessions.resolve(ref, member.member_id);
    } else if (member.mfa_phone_number_verified) {
      throw badRequest(
        'action_available_only_once_primary_authentication_is_met',
        'This member has a verified MFA phone: pass the intermediate_session_token from primary authentication, or a session.',
      );
    }
    if (phoneNumber && member.mfa_phone_number && phoneNumber !== member.mfa_phone_number) {
      throw badRequest(
        'invalid_phone_number',
        'This member already has a different MFA phone number; omit mfa_phone_number to use it.',
      );
    }
    const to = member.mfa_phone_number || phoneNumber;
    if (!to) {
      throw badRequest(
        'invalid_phone_number',
        'mfa_phone_number is required: this member has no MFA phone number yet.',
      );
    }
    sendSmsCode(core, org, member, to);
    if (!member.mfa_phone_number) {
      // The number is linked now and verified once a code sent to it is authenticated.
      Object.assign(member, {
        mfa_phone_number: to,
        phone_id: newId('phone-number'),
        mfa_phone_number_verified: false,
      });
      member.updated_at = core.now();
    }
    return ok({
      member_id: member.member_id,
      member: core.presentMember(member),
      organization: core.presentOrganization(org),
    });
  });

  app.post('/v1/b2b/otps/sms/authenticate', async (c) => {
    const body = await readJsonObject(c.req.raw);
    const orgId = requiredString(body, 'organization_id');
    const memberId = requiredString(body, 'member_id');
    const code = validCode(body);
    const args = sessionArguments(body, SESSION_ARGS);
    requireOneSessionArgument(args, SESSION_ARGS);
    const minutes = sessionDuration(body);
    const claims = customClaims(body);
    const enrollment = optionalEnum(body, 'set_mfa_enrollment', ['enroll', 'unenroll']);
    const setDefault = optionalBoolean(body, 'set_default_mfa');
    const ref = await core.sessions.prepare(args);

    // Synchronous from here: checks, then the code and IST are used up before anything awaits.
    const org = core.organization(orgId);
    assertSmsAllowed(org);
    const member = core.member(org, memberId);
    const priorFactors =
      ref.kind === 'ist'
        ? core.sessions.peekIntermediate(ref.token, member.member_id, org.organization_id)
        : [];
    const existing = ref.kind === 'ist' ? undefined : core.sessions.resolve(ref, member.member_id);
    core.codes.use('sms', member.member_id, member.mfa_phone_number, code);

    const now = core.now();
    member.mfa_phone_number_verified = true;
    if (org.mfa_policy === 'REQUIRED_FOR_ALL') member.mfa_enrolled = true;
    else if (enrollment) member.mfa_enrolled = enrollment === 'enroll';
    if (setDefault) member.default_mfa_method = 'sms_otp';
    member.updated_at = now;
    const factor = smsFactor(member, now);

    if (existing) {
      existing.authentication_factors = withFactor(existing.authentication_factors, factor);
      core.sessions.touch(existing, minutes, claims);
      return authenticatedResponse(core, member, org, existing, core.sessions.rotate(existing));
    }
    if (ref.kind === 'ist') core.sessions.consumeIntermediate(ref.token);
    const { session, token } = core.sessions.create(
      member,
      withFactor(priorFactors, factor),
      minutes,
      claims,
    );
    return authenticatedResponse(core, member, org, session, token);
  });
}
