// POST /v1/b2b/otps/email/login_or_signup and /v1/b2b/otps/email/authenticate.

import type { Hono } from 'hono';
import { readJsonObject } from '../body.js';
import { EMAIL_OTP_DEFAULT_MINUTES } from '../constants.js';
import type { Core } from '../core.js';
import { ApiError } from '../errors.js';
import { assertEmailOtpAllowed, assertMayProvision } from '../policy.js';
import { iso } from '../present.js';
import { emailFactor, withFactor } from '../sessions.js';
import {
  code,
  customClaims,
  email,
  emailLocale,
  expirationMinutes,
  ignoredString,
  organizationId,
  request,
  sessionArguments,
  sessionDuration,
} from '../validate.js';
import { completeLogin, sessionResponse } from './login.js';
import { ok } from './respond.js';

const LoginOrSignup = request({
  organization_id: organizationId(),
  email_address: email(),
  login_template_id: ignoredString(),
  signup_template_id: ignoredString(),
  locale: emailLocale(),
  login_expiration_minutes: expirationMinutes(),
  signup_expiration_minutes: expirationMinutes(),
});

const Authenticate = request({
  organization_id: organizationId(),
  email_address: email(),
  code: code(),
  session: sessionArguments(['intermediate_session_token', 'session_token', 'session_jwt']),
  session_duration_minutes: sessionDuration(),
  session_custom_claims: customClaims(),
  locale: emailLocale(),
});

/** No code was ever sent to an address that is not a member: the same answer as a wrong code. */
const codeNotFound = () =>
  new ApiError(
    404,
    'otp_code_not_found',
    'The code is not correct. Check it or request a new code.',
  );

export function emailOtpRoutes(app: Hono, core: Core): void {
  app.post('/v1/b2b/otps/email/login_or_signup', async (c) => {
    const req = LoginOrSignup(await readJsonObject(c.req.raw));
    const org = core.organization(req.organization_id);
    assertEmailOtpAllowed(org);
    let member = core.memberByEmail(org, req.email_address);
    const created = !member;
    if (!member) {
      assertMayProvision(org, req.email_address);
      member = core.addMember(org, req.email_address, 'pending');
    }
    const signup = member.status !== 'active';
    const minutes =
      (signup ? req.signup_expiration_minutes : req.login_expiration_minutes) ??
      EMAIL_OTP_DEFAULT_MINUTES;
    const sent = core.codes.issue(
      'email',
      member.member_id,
      member.email_address,
      minutes * 60_000,
    );
    // A JIT member exists while its code may still be used; never activated, it is then forgotten.
    if (created || member.provisional_until !== undefined)
      core.updateMember(member, { provisional_until: sent.expiresAt });
    core.outbox.record({
      channel: 'email',
      to: member.email_address,
      code: sent.code,
      organization_id: org.organization_id,
      member_id: member.member_id,
      sent_at: iso(core.now()),
      expires_at: iso(sent.expiresAt),
    });
    return ok({
      member_id: member.member_id,
      member_created: created,
      member: core.presentMember(member),
      organization: core.presentOrganization(org),
    });
  });

  app.post('/v1/b2b/otps/email/authenticate', async (c) => {
    const req = Authenticate(await readJsonObject(c.req.raw));
    const ref = await core.sessions.prepare(req.session);

    // No await from here until every check has passed and the state has changed: concurrent
    // requests with the same code or IST cannot both get through.
    const org = core.organization(req.organization_id);
    assertEmailOtpAllowed(org);
    const member = core.memberByEmail(org, req.email_address);
    if (!member) throw codeNotFound();
    const ist = ref.kind === 'ist' ? core.sessions.intermediateOf(ref.token, member) : undefined;
    const existing =
      ref.kind === 'token' || ref.kind === 'jwt'
        ? core.sessions.resolve(ref, member.member_id)
        : undefined;
    core.codes.use('email', member.member_id, member.email_address, req.code);

    core.activate(member);
    const factor = emailFactor(member.email_id, member.email_address, core.now());
    const extra = { method_id: member.email_id, organization_id: org.organization_id };

    if (existing) {
      // A valid session passed in: no MFA step, the factor is added to that session.
      core.sessions.addFactor(existing, factor);
      core.sessions.touch(existing, req.session_duration_minutes, req.session_custom_claims);
      const token = core.sessions.rotate(existing);
      return sessionResponse(core, member, org, existing, token, {
        ...extra,
        intermediate_session_token: '',
        member_authenticated: true,
        primary_required: null,
        mfa_required: null,
      });
    }
    return completeLogin(core, {
      org,
      member,
      factors: withFactor(ist?.factors ?? [], factor),
      ist: ist && req.session.intermediate_session_token,
      minutes: req.session_duration_minutes,
      claims: req.session_custom_claims,
      extra,
    });
  });
}
