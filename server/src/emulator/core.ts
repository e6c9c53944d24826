// The emulator's state behind the lookups and changes every route shares. Records live in Maps and
// are reached only through these methods; routes never hold the containers.

import { Codes } from './codes.js';
import { SWEEP_INTERVAL_MS, type UserLockPolicy } from './constants.js';
import { newId } from './crypto.js';
import {
  ApiError,
  badRequest,
  memberNotFound,
  organizationNotFound,
  sessionNotFound,
} from './errors.js';
import { isExternalId, isMemberId, isOrganizationId } from './ids.js';
import type { SigningKeys } from './keys.js';
import { Outbox } from './outbox.js';
import { emailDomain } from './policy.js';
import { presentMember, presentOrganization, presentSession } from './present.js';
import type { PersistedState, Records } from './records.js';
import { Sessions } from './sessions.js';
import { Saver } from './store.js';
import type {
  EmulatorStats,
  MemberRecord,
  MemberStatus,
  OrganizationRecord,
  SeedInfo,
  SessionRecord,
} from './types.js';

export interface CoreOptions {
  projectId: string;
  secret: string;
  now: () => number;
  log: (line: string) => void;
  records: Records;
  keys: SigningKeys;
  userLock: UserLockPolicy;
  smsCallingCodes: readonly string[];
}

export class Core {
  readonly projectId: string;
  readonly secret: string;
  readonly now: () => number;
  readonly log: (line: string) => void;
  readonly keys: SigningKeys;
  readonly smsCallingCodes: readonly string[];
  readonly outbox: Outbox;
  readonly codes: Codes;
  readonly sessions: Sessions;
  private readonly records: Records;
  private saver: Saver | undefined;
  /** Counts roll-backs after failed saves; a request that spans one cannot trust its changes. */
  private rollbacks = 0;
  private lastSweep = Number.NEGATIVE_INFINITY;

  constructor(options: CoreOptions) {
    this.projectId = options.projectId;
    this.secret = options.secret;
    this.now = options.now;
    this.log = options.log;
    this.records = options.records;
    this.keys = options.keys;
    this.smsCallingCodes = options.smsCallingCodes;
    this.outbox = new Outbox(this.log);
    this.codes = new Codes(this.records, this.now, options.userLock);
    this.sessions = new Sessions(this.records, this.keys, this.projectId, this.now);
  }

  // Persistence ---------------------------------------------------------------------------------

  /** Keeps the state in `file` from now on; `saved` is what the file holds. */
  persistTo(file: string, saved: string): void {
    this.saver = new Saver(
      file,
      () => this.records.generation,
      () => this.snapshot(),
      (text) => this.restore(text),
      saved,
    );
  }

  snapshot(): string {
    return JSON.stringify(this.records.toJSON(), null, 2);
  }

  /** Marks the start of a request, for `commit`. */
  begin(): number {
    return this.rollbacks;
  }

  /**
   * Ends a request: sweeps what expired, then writes the data file if the state changed (a request
   * that changed nothing serializes and writes nothing). Throws when
   * the write failed (the state is then rolled back to the file) or a roll-back happened while the
   * request ran, so no answer claims a change that is not on disk.
   */
  async commit(started: number): Promise<void> {
    this.sweep();
    await this.saver?.save();
    if (this.rollbacks !== started) {
      throw new ApiError(
        500,
        'internal_server_error',
        'The emulator could not save its data file.',
      );
    }
  }

  flush(): Promise<void> {
    return this.saver?.flush() ?? Promise.resolve();
  }

  private restore(saved: string): void {
    this.records.load(JSON.parse(saved) as PersistedState);
    this.rollbacks += 1;
    this.log('[emulator] could not write the data file; changes since the last write were undone');
  }

  /** Forgets expired codes, intermediate and member sessions, idle failure records and JIT members. */
  private sweep(): void {
    const now = this.now();
    if (now - this.lastSweep < SWEEP_INTERVAL_MS) return;
    this.lastSweep = now;
    this.codes.prune();
    this.sessions.prune();
    for (const member of [...this.records.members.values()]) {
      if (
        member.status === 'pending' &&
        member.provisional_until !== undefined &&
        member.provisional_until <= now
      ) {
        this.removeMember(member.member_id);
      }
    }
  }

  stats(): EmulatorStats {
    return {
      organizations: this.records.organizations.size,
      members: this.records.members.size,
      sessions: this.records.sessions.size,
      guards: this.records.guards.size,
      codes: this.codes.size,
      intermediateSessions: this.sessions.intermediateCount,
    };
  }

  get seedInfo(): SeedInfo | undefined {
    return this.records.seedInfo;
  }

  set seedInfo(info: SeedInfo | undefined) {
    this.records.seedInfo = info;
  }

  // Organizations -------------------------------------------------------------------------------

  /** By id, slug or `organization_external_id`, as Stytch accepts in `organization_id`. */
  findOrganization(locator: string): OrganizationRecord | undefined {
    if (isOrganizationId(locator)) return this.records.organizations.get(locator);
    for (const org of this.records.organizations.values()) {
      if (org.organization_slug === locator) return org;
    }
    if (!isExternalId(locator)) return undefined;
    for (const org of this.records.organizations.values()) {
      if (org.organization_external_id === locator) return org;
    }
    return undefined;
  }

  organization(locator: string): OrganizationRecord {
    const org = this.findOrganization(locator);
    if (!org) throw organizationNotFound();
    return org;
  }

  organizations(): OrganizationRecord[] {
    return [...this.records.organizations.values()];
  }

  addOrganization(org: OrganizationRecord): void {
    this.records.putOrganization(org);
  }

  updateOrganization(org: OrganizationRecord, changes: Partial<OrganizationRecord>): void {
    this.records.updateOrganization(org, changes);
  }

  slugTaken(slug: string, exceptId?: string): boolean {
    return this.organizations().some(
      (o) => o.organization_slug === slug && o.organization_id !== exceptId,
    );
  }

  organizationExternalIdTaken(externalId: string, exceptId?: string): boolean {
    return this.organizations().some(
      (o) => o.organization_external_id === externalId && o.organization_id !== exceptId,
    );
  }

  // Members -------------------------------------------------------------------------------------

  /** A live member of `org` by member id or `external_id`; 404 `member_not_found` otherwise. */
  member(org: OrganizationRecord, locator: string): MemberRecord {
    const member = isMemberId(locator)
      ? this.records.members.get(locator)
      : this.liveMembers(
          org,
          this.records.memberIndex.byExternalId(org.organization_id, locator),
        ).find((m) => m.external_id !== '' && m.external_id === locator);
    if (!member || member.organization_id !== org.organization_id || member.status === 'deleted') {
      throw memberNotFound();
    }
    return member;
  }

  /** Live members of an organization. */
  members(org: OrganizationRecord): MemberRecord[] {
    return this.liveMembers(org, this.records.memberIndex.ofOrganization(org.organization_id));
  }

  memberByEmail(org: OrganizationRecord, email: string): MemberRecord | undefined {
    return this.liveMembers(org, this.records.memberIndex.byEmail(org.organization_id, email)).find(
      (m) => m.email_address === email,
    );
  }

  /** Every live membership of an email address, across organizations. */
  membershipsOf(email: string): { member: MemberRecord; org: OrganizationRecord }[] {
    const found = [];
    for (const id of this.records.memberIndex.byAddress(email)) {
      const member = this.records.members.get(id);
      const org = member && this.records.organizations.get(member.organization_id);
      if (org && member.email_address === email && member.status !== 'deleted') {
        found.push({ member, org });
      }
    }
    return found;
  }

  /** Stytch's anti-phishing rule for discovery JIT: a verified member with the same email domain. */
  hasVerifiedMemberOfDomain(org: OrganizationRecord, domain: string): boolean {
    return this.liveMembers(
      org,
      this.records.memberIndex.verifiedOfDomain(org.organization_id, domain),
    ).some((m) => m.email_address_verified && emailDomain(m.email_address) === domain);
  }

  /** The records of `ids` that are live members of `org` (the indexes give ids). */
  private liveMembers(org: OrganizationRecord, ids: readonly string[]): MemberRecord[] {
    const found = [];
    for (const id of ids) {
      const member = this.records.members.get(id);
      if (member && member.organization_id === org.organization_id && member.status !== 'deleted') {
        found.push(member);
      }
    }
    return found;
  }

  /** The member and organization of a live session (404 `session_not_found` if either is gone). */
  ownersOf(session: SessionRecord): { member: MemberRecord; org: OrganizationRecord } {
    const member = this.records.members.get(session.member_id);
    const org = this.records.organizations.get(session.organization_id);
    if (!member || !org || member.status === 'deleted') throw sessionNotFound();
    return { member, org };
  }

  /** Whether `memberId` is a member id this emulator knows (any organization). */
  knowsMember(memberId: string): boolean {
    return isMemberId(memberId) && this.records.members.has(memberId);
  }

  addMember(org: OrganizationRecord, email: string, status: MemberStatus): MemberRecord {
    if (this.memberByEmail(org, email)) {
      throw badRequest(
        'duplicate_member_email',
        'A member with this email already exists in the organization.',
      );
    }
    const now = this.now();
    const member: MemberRecord = {
      member_id: newId('member'),
      external_id: '',
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
      roles: [],
      created_at: now,
      updated_at: now,
    };
    this.records.putMember(member);
    return member;
  }

  /**
   * Changes fields of a member (fields given as undefined stay as they are), so the lookups by
   * email, status, phone or external id find the member under its new values.
   */
  updateMember(member: MemberRecord, changes: Partial<MemberRecord>): void {
    this.records.updateMember(member, changes);
  }

  /** Forgets a member (a JIT member that never authenticated) and its codes. */
  removeMember(memberId: string): void {
    this.records.removeMember(memberId);
    this.codes.revoke(memberId);
  }

  /** A member who proved their email: pending and invited members become active. */
  activate(member: MemberRecord): void {
    const joins = member.status === 'pending' || member.status === 'invited';
    this.records.updateMember(
      member,
      {
        status: joins ? 'active' : member.status,
        email_address_verified: true,
        updated_at: this.now(),
      },
      ['provisional_until'],
    );
  }

  /** `duplicate_member_phone_number`: another member of the organization has this MFA phone. */
  assertPhoneFree(org: OrganizationRecord, phone: string, member?: MemberRecord): void {
    const taken = this.liveMembers(
      org,
      this.records.memberIndex.byPhone(org.organization_id, phone),
    ).some((m) => m.mfa_phone_number === phone && m.member_id !== member?.member_id);
    if (taken) {
      throw badRequest(
        'duplicate_member_phone_number',
        'Another member of this organization already uses this phone number.',
      );
    }
  }

  /** `duplicate_member_external_id`: external ids are unique within an organization. */
  assertExternalIdFree(org: OrganizationRecord, externalId: string, member?: MemberRecord): void {
    const taken = this.liveMembers(
      org,
      this.records.memberIndex.byExternalId(org.organization_id, externalId),
    ).some((m) => m.external_id === externalId && m.member_id !== member?.member_id);
    if (taken) {
      throw badRequest(
        'duplicate_member_external_id',
        'Another member of this organization already has this external_id.',
      );
    }
  }

  // Presentation --------------------------------------------------------------------------------

  presentMember(member: MemberRecord) {
    return presentMember(member, this.codes.guardOf(member.member_id), this.now());
  }

  presentOrganization(org: OrganizationRecord) {
    return presentOrganization(org);
  }

  presentSession(session: SessionRecord, org: OrganizationRecord, member: MemberRecord) {
    return presentSession(session, org, member, this.sessions.lastAccessed(session));
  }
}
