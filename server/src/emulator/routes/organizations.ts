// organizations.create/get/update and organizations.members.create/get/update, as the official SDK
// sends them.

import type { Hono } from 'hono';
import { readJsonObject } from '../body.js';
import type { Core } from '../core.js';
import { newId } from '../crypto.js';
import { badRequest, memberNotFound } from '../errors.js';
import { isExternalId, isSlug } from '../ids.js';
import { assertAllowedDomains } from '../policy.js';
import type { MemberRecord, MfaPolicy, OrganizationRecord } from '../types.js';
import {
  email,
  isDomain,
  jsonObject,
  memberId,
  oneOf,
  optionalBoolean,
  optionalEmail,
  optionalString,
  organizationId,
  own,
  phone,
  request,
  requiredString,
  stringArray,
  type Field,
  type Json,
} from '../validate.js';
import { ok } from './respond.js';
import { query } from './sessions.js';

const slug = (): Field<string | undefined> => (body, key) => {
  const value = optionalString(128)(body, key);
  if (value && !isSlug(value)) {
    throw badRequest(
      'invalid_organization_slug',
      'organization_slug must be 2-128 characters: letters, digits and - . _ ~',
    );
  }
  return value || undefined;
};

const externalId =
  (errorType: string): Field<string | undefined> =>
  (body, key) => {
    const value = optionalString(128)(body, key);
    if (value && !isExternalId(value)) {
      throw badRequest(errorType, `${key} may hold letters, digits and . _ - | only.`);
    }
    return value;
  };

/** The organization settings both create and update accept. */
export const organizationSettings = {
  organization_slug: slug(),
  organization_external_id: externalId('bad_request'),
  organization_logo_url: optionalString(),
  trusted_metadata: jsonObject('metadata_too_large'),
  email_allowed_domains: stringArray(isDomain, 'organization_settings_invalid_domain'),
  email_jit_provisioning: oneOf(['RESTRICTED', 'NOT_ALLOWED'] as const),
  email_invites: oneOf(['ALL_ALLOWED', 'RESTRICTED', 'NOT_ALLOWED'] as const),
  auth_methods: oneOf(['ALL_ALLOWED', 'RESTRICTED'] as const),
  allowed_auth_methods: stringArray(),
  mfa_policy: oneOf<MfaPolicy>(['REQUIRED_FOR_ALL', 'OPTIONAL'], 'invalid_organization_mfa_policy'),
  mfa_methods: oneOf(['ALL_ALLOWED', 'RESTRICTED'] as const),
  allowed_mfa_methods: stringArray(
    (m) => m === 'sms_otp' || m === 'totp',
    'invalid_organization_allowed_mfa_methods',
  ),
};

const CreateOrganization = request({
  organization_name: requiredString(128, 'organization_name_missing'),
  ...organizationSettings,
});

const UpdateOrganization = request({
  organization_name: optionalString(128),
  ...organizationSettings,
});

const OrganizationPath = request({ organization_id: organizationId() });

const memberFields = {
  name: optionalString(256),
  external_id: externalId('bad_request'),
  trusted_metadata: jsonObject('metadata_too_large'),
  untrusted_metadata: jsonObject('metadata_too_large'),
  is_breakglass: optionalBoolean(),
  mfa_phone_number: phone(),
  mfa_enrolled: optionalBoolean(),
  default_mfa_method: oneOf(['sms_otp', 'totp'] as const, 'invalid_mfa_default_method'),
  roles: stringArray(),
};

const CreateMember = request({
  email_address: email(),
  create_member_as_pending: optionalBoolean(),
  ...memberFields,
});

const UpdateMember = request({ email_address: optionalEmail(), ...memberFields });

const MemberPath = request({ organization_id: organizationId(), member_id: memberId() });

const GetMember = request({
  organization_id: organizationId(),
  member_id: (body: Json, key: string) =>
    own(body, key) === undefined ? undefined : memberId()(body, key),
  email_address: optionalEmail(),
});

type OrganizationChanges = Partial<ReturnType<typeof UpdateOrganization>>;
type MemberChanges = Partial<ReturnType<typeof UpdateMember>>;

export function organizationRoutes(app: Hono, core: Core): void {
  app.post('/v1/b2b/organizations', async (c) => {
    const req = CreateOrganization(await readJsonObject(c.req.raw));
    const org = createOrganization(core, req);
    return ok({ organization: core.presentOrganization(org) });
  });

  app.get('/v1/b2b/organizations/:organization_id', (c) => {
    const org = core.organization(OrganizationPath(c.req.param()).organization_id);
    return ok({ organization: core.presentOrganization(org) });
  });

  app.put('/v1/b2b/organizations/:organization_id', async (c) => {
    const req = UpdateOrganization(await readJsonObject(c.req.raw));
    const org = core.organization(OrganizationPath(c.req.param()).organization_id);
    const next = withOrganizationChanges(core, org, req);
    core.updateOrganization(org, { ...next, updated_at: core.now() });
    return ok({ organization: core.presentOrganization(org) });
  });

  app.post('/v1/b2b/organizations/:organization_id/members', async (c) => {
    const req = CreateMember(await readJsonObject(c.req.raw));
    const org = core.organization(OrganizationPath(c.req.param()).organization_id);
    checkMemberChanges(core, org, req);
    const member = core.addMember(
      org,
      req.email_address,
      req.create_member_as_pending ? 'pending' : 'active',
    );
    applyMemberChanges(core, member, req);
    return memberResponse(core, org, member);
  });

  app.get('/v1/b2b/organizations/:organization_id/member', (c) => {
    const req = GetMember({ ...query(c.req.query()), ...c.req.param() });
    const org = core.organization(req.organization_id);
    let member: MemberRecord | undefined;
    if (req.member_id) member = core.member(org, req.member_id);
    else if (req.email_address) member = core.memberByEmail(org, req.email_address);
    else throw badRequest('bad_request', 'member_id or email_address is required.');
    if (!member) throw memberNotFound();
    return memberResponse(core, org, member);
  });

  app.put('/v1/b2b/organizations/:organization_id/members/:member_id', async (c) => {
    const req = UpdateMember(await readJsonObject(c.req.raw));
    const path = MemberPath(c.req.param());
    const org = core.organization(path.organization_id);
    const member = core.member(org, path.member_id);
    checkMemberChanges(core, org, req, member);
    if (req.email_address && req.email_address !== member.email_address) {
      if (core.memberByEmail(org, req.email_address)) {
        throw badRequest(
          'duplicate_member_email',
          'A member with this email already exists in the organization.',
        );
      }
      core.updateMember(member, {
        email_address: req.email_address,
        email_id: newId('member-email'),
        email_address_verified: false,
      });
    }
    applyMemberChanges(core, member, req);
    return memberResponse(core, org, member);
  });

  // organizations.members.deleteMFAPhoneNumber: how an admin unsticks a mistyped phone number.
  app.delete('/v1/b2b/organizations/:organization_id/members/mfa_phone_numbers/:member_id', (c) => {
    const path = MemberPath(c.req.param());
    const org = core.organization(path.organization_id);
    const member = core.member(org, path.member_id);
    core.updateMember(member, {
      mfa_phone_number: '',
      phone_id: '',
      mfa_phone_number_verified: false,
      updated_at: core.now(),
    });
    core.codes.revoke(member.member_id, ['sms']);
    return memberResponse(core, org, member);
  });
}

/** Creates an organization with Stytch's defaults and the settings given (also used by discovery). */
export function createOrganization(
  core: Core,
  settings: OrganizationChanges & { organization_name: string },
): OrganizationRecord {
  const now = core.now();
  const base: OrganizationRecord = {
    organization_id: newId('organization'),
    organization_external_id: '',
    organization_name: settings.organization_name,
    organization_slug: '',
    organization_logo_url: '',
    trusted_metadata: {},
    email_allowed_domains: [],
    email_jit_provisioning: 'NOT_ALLOWED',
    email_invites: 'ALL_ALLOWED',
    auth_methods: 'ALL_ALLOWED',
    allowed_auth_methods: [],
    mfa_policy: 'OPTIONAL',
    mfa_methods: 'ALL_ALLOWED',
    allowed_mfa_methods: [],
    created_at: now,
    updated_at: now,
  };
  const next = withOrganizationChanges(core, base, settings);
  const org = {
    ...next,
    organization_slug: next.organization_slug || uniqueSlug(core, next.organization_name),
  };
  core.addOrganization(org);
  return org;
}

/** The organization with `changes` applied, checked as a whole; the original is not touched. */
function withOrganizationChanges(
  core: Core,
  org: OrganizationRecord,
  changes: OrganizationChanges,
): OrganizationRecord {
  const given = Object.entries(changes).filter(
    ([key, value]) => value !== undefined && Object.hasOwn(org, key),
  );
  const merged: OrganizationRecord = { ...org, ...Object.fromEntries(given) };
  const next: OrganizationRecord = {
    ...merged,
    organization_name: merged.organization_name || org.organization_name,
    email_allowed_domains: merged.email_allowed_domains.map((d) => d.toLowerCase()),
  };
  if (changes.organization_slug && core.slugTaken(changes.organization_slug, org.organization_id)) {
    throw badRequest('organization_slug_already_used', 'This organization_slug is already used.');
  }
  const external = changes.organization_external_id;
  if (external && core.organizationExternalIdTaken(external, org.organization_id)) {
    throw badRequest(
      'duplicate_organization',
      'Another organization already has this organization_external_id.',
    );
  }
  if (changes.email_allowed_domains) assertAllowedDomains(next.email_allowed_domains);
  checkOrganization(next);
  return next;
}

function checkOrganization(org: OrganizationRecord): void {
  if (org.email_jit_provisioning === 'RESTRICTED' && org.email_allowed_domains.length === 0) {
    throw badRequest(
      'invalid_restricted_email_setting',
      'email_jit_provisioning RESTRICTED needs at least one email_allowed_domains entry.',
    );
  }
  if (org.mfa_methods === 'RESTRICTED' && org.allowed_mfa_methods.length === 0) {
    throw badRequest(
      'allowed_mfa_methods_required_for_restricted',
      'mfa_methods RESTRICTED needs at least one allowed_mfa_methods entry.',
    );
  }
  if (org.auth_methods === 'RESTRICTED' && org.allowed_auth_methods.length === 0) {
    throw badRequest(
      'allowed_auth_methods_required_for_restricted',
      'auth_methods RESTRICTED needs at least one allowed_auth_methods entry.',
    );
  }
}

export function uniqueSlug(core: Core, name: string): string {
  const base =
    name
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 100) || 'organization';
  let slug = base.length >= 2 ? base : `${base}-org`;
  for (let n = 2; core.slugTaken(slug); n++) slug = `${base}-${n}`;
  return slug;
}

function memberResponse(core: Core, org: OrganizationRecord, member: MemberRecord) {
  return ok({
    member_id: member.member_id,
    member: core.presentMember(member),
    organization: core.presentOrganization(org),
  });
}

/** Uniqueness rules checked before anything changes. */
function checkMemberChanges(
  core: Core,
  org: OrganizationRecord,
  changes: MemberChanges,
  member?: MemberRecord,
): void {
  if (changes.external_id) core.assertExternalIdFree(org, changes.external_id, member);
  if (changes.mfa_phone_number) core.assertPhoneFree(org, changes.mfa_phone_number, member);
}

function applyMemberChanges(core: Core, member: MemberRecord, changes: MemberChanges): void {
  const fields = [
    'name',
    'external_id',
    'trusted_metadata',
    'untrusted_metadata',
    'is_breakglass',
    'mfa_enrolled',
    'default_mfa_method',
  ] as const;
  const next: Partial<MemberRecord> = { updated_at: core.now() };
  for (const key of fields) {
    if (changes[key] !== undefined) Object.assign(next, { [key]: changes[key] });
  }
  const phoneNumber = changes.mfa_phone_number;
  if (phoneNumber && phoneNumber !== member.mfa_phone_number) {
    // A number set by an admin is unverified until an SMS code sent to it is authenticated.
    Object.assign(next, {
      mfa_phone_number: phoneNumber,
      phone_id: newId('phone-number'),
      mfa_phone_number_verified: false,
    });
    core.codes.revoke(member.member_id, ['sms']);
  }
  core.updateMember(member, next);
}
