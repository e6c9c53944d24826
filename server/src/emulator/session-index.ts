// Secondary indexes over the member sessions, so that finding a session by its token, or a member's
// sessions, costs the same with 1,000 sessions as with 100,000. Only the token's SHA-256 is stored
// (SessionRecord.token_hash) and only the hash is a key here: a lookup hashes the token it is given,
// as the scan it replaces did, so the time a lookup takes depends on that hash, never on the token.
// Each index maps a key to the ids (keys in the sessions map) it matches, in the order they entered.

import type { SessionRecord } from './types.js';

interface Filed {
  hash: string;
  member: string;
}

const NONE: ReadonlySet<string> = new Set();

export class SessionIndex {
  private readonly hashes = new Map<string, Set<string>>();
  private readonly members = new Map<string, Set<string>>();
  private readonly filed = new Map<string, Filed>();

  /** Sessions filed, and ids held across all keys (for tests: nothing stale is kept). */
  get size(): { sessions: number; entries: number } {
    let entries = 0;
    for (const bucket of this.hashes.values()) entries += bucket.size;
    for (const bucket of this.members.values()) entries += bucket.size;
    return { sessions: this.filed.size, entries };
  }

  clear(): void {
    this.hashes.clear();
    this.members.clear();
    this.filed.clear();
  }

  add(id: string, session: SessionRecord): void {
    this.remove(id);
    const entry = { hash: session.token_hash, member: session.member_id };
    this.filed.set(id, entry);
    file(this.hashes, entry.hash, id);
    file(this.members, entry.member, id);
  }

  /**
   * Refiles a session under its current token hash (after the token is rotated). A session never
   * changes member, so it keeps its place among the member's sessions.
   */
  update(id: string, session: SessionRecord): void {
    const entry = this.filed.get(id);
    if (!entry || entry.member !== session.member_id) return this.add(id, session);
    if (entry.hash === session.token_hash) return;
    unfile(this.hashes, entry.hash, id);
    entry.hash = session.token_hash;
    file(this.hashes, entry.hash, id);
  }

  remove(id: string): void {
    const entry = this.filed.get(id);
    if (!entry) return;
    unfile(this.hashes, entry.hash, id);
    unfile(this.members, entry.member, id);
    this.filed.delete(id);
  }

  /** The first session filed under this token hash (more than one only in a hand-edited file). */
  withTokenHash(hash: string): string | undefined {
    for (const id of this.hashes.get(hash) ?? NONE) return id;
    return undefined;
  }

  /** The sessions of a member, in the order they were added. */
  ofMember(memberId: string): string[] {
    return [...(this.members.get(memberId) ?? NONE)];
  }
}

function file(buckets: Map<string, Set<string>>, k: string, id: string): void {
  let bucket = buckets.get(k);
  if (!bucket) buckets.set(k, (bucket = new Set()));
  bucket.add(id);
}

function unfile(buckets: Map<string, Set<string>>, k: string, id: string): void {
  const bucket = buckets.get(k);
  if (!bucket) return;
  bucket.delete(id);
  if (bucket.size === 0) buckets.delete(k);
}
