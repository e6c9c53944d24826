// Member sessions (persisted, token hashes only), intermediate sessions (memory-only) and session JWTs.

import {
  IST_LIFETIME_MS,
  SESSION_DEFAULT_MINUTES,
  SESSION_JWT_LIFETIME_SECONDS,
} from './constants.js';
import { newId, newToken, sha256 } from './crypto.js';
import { badRequest, intermediateSessionNotFound, sessionNotFound } from './errors.js';
import type { SigningKeys } from './keys.js';
import { iso, memberRoles } from './present.js';
import type { Records } from './records.js';
import type {
  AuthenticationFactor,
  MemberRecord,
  OrganizationRecord,
  SessionRecord,
} from './types.js';
import type { SessionArguments } from './validate.js';

/**
 * An intermediate session: "a bag of factors" proven for an email address. A discovery login leaves
 * it unbound; primary authentication in an organization (or an exchange into one) binds it to the
 * member whose MFA is pending.
 */
export interface IntermediateSession {
  email_address: string;
  member_id?: string;
  organization_id?: string;
  factors: readonly AuthenticationFactor[];
  expires_at: number;
}

/** A session argument after the asynchronous part (JWT signature) has been checked. */
export type SessionRef =
  | { kind: 'none' }
  | { kind: 'ist'; token: string }
  | { kind: 'token'; token: string }
  | { kind: 'jwt' | 'id'; sessionId: string };

const SESSION_CLAIM = 'https://stytch.com/session';
const ORGANIZATION_CLAIM = 'https://stytch.com/organization';

export class Sessions {
  private readonly intermediate = new Map<string, IntermediateSession>();
  /** Last use of each session; memory-only so that reading a session never rewrites the data file. */
  private readonly accessed = new Map<string, number>();

  constructor(
    private readonly records: Records,
    private readonly keys: SigningKeys,
    private readonly projectId: string,
    private readonly now: () => number,
  ) {}

  get issuer(): string {
    return `stytch.com/${this.projectId}`;
  }

  /** Verifies a session JWT's signature (async) so the rest of a request can run synchronously. */
  async prepare(args: SessionArguments): Promise<SessionRef> {
    if (args.intermediate_session_token)
      return { kind: 'ist', token: args.intermediate_session_token };
    if (args.session_token) return { kind: 'token', token: args.session_token };
    if (args.session_jwt)
      return { kind: 'jwt', sessionId: await this.sessionIdFromJwt(args.session_jwt) };
    return { kind: 'none' };
  }

  async sessionIdFromJwt(jwt: string): Promise<string> {
    if (jwt.split('.').length !== 3) {
      throw badRequest('unable_to_parse_session_jwt', 'session_jwt is not a JSON Web Token.');
    }
    const claims = await this.keys.verify(jwt, this.issuer, this.projectId);
    const id = (claims?.[SESSION_CLAIM] as { id?: unknown } | undefined)?.id;
    if (typeof id !== 'string') throw sessionNotFound();
    return id;
  }

  /** The live session a token or verified JWT points at, which must belong to `memberId`. */
  resolve(ref: SessionRef, memberId?: string): SessionRecord {
    const session =
      ref.kind === 'token'
        ? this.byToken(ref.token)
        : ref.kind === 'jwt' || ref.kind === 'id'
          ? this.live(ref.sessionId)
          : undefined;
    if (!session || (memberId !== undefined && session.member_id !== memberId))
      throw sessionNotFound();
    return session;
  }

  /** The live session of a token, found by the token's hash (the only form of it that is kept). */
  byToken(token: string): SessionRecord | undefined {
    const hash = sha256(token);
    const id = this.records.sessionIndex.withTokenHash(hash);
    const session = id === undefined ? undefined : this.records.sessions.get(id);
    return session?.token_hash === hash ? this.live(session.member_session_id) : undefined;
  }

  live(id: string): SessionRecord | undefined {
    const session = this.records.sessions.get(id);
    if (session && session.expires_at <= this.now()) {
      this.drop(id);
      return undefined;
    }
    return session;
  }

  /** The member's live sessions, oldest first (its expired ones are dropped on the way). */
  ofMember(memberId: string): SessionRecord[] {
    const found = [];
    for (const id of this.records.sessionIndex.ofMember(memberId)) {
      const session = this.live(id);
      if (session?.member_id === memberId) found.push(session);
    }
    return found;
  }

  lastAccessed(session: SessionRecord): number {
    return Math.max(session.last_accessed_at, this.accessed.get(session.member_session_id) ?? 0);
  }

  create(
    member: MemberRecord,
    factors: readonly AuthenticationFactor[],
    minutes = SESSION_DEFAULT_MINUTES,
    claims: Record<string, unknown> = {},
  ): { session: SessionRecord; token: string } {
    const now = this.now();
    const token = newToken();
    const session: SessionRecord = {
      member_session_id: newId('member-session'),
      member_id: member.member_id,
      organization_id: member.organization_id,
      token_hash: sha256(token),
      started_at: now,
      last_accessed_at: now,
      expires_at: now + minutes * 60_000,
      authentication_factors: factors,
      custom_claims: withClaims({}, claims),
    };
    this.records.putSession(session);
    return { session, token };
  }

  /** Records use of the session; optionally extends it and merges custom claims (null deletes). */
  touch(session: SessionRecord, minutes?: number, claims?: Record<string, unknown>): void {
    const now = this.now();
    this.accessed.set(session.member_session_id, now);
    if (minutes === undefined && !claims) return;
    this.records.updateSession(session, {
      last_accessed_at: now,
      ...(minutes !== undefined && { expires_at: now + minutes * 60_000 }),
      ...(claims && { custom_claims: withClaims(session.custom_claims, claims) }),
    });
  }

  /** Adds a factor to the session, or refreshes the factor of the same kind it already has. */
  addFactor(session: SessionRecord, factor: AuthenticationFactor): void {
    this.records.updateSession(session, {
      authentication_factors: withFactor(session.authentication_factors, factor),
    });
  }

  /** A new token for the session (at step-up); the previous token stops working. */
  rotate(session: SessionRecord): string {
    const token = newToken();
    this.records.updateSession(session, { token_hash: sha256(token) });
    return token;
  }

  revoke(session: SessionRecord): void {
    this.drop(session.member_session_id);
  }

  revokeMember(memberId: string): number {
    const ids = [];
    for (const id of this.records.sessionIndex.ofMember(memberId)) {
      const session = this.records.sessions.get(id);
      if (session?.member_id === memberId) ids.push(session.member_session_id);
    }
    for (const id of ids) this.drop(id);
    return ids.length;
  }

  /** Drops expired sessions and intermediate sessions. */
  prune(): void {
    for (const id of [...this.records.sessions.keys()]) this.live(id);
    const now = this.now();
    for (const [hash, ist] of this.intermediate) {
      if (ist.expires_at <= now) this.intermediate.delete(hash);
    }
  }

  /** Intermediate sessions held in memory (for tests of pruning). */
  get intermediateCount(): number {
    return this.intermediate.size;
  }

  issueIntermediate(ist: Omit<IntermediateSession, 'expires_at'>) {
    const token = newToken();
    const expiresAt = this.now() + IST_LIFETIME_MS;
    this.intermediate.set(sha256(token), { ...ist, expires_at: expiresAt });
    return { token, expiresAt };
  }

  /** The unexpired intermediate session behind a token (404 otherwise). Does not consume it. */
  intermediateSession(token: string): IntermediateSession {
    const hash = sha256(token);
    const ist = this.intermediate.get(hash);
    if (ist && ist.expires_at <= this.now()) this.intermediate.delete(hash);
    if (!ist || ist.expires_at <= this.now()) throw intermediateSessionNotFound();
    return ist;
  }

  /**
   * The intermediate session of `member`: bound to this member, or unbound (discovery) for the
   * member's email address. 404 otherwise. Does not consume it.
   */
  intermediateOf(token: string, member: MemberRecord): IntermediateSession {
    const ist = this.intermediateSession(token);
    const mine = ist.member_id
      ? ist.member_id === member.member_id && ist.organization_id === member.organization_id
      : ist.email_address === member.email_address;
    if (!mine) throw intermediateSessionNotFound();
    return ist;
  }

  /**
   * Binds an intermediate session to the member whose MFA is pending and records its factors. The
   * token stays the same ("The returned Intermediate Session Token is identical to the one that was
   * originally passed in", SDK `discovery_intermediate_sessions.d.ts`); its expiry does not move.
   */
  bindIntermediate(token: string, member: MemberRecord, factors: readonly AuthenticationFactor[]) {
    const ist = this.intermediateSession(token);
    Object.assign(ist, {
      member_id: member.member_id,
      organization_id: member.organization_id,
      factors,
    });
    return { token, expiresAt: ist.expires_at };
  }

  consumeIntermediate(token: string): void {
    this.intermediate.delete(sha256(token));
  }

  jwt(session: SessionRecord, org: OrganizationRecord, member: MemberRecord): Promise<string> {
    const iat = Math.floor(this.now() / 1000);
    return this.keys.sign({
      ...session.custom_claims,
      [SESSION_CLAIM]: {
        id: session.member_session_id,
        started_at: iso(session.started_at),
        last_accessed_at: iso(this.lastAccessed(session)),
        expires_at: iso(session.expires_at),
        attributes: { user_agent: '', ip_address: '' },
        authentication_factors: session.authentication_factors,
        roles: memberRoles(member),
      },
      [ORGANIZATION_CLAIM]: { organization_id: org.organization_id, slug: org.organization_slug },
      sub: session.member_id,
      iss: this.issuer,
      aud: [this.projectId],
      iat,
      nbf: iat,
      exp: iat + SESSION_JWT_LIFETIME_SECONDS,
    });
  }

  private drop(id: string): void {
    this.records.removeSession(id);
    this.accessed.delete(id);
  }
}

/** Merges custom claims (null deletes one) into a new object with own properties only. */
function withClaims(base: Readonly<Record<string, unknown>>, changes: Record<string, unknown>) {
  const merged = new Map(Object.entries(base));
  for (const [key, value] of Object.entries(changes)) {
    if (value === null) merged.delete(key);
    else merged.set(key, value);
  }
  return Object.fromEntries(merged);
}

/** Adds a factor, or refreshes the factor of the same kind already in the list. */
export function withFactor(
  factors: readonly AuthenticationFactor[],
  factor: AuthenticationFactor,
): AuthenticationFactor[] {
  const same = (f: AuthenticationFactor) =>
    f.type === factor.type && f.delivery_method === factor.delivery_method;
  const existing = factors.find(same);
  const merged = existing ? { ...factor, created_at: existing.created_at } : factor;
  return [...factors.filter((f) => !same(f)), merged];
}

export function emailFactor(
  emailId: string,
  emailAddress: string,
  now: number,
): AuthenticationFactor {
  const at = iso(now);
  return {
    type: 'email_otp',
    delivery_method: 'email',
    last_authenticated_at: at,
    created_at: at,
    updated_at: at,
    email_factor: { email_id: emailId, email_address: emailAddress },
  };
}

export function smsFactor(member: MemberRecord, now: number): AuthenticationFactor {
  const at = iso(now);
  return {
    type: 'otp',
    delivery_method: 'sms',
    last_authenticated_at: at,
    created_at: at,
    updated_at: at,
    phone_number_factor: { phone_id: member.phone_id, phone_number: member.mfa_phone_number },
  };
}

/** Whether the factors include an SMS factor for the member's current phone. */
export const hasSmsFactorFor = (factors: readonly AuthenticationFactor[], member: MemberRecord) =>
  factors.some(
    (f) =>
      f.delivery_method === 'sms' &&
      f.phone_number_factor?.phone_number === member.mfa_phone_number,
  );
