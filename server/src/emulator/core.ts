// The emulator's state and the lookups every route shares.

import { Codes } from './codes.js';
import { derivedId, newId } from './crypto.js';
import { badRequest, memberNotFound, organizationNotFound } from './errors.js';
import type { SigningKeys } from './keys.js';
import { Outbox } from './outbox.js';
import { presentMember, presentOrganization } from './present.js';
import { Sessions } from './sessions.js';
import type { PersistedState, Saver } from './store.js';
import type { MemberRecord, MemberStatus, OrganizationRecord } from './types.js';

export interface CoreOptions {
  projectId: string;
  secret: string;
  now: () => number;
  log: (line: string) => void;
  state: PersistedState;
  keys: SigningKeys;
}

export class Core {
  readonly projectId: string;
  readonly secret: string;
  readonly now: () => number;
  readonly log: (line: string) => void;
  readonly state: PersistedState;
  readonly keys: SigningKeys;
  readonly outbox: Outbox;
  readonly codes: Codes;
  readonly sessions: Sessions;
  saver: Saver | undefined;
  private readonly phantomKey: Buffer;

  constructor(options: CoreOptions) {
    this.projectId = options.projectId;
    this.secret = options.secret;
    this.now = options.now;
    this.log = options.log;
    this.state = options.state;
    this.keys = options.keys;
    this.outbox = new Outbox(this.log);
    this.codes = new Codes(this.state.guards, this.now);
    this.sessions = new Sessions(this.state.sessions, this.keys, this.projectId, this.now);
    this.phantomKey = Buffer.from(this.state.phantom_key, 'base64url');
  }

  /** Saves the data file (no-op in memory). State is already changed when this is called. */
  persist(): Promise<void> {
    return this.saver?.save() ?? Promise.resolve();
  }

  /** By id, or by slug as Stytch also accepts. */
  organization(idOrSlug: string): OrganizationRecord {
    const org =
      this.state.organizations[idOrSlug] ??
      Object.values(this.state.organizations).find((o) => o.organization_slug === idOrSlug);
    if (!org) throw organizationNotFound();
    return org;
  }

  member(org: OrganizationRecord, memberId: string): MemberRecord {
    const member = this.state.members[memberId];
    if (!member || member.organization_id !== org.organization_id || member.status === 'deleted') {
      throw memberNotFound();
    }
    return member;
  }

  memberByEmail(org: OrganizationRecord, email: string): MemberRecord | undefined {
    return Object.values(this.state.members).find(
      (m) =>
        m.organization_id === org.organization_id &&
        m.email_address === email &&
        m.status !== 'deleted',
    );
  }

  /** Email JIT provisioning: RESTRICTED organizations admit their allowed domains. */
  mayProvision(org: OrganizationRecord, email: string): boolean {
    const domain = email.slice(email.lastIndexOf('@') + 1);
    return (
      org.email_jit_provisioning === 'RESTRICTED' &&
      org.email_allowed_domains.some((allowed) => allowed.toLowerCase() === domain)
    );
  }

  /**
   * Stands in for an email that is not a member and may not sign up: a stable id and an active,
   * MFA-free member, so answers look like those for a real member (no enumeration).
   */
  phantomMember(org: OrganizationRecord, email: string): MemberRecord {
    const memberId = derivedId('member', this.phantomKey, `${org.organization_id}\n${email}`);
    return {
      ...memberDefaults(org, email, 'active'),
      member_id: memberId,
      email_id: derivedId('member-email', this.phantomKey, memberId),
      email_address_verified: true,
      created_at: org.created_at,
      updated_at: org.created_at,
    };
  }

  addMember(org: OrganizationRecord, email: string, status: MemberStatus): MemberRecord {
    if (this.memberByEmail(org, email)) {
      throw badRequest(
        'duplicate_member_email',
        'A member with this email already exists in the organization.',
      );
    }
    const member = memberDefaults(org, email, status);
    member.created_at = member.updated_at = this.now();
    this.state.members[member.member_id] = member;
    return member;
  }

  presentMember(member: MemberRecord) {
    return presentMember(member, this.state.guards[member.member_id], this.now());
  }

  presentOrganization(org: OrganizationRecord) {
    return presentOrganization(org);
  }
}

function memberDefaults(
  org: OrganizationRecord,
  email: string,
  status: MemberStatus,
): MemberRecord {
  return {
    member_id: newId('member'),
    organization_id: org.organization_id,
    email_address: email,
    email_id: newId('member-email'),
    email_address_verified: false,
    status,
    name: '',
    is_breakglass: false,
    mfa_enrolled: false,
    mfa_phone_number: '',
    phone_id: '',
    mfa_phone_number_verified: false,
    default_mfa_method: '',
    trusted_metadata: {},
    untrusted_metadata: {},
    created_at: 0,
    updated_at: 0,
  };
}
