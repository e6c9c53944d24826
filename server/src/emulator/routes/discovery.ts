// Discovery login: sign in by email without knowing the organization, then pick, join or create one.
//   POST /v1/b2b/otps/email/discovery/send          { email_address, discovery_expiration_minutes? }
//   POST /v1/b2b/otps/email/discovery/authenticate  { email_address, code } → IST + organizations
//   POST /v1/b2b/discovery/organizations            { intermediate_session_token | session_* }
//   POST /v1/b2b/discovery/intermediate_sessions/exchange { intermediate_session_token, organization_id }
//   POST /v1/b2b/discovery/organizations/create     { intermediate_session_token, organization_name? … }
// Fields and answers as the official SDK types them (otp_email_discovery.d.ts, discovery*.d.ts).

import type { Hono } from 'hono';
import { readJsonObject } from '../body.js';
import { discoverySubject } from '../codes.js';
import { EMAIL_OTP_DEFAULT_MINUTES } from '../constants.js';
import type { Core } from '../core.js';
import { ApiError } from '../errors.js';
import { assertMayProvision, domainAllowed, emailDomain, primaryRequired } from '../policy.js';
import { iso } from '../present.js';
import { emailFactor, type IntermediateSession } from '../sessions.js';
import type {
  AuthenticationFactor,
  MemberRecord,
  MemberStatus,
  OrganizationRecord,
} from '../types.js';
import {
  code,
  customClaims,
  email,
  emailLocale,
  expirationMinutes,
  ignoredString,
  optionalString,
  organizationId,
  request,
  requiredString,
  sessionArguments,
  sessionDuration,
  smsLocale,
} from '../validate.js';
import { completeLogin, memberOptions } from './login.js';
import { createOrganization, organizationSettings } from './organizations.js';
import { ok } from './respond.js';

const Send = request({
  email_address: email(),
  login_template_id: ignoredString(),
  locale: emailLocale(),
  discovery_expiration_minutes: expirationMinutes(),
});

const Authenticate = request({ email_address: email(), code: code() });

const List = request({
  session: sessionArguments(['intermediate_session_token', 'session_token', 'session_jwt'], true),
});

const Exchange = request({
  intermediate_session_token: requiredString(8192),
  organization_id: organizationId(),
  session_duration_minutes: sessionDuration(),
  session_custom_claims: customClaims(),
  locale: smsLocale(),
  telemetry_id: ignoredString(),
});

const Create = request({
  intermediate_session_token: requiredString(8192),
  organization_name: optionalString(128),
  session_duration_minutes: sessionDuration(),
  session_custom_claims: customClaims(),
  ...organizationSettings,
});

const MEMBERSHIP: Record<Exclude<MemberStatus, 'deleted'>, string> = {
  active: 'active_member',
  pending: 'pending_member',
  invited: 'invited_member',
};

export function discoveryRoutes(app: Hono, core: Core): void {
  app.post('/v1/b2b/otps/email/discovery/send', async (c) => {
    const req = Send(await readJsonObject(c.req.raw));
    const minutes = req.discovery_expiration_minutes ?? EMAIL_OTP_DEFAULT_MINUTES;
    const subject = discoverySubject(req.email_address);
    const sent = core.codes.issue('email', subject, req.email_address, minutes * 60_000);
    core.outbox.record({
      channel: 'email',
      to: req.email_address,
      code: sent.code,
      organization_id: '',
      member_id: '',
      sent_at: iso(core.now()),
      expires_at: iso(sent.expiresAt),
    });
    return ok({});
  });

  app.post('/v1/b2b/otps/email/discovery/authenticate', async (c) => {
    const req = Authenticate(await readJsonObject(c.req.raw));
    const address = req.email_address;
    core.codes.use('email', discoverySubject(address), address, req.code);
    const ist = core.sessions.issueIntermediate({
      email_address: address,
      factors: [emailFactor('', address, core.now())],
    });
    return ok({
      intermediate_session_token: ist.token,
      intermediate_session_token_expires_at: iso(ist.expiresAt),
      email_address: address,
      discovered_organizations: discoveredOrganizations(core, address, true),
    });
  });

  app.post('/v1/b2b/discovery/organizations', async (c) => {
    const req = List(await readJsonObject(c.req.raw));
    const ref = await core.sessions.prepare(req.session);
    // With an IST every relationship is listed; with a session only memberships ("active_member,
    // pending_member, or invited_member"), and organization_id_hint is null.
    if (ref.kind === 'ist') {
      const ist = core.sessions.intermediateSession(ref.token);
      return ok({
        email_address: ist.email_address,
        discovered_organizations: discoveredOrganizations(core, ist.email_address, true),
        organization_id_hint: ist.organization_id ?? null,
      });
    }
    const { member } = core.ownersOf(core.sessions.resolve(ref));
    return ok({
      email_address: member.email_address,
      discovered_organizations: discoveredOrganizations(core, member.email_address, false),
      organization_id_hint: null,
    });
  });

  app.post('/v1/b2b/discovery/intermediate_sessions/exchange', async (c) => {
    const req = Exchange(await readJsonObject(c.req.raw));
    const ist = core.sessions.intermediateSession(req.intermediate_session_token);
    const org = core.organization(req.organization_id);
    const member = core.memberByEmail(org, ist.email_address) ?? provision(core, org, ist);
    core.activate(member);
    return completeLogin(core, {
      org,
      member,
      factors: factorsFor(member, ist.factors),
      ist: req.intermediate_session_token,
      minutes: req.session_duration_minutes,
      claims: req.session_custom_claims,
    });
  });

  app.post('/v1/b2b/discovery/organizations/create', async (c) => {
    const { intermediate_session_token: token, ...req } = Create(await readJsonObject(c.req.raw));
    const ist = core.sessions.intermediateSession(token);
    const org = createOrganization(core, {
      ...req,
      organization_name: req.organization_name || emailDomain(ist.email_address),
    });
    // "The Member created by this endpoint will automatically be granted the stytch_admin Role."
    const member = core.addMember(org, ist.email_address, 'active');
    core.updateMember(member, { roles: ['stytch_admin'] });
    core.activate(member);
    return completeLogin(core, {
      org,
      member,
      factors: factorsFor(member, ist.factors),
      ist: token,
      minutes: req.session_duration_minutes,
      claims: req.session_custom_claims,
    });
  });
}

/** The Discovered Organization objects for an email address. */
export function discoveredOrganizations(core: Core, address: string, eligible: boolean) {
  const found = [];
  const joined = new Set<string>();
  for (const { member, org } of core.membershipsOf(address)) {
    joined.add(org.organization_id);
    const type = MEMBERSHIP[member.status as keyof typeof MEMBERSHIP];
    found.push(discovered(core, org, { type, details: null, member }));
  }
  if (eligible) {
    for (const org of core.organizations()) {
      if (!joined.has(org.organization_id) && mayJoinByDomain(core, org, address)) {
        const details = { domain: emailDomain(address) };
        found.push(
          discovered(core, org, {
            type: 'eligible_to_join_by_email_domain',
            details,
            member: null,
          }),
        );
      }
    }
  }
  return found;
}

function discovered(
  core: Core,
  org: OrganizationRecord,
  membership: { type: string; details: object | null; member: MemberRecord | null },
) {
  const primary = primaryRequired(org);
  const mfa =
    !primary &&
    (org.mfa_policy === 'REQUIRED_FOR_ALL' || (membership.member?.mfa_enrolled ?? false));
  return {
    organization: core.presentOrganization(org),
    membership: {
      type: membership.type,
      details: membership.details,
      member: membership.member && core.presentMember(membership.member),
    },
    member_authenticated: !primary && !mfa,
    primary_required: primary,
    mfa_required: mfa
      ? { member_options: memberOptions(membership.member), secondary_auth_initiated: null }
      : null,
  };
}

/**
 * JIT by email domain in discovery: the organization allows the domain, and "there must already be
 * at least one Member in the Organization with a verified email address with the same email domain"
 * (B2B guide "JIT provision members").
 */
function mayJoinByDomain(core: Core, org: OrganizationRecord, address: string): boolean {
  return (
    org.email_jit_provisioning === 'RESTRICTED' &&
    domainAllowed(org, address) &&
    core.hasVerifiedMemberOfDomain(org, emailDomain(address))
  );
}

/** A new member joining by email domain, or Stytch's JIT error. */
function provision(core: Core, org: OrganizationRecord, ist: IntermediateSession): MemberRecord {
  assertMayProvision(org, ist.email_address);
  if (!core.hasVerifiedMemberOfDomain(org, emailDomain(ist.email_address))) {
    throw new ApiError(
      403,
      'invalid_email_for_jit_provisioning',
      'No verified member of this organization has this email domain yet; ask for an invite.',
    );
  }
  return core.addMember(org, ist.email_address, 'active');
}

/** The intermediate session's factors, the email factor naming the member's email id. */
const factorsFor = (member: MemberRecord, factors: readonly AuthenticationFactor[]) =>
  factors.map((f) =>
    f.email_factor?.email_address === member.email_address
      ? { ...f, email_factor: { email_id: member.email_id, email_address: member.email_address } }
      : f,
  );
