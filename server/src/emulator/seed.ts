// The demo project seeded on first start: one organization per MFA policy with JIT for example.com,
// one invite-only organization, and a member of all three for the discovery login.

import type { Core } from './core.js';
import { newId } from './crypto.js';
import { createOrganization } from './routes/organizations.js';
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

/** The discovery login's demo user: active in Acme and Globex, invited to Initech. */
const SAM = { email: 'sam@example.com', name: 'Sam Carter' };

const DEMO: {
  name: string;
  slug: string;
  policy: MfaPolicy;
  jit: boolean;
  members: MemberSeed[];
}[] = [
  {
    name: 'Acme (MFA optional)',
    slug: 'acme',
    policy: 'OPTIONAL',
    jit: true,
    members: [
      { email: 'ada@example.com', name: 'Ada Lovelace', status: 'active' },
      { email: 'grace@example.com', name: 'Grace Hopper', status: 'invited' },
      { ...SAM, status: 'active' },
    ],
  },
  {
    name: 'Globex (MFA required)',
    slug: 'globex',
    policy: 'REQUIRED_FOR_ALL',
    jit: true,
    members: [
      { email: 'hank@example.com', name: 'Hank Scorpio', status: 'active', phone: '+15555550100' },
      { email: 'marge@example.com', name: 'Marge Bouvier', status: 'active' },
      { ...SAM, status: 'active' },
    ],
  },
  {
    name: 'Initech (invite only)',
    slug: 'initech',
    policy: 'OPTIONAL',
    jit: false,
    members: [
      { email: 'peter@initech.test', name: 'Peter Gibbons', status: 'active' },
      { ...SAM, status: 'invited' },
    ],
  },
];

export const DEMO_EMAIL_DOMAIN = 'example.com';

export function seedDemo(core: Core): SeedInfo {
  const organizations = DEMO.map((demo): SeedOrganization => {
    const org = createOrganization(core, {
      organization_name: demo.name,
      organization_slug: demo.slug,
      email_allowed_domains: demo.jit ? [DEMO_EMAIL_DOMAIN] : [],
      email_jit_provisioning: demo.jit ? 'RESTRICTED' : 'NOT_ALLOWED',
      mfa_policy: demo.policy,
    });
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
  const discovery = {
    email_address: SAM.email,
    name: SAM.name,
    organizations: organizations.flatMap((org) =>
      org.members
        .filter((m) => m.email_address === SAM.email)
        .map((m) => ({
          organization_id: org.organization_id,
          organization_name: org.organization_name,
          organization_slug: org.organization_slug,
          member_id: m.member_id,
          status: m.status,
        })),
    ),
  };
  return { organizations, discovery };
}

function seedMember(core: Core, org: OrganizationRecord, seed: MemberSeed): MemberRecord {
  const member = core.addMember(org, seed.email, seed.status);
  core.updateMember(member, {
    name: seed.name,
    email_address_verified: seed.status === 'active',
  });
  if (seed.phone) {
    // A member who completed SMS enrollment before: verified phone, enrolled in MFA.
    core.updateMember(member, {
      mfa_phone_number: seed.phone,
      phone_id: newId('phone-number'),
      mfa_phone_number_verified: true,
      mfa_enrolled: true,
      default_mfa_method: 'sms_otp',
    });
  }
  return member;
}
