// POST /v1/b2b/otps/sms/send and /v1/b2b/otps/sms/authenticate. SMS is never a primary factor: it
// completes MFA (with an IST) or steps up an existing session (with a session token or JWT).

import type { Hono } from 'hono';
import { readJsonObject } from '../body.js';
import type { Core } from '../core.js';
import { newId } from '../crypto.js';
import { badRequest } from '../errors.js';
import { assertSmsAllowed } from '../policy.js';
import { smsFactor, withFactor } from '../sessions.js';
import {
  code,
  customClaims,
  memberId,
  oneOf,
  optionalBoolean,
  organizationId,
  phone,
  request,
  sessionArguments,
  sessionDuration,
  smsLocale,
} from '../validate.js';
import { sendSmsCode, sessionResponse } from './login.js';
import { ok } from './respond.js';

const SESSION_ARGS = ['intermediate_session_token', 'session_token', 'session_jwt'] as const;

const Send = request({
  organization_id: organizationId(),
  member_id: memberId(),
  mfa_phone_number: phone(),
  locale: smsLocale(),
  session: sessionArguments(SESSION_ARGS),
});

const Authenticate = request({
  organization_id: organizationId(),
  member_id: memberId(),
  code: code(),
  session: sessionArguments(SESSION_ARGS, true),
  session_duration_minutes: sessionDuration(),
  session_custom_claims: customClaims(),
  set_mfa_enrollment: oneOf(['enroll', 'unenroll'] as const),
  set_default_mfa: optionalBoolean(),
});

export function smsOtpRoutes(app: Hono, core: Core): void {
  app.post('/v1/b2b/otps/sms/send', async (c) => {
    const req = Send(await readJsonObject(c.req.raw));
    const ref = await core.sessions.prepare(req.session);

    const org = core.organization(req.organization_id);
    assertSmsAllowed(org);
    const member = core.member(org, req.member_id);
    if (ref.kind === 'ist') {
      core.sessions.intermediateOf(ref.token, member);
    } else if (ref.kind !== 'none') {
      core.sessions.resolve(ref, member.member_id);
    } else if (member.mfa_phone_number_verified) {
      throw badRequest(
        'action_available_only_once_primary_authentication_is_met',
        'This member has a verified MFA phone: pass the intermediate_session_token from primary authentication, or a session.',
      );
    }
    const given = req.mfa_phone_number;
    if (given && member.mfa_phone_number && given !== member.mfa_phone_number) {
      throw badRequest(
        'invalid_phone_number',
        'This member already has a different MFA phone number; omit mfa_phone_number to use it.',
      );
    }
    const to = member.mfa_phone_number || given;
    if (!to) {
      throw badRequest(
        'invalid_phone_number',
        'mfa_phone_number is required: this member has no MFA phone number yet.',
      );
    }
    if (!member.mfa_phone_number) core.assertPhoneFree(org, to, member);
    sendSmsCode(core, org, member, to);
    if (!member.mfa_phone_number) {
      // The number is linked now and verified once a code sent to it is authenticated.
      core.updateMember(member, {
        mfa_phone_number: to,
        phone_id: newId('phone-number'),
        mfa_phone_number_verified: false,
        updated_at: core.now(),
      });
    }
    return ok({
      member_id: member.member_id,
      member: core.presentMember(member),
      organization: core.presentOrganization(org),
    });
  });

  app.post('/v1/b2b/otps/sms/authenticate', async (c) => {
    const req = Authenticate(await readJsonObject(c.req.raw));
    const ref = await core.sessions.prepare(req.session);

    // Synchronous from here: checks, then the code and IST are used up before anything awaits.
    const org = core.organization(req.organization_id);
    assertSmsAllowed(org);
    const member = core.member(org, req.member_id);
    const ist = ref.kind === 'ist' ? core.sessions.intermediateOf(ref.token, member) : undefined;
    const existing = ist ? undefined : core.sessions.resolve(ref, member.member_id);
    core.codes.use('sms', member.member_id, member.mfa_phone_number, req.code);

    core.updateMember(member, {
      mfa_phone_number_verified: true,
      mfa_enrolled:
        org.mfa_policy === 'REQUIRED_FOR_ALL' ||
        (req.set_mfa_enrollment ? req.set_mfa_enrollment === 'enroll' : member.mfa_enrolled),
      ...(req.set_default_mfa && { default_mfa_method: 'sms_otp' }),
      updated_at: core.now(),
    });
    const factor = smsFactor(member, core.now());

    if (existing) {
      core.sessions.addFactor(existing, factor);
      core.sessions.touch(existing, req.session_duration_minutes, req.session_custom_claims);
      return sessionResponse(core, member, org, existing, core.sessions.rotate(existing));
    }
    core.sessions.consumeIntermediate(req.session.intermediate_session_token!);
    if (ist && ist.member_id === undefined) core.activate(member);
    const { session, token } = core.sessions.create(
      member,
      withFactor(ist!.factors, factor),
      req.session_duration_minutes,
      req.session_custom_claims,
    );
    return sessionResponse(core, member, org, session, token);
  });
}
