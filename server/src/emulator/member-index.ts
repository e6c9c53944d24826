// Secondary indexes over the live members (status other than 'deleted'), so that the lookups of the
// login, discovery and SMS routes cost the same with 20 members as with 20,000. Each index maps a key
// to the ids of the members it matches, in the order they entered it. Values are compared exactly as
// stored: email addresses are lower-cased once, when a request is validated (validate.ts `email()`),
// and stored that way, so equality of stored strings is Stytch's case-insensitive comparison.

import { emailDomain } from './policy.js';
import type { MemberRecord } from './types.js';

type Kind =
  /** organization id: its members */
  | 'org'
  /** organization id, email address */
  | 'email'
  /** email address: its members across organizations */
  | 'address'
  /** organization id, MFA phone number */
  | 'phone'
  /** organization id, external id */
  | 'external'
  /** organization id, email domain: members with a verified email address */
  | 'verified';

// JSON of the parts: no value, whatever characters it holds, can run into the next one.
const key = (kind: Kind, ...parts: string[]) => JSON.stringify([kind, ...parts]);

function keysOf(member: MemberRecord): string[] {
  if (member.status === 'deleted') return [];
  const org = member.organization_id;
  const keys = [
    key('org', org),
    key('email', org, member.email_address),
    key('address', member.email_address),
  ];
  if (member.mfa_phone_number) keys.push(key('phone', org, member.mfa_phone_number));
  if (member.external_id) keys.push(key('external', org, member.external_id));
  if (member.email_address_verified) {
    keys.push(key('verified', org, emailDomain(member.email_address)));
  }
  return keys;
}

const NONE: ReadonlySet<string> = new Set();

export class MemberIndex {
  private readonly buckets = new Map<string, Set<string>>();
  /** The keys each member is filed under now, and its place in the order members were added. */
  private readonly filed = new Map<string, { keys: string[]; order: number }>();
  private added = 0;

  /** Members filed, and ids held across all keys (for tests: nothing stale is kept). */
  get size(): { members: number; entries: number } {
    let entries = 0;
    for (const bucket of this.buckets.values()) entries += bucket.size;
    return { members: this.filed.size, entries };
  }

  clear(): void {
    this.buckets.clear();
    this.filed.clear();
    this.added = 0;
  }

  add(id: string, member: MemberRecord): void {
    this.remove(id);
    const keys = keysOf(member);
    this.filed.set(id, { keys, order: this.added++ });
    for (const k of keys) this.file(k, id);
  }

  /**
   * Files `member` under the keys its fields give now. Keys that did not change are left alone, so
   * a member keeps its place among its organization's members.
   */
  update(id: string, member: MemberRecord): void {
    const entry = this.filed.get(id);
    if (!entry) return this.add(id, member);
    const next = keysOf(member);
    for (const k of entry.keys) if (!next.includes(k)) this.unfile(k, id);
    for (const k of next) if (!entry.keys.includes(k)) this.file(k, id);
    entry.keys = next;
  }

  remove(memberId: string): void {
    const entry = this.filed.get(memberId);
    if (!entry) return;
    for (const k of entry.keys) this.unfile(k, memberId);
    this.filed.delete(memberId);
  }

  /** The members of an organization, in the order they were added. */
  ofOrganization(orgId: string): string[] {
    return this.ordered(this.get(key('org', orgId)));
  }

  byEmail(orgId: string, email: string): string[] {
    return this.ordered(this.get(key('email', orgId, email)));
  }

  /** Members with this email address in any organization, in the order they were added. */
  byAddress(email: string): string[] {
    return this.ordered(this.get(key('address', email)));
  }

  byPhone(orgId: string, phone: string): string[] {
    return this.ordered(this.get(key('phone', orgId, phone)));
  }

  byExternalId(orgId: string, externalId: string): string[] {
    return this.ordered(this.get(key('external', orgId, externalId)));
  }

  verifiedOfDomain(orgId: string, domain: string): string[] {
    return this.ordered(this.get(key('verified', orgId, domain)));
  }

  private get(k: string): ReadonlySet<string> {
    return this.buckets.get(k) ?? NONE;
  }

  /** Sorting a list already in order (the usual case) is one linear pass. */
  private ordered(ids: ReadonlySet<string>): string[] {
    const list = [...ids];
    if (list.length > 1) list.sort((a, b) => this.filed.get(a)!.order - this.filed.get(b)!.order);
    return list;
  }

  private file(k: string, memberId: string): void {
    let bucket = this.buckets.get(k);
    if (!bucket) this.buckets.set(k, (bucket = new Set()));
    bucket.add(memberId);
  }

  private unfile(k: string, memberId: string): void {
    const bucket = this.buckets.get(k);
    if (!bucket) return;
    bucket.delete(memberId);
    if (bucket.size === 0) this.buckets.delete(k);
  }
}
