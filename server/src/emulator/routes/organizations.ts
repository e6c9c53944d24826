// organizations.create/get/update and organizations.members.create/get/update, as the official SDK
// sends them.

import type { Hono } from 'hono';
import { readJsonObject } from '../body.js';
import type { Core } from '../core.js';
import { newId } from '../crypto.js';
import { badRequest, memberNotFound } from '../errors.js';
import type { MemberRecord, MfaPolicy, OrganizationRecord } from '../types.js';
import {
  email,
  isDomain,
  optionalBoolean,
  optionalEnum,
  optionalObject,
  optionalString,
  optionalStringArray,
  phone,
  type Json,
} from '../validate.js';
import { ok } from './respond.js';

const SLUG = /^[a-zA-Z0-9_.~-]{2,128}$/;

export function organizationRoutes(app: Hono, core: Core): void {
  app.post('/v1/b2b/organizations', async (c) => {
    const body = await readJsonObject(c.req.raw);
    const name = optionalString(body, 'organization_name', 128);
    if (!name) throw badRequest('organization_name_missing', 'organization_name is required.');
    const now = core.now();
    const org: OrganizationRecord = {
      organization_id: newId('organization'),
      organization_name: name,
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
    const changes = organizationChanges(core, body, org);
    Object.assign(org, changes);
    org.organization_slug ||= uniqueSlug(core, name);
    checkOrganization(org);
    core.state.organizations[org.organization_id] = org;
    return ok({ organization: core.presentOrganization(org) });
  });

  app.get('/v1/b2b/organizations/:organization_id', (c) => {
    const org = core.organization(c.req.param('organization_id'));
    return ok({ organization: core.presentOrganization(org) });
  });

  app.put('/v1/b2b/organizations/:organization_id', async (c) => {
    const body = await readJsonObject(c.req.raw);
    const org = core.organization(c.req.param('organization_id'));
    const changes = organizationChanges(core, body, org);
    const next = { ...org, ...changes };
    checkOrganization(next);
    Object.assign(org, changes, { updated_at: core.now() });
    return ok({ organization: core.presentOrganization(org) });
  });

  app.post('/v1/b2b/organizations/:organization_id/members', async (c) => {
    const body = await readJsonObject(c.req.raw);
    const org = core.organization(c.req.param('organization_id'));
    const address = email(body)!;
    const changes = memberChanges(body);
    const pending = optionalBoolean(body, 'create_member_as_pending');
    const member = core.addMember(org, address, pending ? 'pending' : 'active');
    applyMemberChanges(core, member, changes);
    return memberResponse(core, org, member);
  });

  app.get('/v1/b2b/organizations/:organization_id/member', (c) => {
    const org = core.organization(c.req.param('organization_id'));
    const query = {
      member_id: c.req.query('member_id'),
      email_address: c.req.query('email_address'),
    };
    let member: MemberRecord | undefined;
    if (query.member_id) member = core.member(org, query.member_id);
    else if (query.email_address)
      member = core.memberByEmail(org, query.email_address.toLowerCase());
    else throw badRequest('bad_request', 'member_id or email_address is required.');
    if (!member) throw memberNotFound();
    return memberResponse(core, org, member);
  });

  app.put('/v1/b2b/organizations/:organization_id/members/:member_id', async (c) => {
    const body = await readJsonObject(c.req.raw);
    const org = core.organization(c.req.param('organization_id'));
    const member = core.member(org, c.req.param('member_id'));
    const changes = memberChanges(body);
    const address = email(body, 'email_address', false);
    if (address && address !== member.email_address) {
      if (core.memberByEmail(org, address)) {
        throw badRequest(
          'duplicate_member_email',
          'A member with this email already exists in the organization.',
        );
      }
      Object.assign(member, {
        email_address: address,
        email_id: newId('member-email'),
        email_address_verified: false,
      });
    }
    applyMemberChanges(core, member, changes);
    return memberResponse(core, org, member);
  });

  // organizations.members.deleteMFAPhoneNumber: how an admin unsticks a mistyped phone number.
  app.delete('/v1/b2b/organizations/:organization_id/members/mfa_phone_numbers/:member_id', (c) => {
    const org = core.organization(c.req.param('organization_id'));
    const member = core.member(org, c.req.param('member_id'));
    Object.assign(member, {
      mfa_phone_number: '',
      phone_id: '',
      mfa_phone_number_verified: false,
    });
    member.updated_at = core.now();
    core.codes.revoke(member.member_id, ['sms']);
    return memberResponse(core, org, member);
  });
}

function memberResponse(core: Core, org: OrganizationRecord, member: MemberRecord) {
  return ok({
    member_id: member.member_id,
    member: core.presentMember(member),
    organization: core.presentOrganization(org),
  });
}

function organizationChanges(
  core: Core,
  body: Json,
  org: OrganizationRecord,
): Partial<OrganizationRecord> {
  const changes: Partial<OrganizationRecord> = {};
  const name = optionalString(body, 'organization_name', 128);
  if (name) changes.organization_name = name;
  const slug = optionalString(body, 'organization_slug', 128);
  if (slug) {
    if (!SLUG.test(slug)) {
      throw badRequest(
        'invalid_organization_slug',
        'organization_slug must be 2-128 characters: letters, digits and - . _ ~',
      );
    }
    const taken = Object.values(core.state.organizations).some(
      (o) => o.organization_slug === slug && o.organization_id !== org.organization_id,
    );
    if (taken)
      throw badRequest('organization_slug_already_used', 'This organization_slug is already used.');
    changes.organization_slug = slug;
  }
  const logo = optionalString(body, 'organization_logo_url');
  if (logo !== undefined) changes.organization_logo_url = logo;
  const trusted = optionalObject(body, 'trusted_metadata', 'metadata_too_large');
  if (trusted) changes.trusted_metadata = trusted;
  const domains = optionalStringArray(
    body,
    'email_allowed_domains',
    isDomain,
    'organization_settings_invalid_domain',
  );
  if (domains) changes.email_allowed_domains = domains.map((d) => d.toLowerCase());
  const jit = optionalEnum(body, 'email_jit_provisioning', ['RESTRICTED', 'NOT_ALLOWED']);
  if (jit) changes.email_jit_provisioning = jit;
  const invites = optionalEnum(body, 'email_invites', ['ALL_ALLOWED', 'RESTRICTED', 'NOT_ALLOWED']);
  if (invites) changes.email_invites = invites;
  const authMethods = optionalEnum(body, 'auth_methods', ['ALL_ALLOWED', 'RESTRICTED']);
  if (authMethods) changes.auth_methods = authMethods;
  const allowedAuth = optionalStringArray(body, 'allowed_auth_methods');
  if (allowedAuth) changes.allowed_auth_methods = allowedAuth;
  const policy = optionalEnum<MfaPolicy>(
    body,
    'mfa_policy',
    ['REQUIRED_FOR_ALL', 'OPTIONAL'],
    'invalid_organization_mfa_policy',
  );
  if (policy) changes.mfa_policy = policy;
  const mfaMethods = optionalEnum(body, 'mfa_methods', ['ALL_ALLOWED', 'RESTRICTED']);
  if (mfaMethods) changes.mfa_methods = mfaMethods;
  const allowedMfa = optionalStringArray(
    body,
    'allowed_mfa_methods',
    (m) => m === 'sms_otp' || m === 'totp',
    'invalid_organization_allowed_mfa_methods',
  );
  if (allowedMfa) changes.allowed_mfa_methods = allowedMfa;
  return changes;
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

function uniqueSlug(core: Core, name: string): string {
  const base =
    name
      .toLowerCase()
      .replace(/[^a-z0-9]+/g, '-')
      .replace(/^-+|-+$/g, '')
      .slice(0, 100) || 'organization';
  const taken = new Set(Object.values(core.state.organizations).map((o) => o.organization_slug));
  let slug = base.length >= 2 ? base : `${base}-org`;
  for (let n = 2; taken.has(slug); n++) slug = `${base}-${n}`;
  return slug;
}

interface MemberChanges {
  name?: string;
  trusted_metadata?: Record<string, unknown>;
  untrusted_metadata?: Record<string, unknown>;
  is_breakglass?: boolean;
  mfa_phone_number?: string;
  mfa_enrolled?: boolean;
  default_mfa_method?: string;
}

/** Validates every member field before anything is changed. */
function memberChanges(body: Json): MemberChanges {
  optionalStringArray(body, 'roles');
  optionalString(body, 'external_id', 128);
  return {
    name: optionalString(body, 'name', 256),
    trusted_metadata: optionalObject(body, 'trusted_metadata', 'metadata_too_large'),
    untrusted_metadata: optionalObject(body, 'untrusted_metadata', 'metadata_too_large'),
    is_breakglass: optionalBoolean(body, 'is_breakglass'),
    mfa_phone_number: phone(body),
    mfa_enrolled: optionalBoolean(body, 'mfa_enrolled'),
    default_mfa_method: optionalEnum(
      body,
      'default_mfa_method',
      ['sms_otp', 'totp'],
      'invalid_mfa_default_method',
    ),
  };
}

function applyMemberChanges(core: Core, member: MemberRecord, changes: MemberChanges): void {
  const { mfa_phone_number: phoneNumber, ...rest } = changes;
  for (const [key, value] of Object.entries(rest)) {
    if (value !== undefined) Object.assign(member, { [key]: value });
  }
  if (phoneNumber && phoneNumber !== member.mfa_phone_number) {
    // A number set by an admin is unverified until an SMS code sent to it is authenticated.
    Object.assign(member, {
      mfa_phone_number: phoneNumber,
      phone_id: newId('phone-number'),
      mfa_phone_number_verified: false,
    });
    core.codes.revoke(member.member_id, ['sms']);
  }
  member.updated_at = core.now();
}
