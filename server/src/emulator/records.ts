// Everything that survives a restart, in Maps keyed by id (never plain objects, so no id can reach
// Object.prototype), and its JSON form in the data file. Codes and intermediate sessions are
// memory-only on purpose.

import type { StoredKey } from './keys.js';
import { MemberIndex } from './member-index.js';
import { SessionIndex } from './session-index.js';
import type {
  GuardRecord,
  MemberRecord,
  OrganizationRecord,
  SeedInfo,
  SessionRecord,
} from './types.js';

export const DATA_FORMAT = 'otp-auth-emulator/1';

/** The data file. Objects keyed by id, as earlier versions wrote it. */
export interface PersistedState {
  format: typeof DATA_FORMAT;
  organizations: Record<string, OrganizationRecord>;
  members: Record<string, MemberRecord>;
  sessions: Record<string, SessionRecord>;
  guards: Record<string, GuardRecord>;
  signing_keys: StoredKey[];
  seed_info?: SeedInfo;
}

/** A record as Records changes it; everywhere else records are read-only. */
type Writable<T> = { -readonly [K in keyof T]: T[K] };

const NEW_GUARD: GuardRecord = {
  failures: 0,
  locked_until: 0,
  lock_created_at: 0,
  sends: { email: [], sms: [] },
};

/**
 * The persisted state. Every change goes through a method here, and every such method makes it
 * inside `change()`, which counts it: `generation` tells the data file's writer whether anything
 * changed since the last write without serializing anything. Record types are read-only outside
 * this class, so a change made elsewhere does not compile.
 */
export class Records {
  private readonly organizationMap = new Map<string, OrganizationRecord>();
  /** Organizations by id; changed only through `putOrganization` and `updateOrganization`. */
  readonly organizations: ReadonlyMap<string, OrganizationRecord> = this.organizationMap;
  private readonly memberMap = new Map<string, MemberRecord>();
  /** Members by id; changed only through `putMember`, `updateMember` and `removeMember`. */
  readonly members: ReadonlyMap<string, MemberRecord> = this.memberMap;
  /** Lookups of live members by organization, email, phone, external id and verified domain. */
  readonly memberIndex = new MemberIndex();
  private readonly sessionMap = new Map<string, SessionRecord>();
  /** Sessions by id; changed only through `putSession`, `updateSession` and `removeSession`. */
  readonly sessions: ReadonlyMap<string, SessionRecord> = this.sessionMap;
  /** Lookups of sessions by token hash and by member. */
  readonly sessionIndex = new SessionIndex();
  /** The id each session record is kept under (a data file's key when loaded). */
  private sessionIds = new WeakMap<SessionRecord, string>();
  private readonly guardMap = new Map<string, GuardRecord>();
  /** Failure, lock and send records by subject; changed only through `updateGuard`, `removeGuard`. */
  readonly guards: ReadonlyMap<string, GuardRecord> = this.guardMap;
  private keys: readonly StoredKey[] = [];
  private seed: SeedInfo | undefined;
  private changes = 0;

  /** Goes up with every change to the persisted state (never for a read). */
  get generation(): number {
    return this.changes;
  }

  /** The one way to change the persisted state: every mutating method runs its change in here. */
  private change<T>(apply: () => T): T {
    this.changes += 1;
    return apply();
  }

  get signingKeys(): readonly StoredKey[] {
    return this.keys;
  }

  set signingKeys(keys: readonly StoredKey[]) {
    this.change(() => (this.keys = keys));
  }

  get seedInfo(): SeedInfo | undefined {
    return this.seed;
  }

  set seedInfo(info: SeedInfo | undefined) {
    this.change(() => (this.seed = info));
  }

  toJSON(): PersistedState {
    return {
      format: DATA_FORMAT,
      organizations: Object.fromEntries(this.organizationMap),
      members: Object.fromEntries(this.memberMap),
      sessions: Object.fromEntries(this.sessionMap),
      guards: Object.fromEntries(this.guardMap),
      signing_keys: [...this.keys],
      ...(this.seed && { seed_info: this.seed }),
    };
  }

  /** Replaces every record with those of `state` (the maps stay the same objects). */
  load(state: PersistedState): void {
    this.change(() => {
      refill(this.organizationMap, state.organizations, withOrganizationDefaults);
      this.memberMap.clear();
      this.memberIndex.clear();
      for (const [id, member] of Object.entries(state.members ?? {})) {
        this.putMember(withMemberDefaults(member), id);
      }
      this.sessionMap.clear();
      this.sessionIndex.clear();
      this.sessionIds = new WeakMap();
      for (const [id, session] of Object.entries(state.sessions ?? {})) {
        this.putSession(session, id);
      }
      refill(this.guardMap, state.guards, withGuardDefaults);
      this.keys = state.signing_keys ?? [];
      this.seed = state.seed_info;
    });
  }

  putOrganization(org: OrganizationRecord): void {
    this.change(() => this.organizationMap.set(org.organization_id, org));
  }

  updateOrganization(org: OrganizationRecord, changes: Partial<OrganizationRecord>): void {
    this.change(() => assign(org, changes));
  }

  /** Adds a member under `id` (its `member_id`; a data file's key when loaded). */
  putMember(member: MemberRecord, id = member.member_id): void {
    this.change(() => {
      this.memberMap.set(id, member);
      this.memberIndex.add(id, member);
    });
  }

  /**
   * Changes fields of a member, removes those named in `forget`, and refiles it under its new
   * email, verification, status, phone or external id.
   */
  updateMember(
    member: MemberRecord,
    changes: Partial<MemberRecord>,
    forget: readonly 'provisional_until'[] = [],
  ): void {
    this.change(() => {
      assign(member, changes);
      for (const key of forget) delete (member as Writable<MemberRecord>)[key];
      if (this.memberMap.get(member.member_id) === member) {
        this.memberIndex.update(member.member_id, member);
      }
    });
  }

  removeMember(memberId: string): void {
    if (!this.memberMap.has(memberId)) return;
    this.change(() => {
      this.memberMap.delete(memberId);
      this.memberIndex.remove(memberId);
    });
  }

  /** Adds a session under `id` (its `member_session_id`; a data file's key when loaded). */
  putSession(session: SessionRecord, id = session.member_session_id): void {
    this.change(() => {
      // Re-adding an id moves it last in the map as in its index, so both keep the same order.
      this.removeSession(id);
      this.sessionMap.set(id, session);
      this.sessionIds.set(session, id);
      this.sessionIndex.add(id, session);
    });
  }

  /** Changes fields of a session and refiles it under its token hash (rotation). */
  updateSession(session: SessionRecord, changes: Partial<SessionRecord>): void {
    this.change(() => {
      assign(session, changes);
      const id = this.sessionIds.get(session);
      if (id !== undefined && this.sessionMap.get(id) === session) {
        this.sessionIndex.update(id, session);
      }
    });
  }

  removeSession(id: string): void {
    if (!this.sessionMap.has(id)) return;
    this.change(() => {
      this.sessionMap.delete(id);
      this.sessionIndex.remove(id);
    });
  }

  /** Changes the guard record of `subject`, creating it if there is none. */
  updateGuard(subject: string, changes: Partial<GuardRecord>): GuardRecord {
    return this.change(() => {
      let guard = this.guardMap.get(subject);
      if (!guard) {
        guard = { ...NEW_GUARD, sends: { ...NEW_GUARD.sends } };
        this.guardMap.set(subject, guard);
      }
      assign(guard, changes);
      return guard;
    });
  }

  removeGuard(subject: string): void {
    if (!this.guardMap.has(subject)) return;
    this.change(() => this.guardMap.delete(subject));
  }
}

/** Sets the fields of `changes` on `record`; a field given as undefined is left as it is. */
function assign<T extends object>(record: T, changes: Partial<T>): void {
  const target = record as Writable<T>;
  for (const key of Object.keys(changes) as (keyof T)[]) {
    const value = changes[key];
    if (value !== undefined) target[key] = value as T[keyof T];
  }
}

function refill<T>(map: Map<string, T>, source: Record<string, T> | undefined, fix: (v: T) => T) {
  map.clear();
  for (const [id, value] of Object.entries(source ?? {})) map.set(id, fix(value));
}

// Data files of earlier versions lack these fields.
const withOrganizationDefaults = (org: OrganizationRecord): OrganizationRecord => ({
  ...org,
  organization_external_id: org.organization_external_id ?? '',
});

const withMemberDefaults = (member: MemberRecord): MemberRecord => ({
  ...member,
  external_id: member.external_id ?? '',
  roles: member.roles ?? [],
});

function withGuardDefaults(guard: GuardRecord): GuardRecord {
  const failures = guard.failures as GuardRecord['failures'] | Record<string, number>;
  return {
    ...guard,
    failures:
      typeof failures === 'number' ? failures : Object.values(failures).reduce((a, b) => a + b, 0),
  };
}
