// The demo project seeded on first start: one organization per MFA policy, JIT for example.com.

import type { Core } from './core.js';
import { newId } from './crypto.js';
import type {
  MemberRecord,
  MemberStatus,
  MfaPolicy,
  OrganizationRecord,
  SeedInfo,
  SeedOrganization,
} from './types.js';

interface MemberSeed {
  email: string;
  name: string;
  status: MemberStatus;
  phone?: string;
}

const DEMO: { name: string; slug: string; policy: MfaPolicy; members: MemberSeed[] }[] = [
  {
    name: 'Acme (MFA optional)',
    slug: 'acme',
    policy: 'OPTIONAL',
    members: [
      { email: 'ada@example.com', name: 'Ada Lovelace', status: 'active' },
      { email: 'grace@example.com', name: 'Grace Hopper', status: 'invited' },
    ],
  },
  {
    name: 'Globex (MFA required)',
    slug: 'globex',
    policy: 'REQUIRED_FOR_ALL',
    members: [
      { email: 'hank@example.com', name: 'Hank Scorpio', status: 'active', phone: '+15555550100' },
      { email: 'marge@example.com', name: 'Marge Bouvier', status: 'active' },
    ],
  },
];

export const DEMO_EMAIL_DOMAIN = 'example.com';

export function seedDemo(core: Core): SeedInfo {
  const now = core.now();
  const organizations = DEMO.map((demo): SeedOrganization => {
    const org: OrganizationRecord = {
      organization_id: newId('organization'),
      organization_name: demo.name,
      organization_slug: demo.slug,
      organization_logo_url: '',
      trusted_metadata: {},
      email_allowed_domains: [DEMO_EMAIL_DOMAIN],
      email_jit_provisioning: 'RESTRICTED',
      email_invites: 'ALL_ALLOWED',
      auth_methods: 'ALL_ALLOWED',
      allowed_auth_methods: [],
      mfa_policy: demo.policy,
      mfa_methods: 'ALL_ALLOWED',
      allowed_mfa_methods: [],
      created_at: now,
      updated_at: now,
    };
    core.state.organizations[org.organization_id] = org;
    const members = demo.members.map((seed) => seedMember(core, org, seed));
    return {
      organization_id: org.organization_id,
      organization_name: org.organization_name,
      organization_slug: org.organization_slug,
      mfa_policy: org.mfa_policy,
      email_jit_provisioning: org.email_jit_provisioning,
      email_allowed_domains: [...org.email_allowed_domains],
      members: members.map((m) => ({
        member_id: m.member_id,
        email_address: m.email_address,
        name: m.name,
        status: m.status,
        mfa_phone_number: m.mfa_phone_number,
        mfa_phone_number_verified: m.mfa_phone_number_verified,
      })),
    };
  });
  return { organizations };
}

function seedMember(core: Core, org: OrganizationRecord, seed: MemberSeed): MemberRecord {
  const member = core.addMember(org, seed.email, seed.status);
  member.name = seed.name;
  member.email_address_verified = seed.status === 'active';
  if (seed.phone) {
    // A member who completed SMS enrollment before: verified phone, enrolled in MFA.
    Object.assign(member, {
      mfa_phone_number: seed.phone,
      phone_id: newId('phone-number'),
      mfa_phone_number_verified: true,
      mfa_enrolled: true,
      default_mfa_method: 'sms_otp',
    });
  }
  return member;
}
