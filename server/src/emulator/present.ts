// Records → the JSON objects Stytch returns (field names and defaults of the official SDK's types).

import type { GuardRecord, MemberRecord, OrganizationRecord, SessionRecord } from './types.js';

export const iso = (ms: number) => new Date(ms).toISOString();

export const MEMBER_ROLE = 'stytch_member';

/** Role ids of a member: stytch_member for every member, plus any assigned (stytch_admin). */
export const memberRoles = (member: MemberRecord) => [MEMBER_ROLE, ...member.roles];

export function presentOrganization(org: OrganizationRecord) {
  return {
    organization_id: org.organization_id,
    organization_name: org.organization_name,
    organization_logo_url: org.organization_logo_url,
    organization_slug: org.organization_slug,
    organization_external_id: org.organization_external_id,
    trusted_metadata: org.trusted_metadata,
    sso_default_connection_id: null,
    sso_jit_provisioning: 'ALL_ALLOWED',
    sso_jit_provisioning_allowed_connections: [],
    sso_active_connections: [],
    scim_active_connection: null,
    email_allowed_domains: org.email_allowed_domains,
    email_jit_provisioning: org.email_jit_provisioning,
    email_invites: org.email_invites,
    auth_methods: org.auth_methods,
    allowed_auth_methods: org.allowed_auth_methods,
    mfa_policy: org.mfa_policy,
    mfa_methods: org.mfa_methods,
    allowed_mfa_methods: org.allowed_mfa_methods,
    rbac_email_implicit_role_assignments: [],
    oauth_tenant_jit_provisioning: 'NOT_ALLOWED',
    allowed_oauth_tenants: {},
    claimed_email_domains: [],
    first_party_connected_apps_allowed_type: 'ALL_ALLOWED',
    allowed_first_party_connected_apps: [],
    third_party_connected_apps_allowed_type: 'ALL_ALLOWED',
    allowed_third_party_connected_apps: [],
    custom_roles: [],
    created_at: iso(org.created_at),
    updated_at: iso(org.updated_at),
  };
}

export function presentMember(member: MemberRecord, guard: GuardRecord | undefined, now: number) {
  const locked = guard !== undefined && guard.locked_until > now;
  return {
    organization_id: member.organization_id,
    member_id: member.member_id,
    email_address: member.email_address,
    email_address_verified: member.email_address_verified,
    status: member.status,
    name: member.name,
    sso_registrations: [],
    oauth_registrations: [],
    is_breakglass: member.is_breakglass,
    member_password_id: '',
    is_admin: false,
    totp_registration_id: '',
    retired_email_addresses: [],
    is_locked: locked,
    ...(locked
      ? { lock_created_at: iso(guard.lock_created_at), lock_expires_at: iso(guard.locked_until) }
      : {}),
    mfa_enrolled: member.mfa_enrolled,
    mfa_phone_number: member.mfa_phone_number,
    mfa_phone_number_verified: member.mfa_phone_number_verified,
    default_mfa_method: member.default_mfa_method,
    roles: memberRoles(member).map((role_id) => ({
      role_id,
      sources: [{ type: 'direct_assignment', details: {} }],
    })),
    trusted_metadata: member.trusted_metadata,
    untrusted_metadata: member.untrusted_metadata,
    external_id: member.external_id,
    created_at: iso(member.created_at),
    updated_at: iso(member.updated_at),
  };
}

export function presentSession(
  session: SessionRecord,
  org: OrganizationRecord,
  member: MemberRecord,
  lastAccessedAt: number,
) {
  return {
    member_session_id: session.member_session_id,
    member_id: session.member_id,
    organization_id: session.organization_id,
    organization_slug: org.organization_slug,
    started_at: iso(session.started_at),
    last_accessed_at: iso(lastAccessedAt),
    expires_at: iso(session.expires_at),
    authentication_factors: session.authentication_factors,
    roles: memberRoles(member),
    custom_claims: session.custom_claims,
  };
}
