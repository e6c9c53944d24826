// Member sessions (persisted, token hashes only), intermediate sessions (memory-only) and session JWTs.

import {
  IST_LIFETIME_MS,
  SESSION_DEFAULT_MINUTES,
  SESSION_JWT_LIFETIME_SECONDS,
} from './constants.js';
import { newId, newToken, sha256 } from './crypto.js';
import { badRequest, intermediateSessionNotFound, sessionNotFound } from './errors.js';
import type { SigningKeys } from './keys.js';
import { iso, MEMBER_ROLE } from './present.js';
import type {
  AuthenticationFactor,
  MemberRecord,
  OrganizationRecord,
  SessionRecord,
} from './types.js';
import type { SessionArguments } from './validate.js';

interface IntermediateSession {
  member_id: string;
  organization_id: string;
  factors: AuthenticationFactor[];
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

  constructor(
    private readonly sessions: Record<string, SessionRecord>,
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

  byToken(token: string): SessionRecord | undefined {
    const hash = sha256(token);
    const session = Object.values(this.sessions).find((s) => s.token_hash === hash);
    return session && this.live(session.member_session_id);
  }

  live(id: string): SessionRecord | undefined {
    const session = this.sessions[id];
    if (session && session.expires_at <= this.now()) {
      delete this.sessions[id];
      return undefined;
    }
    return session;
  }

  create(
    member: MemberRecord,
    factors: AuthenticationFactor[],
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
    this.sessions[session.member_session_id] = session;
    return { session, token };
  }

  /** Records use of the session; optionally extends it and merges custom claims (null deletes). */
  touch(session: SessionRecord, minutes?: number, claims?: Record<string, unknown>): void {
    const now = this.now();
    session.last_accessed_at = now;
    if (minutes !== undefined) session.expires_at = now + minutes * 60_000;
    if (claims) session.custom_claims = withClaims(session.custom_claims, claims);
  }

  /** A new token for the session (at step-up); the previous token stops working. */
  rotate(session: SessionRecord): string {
    const token = newToken();
    session.token_hash = sha256(token);
    return token;
  }

  revoke(session: SessionRecord): void {
    delete this.sessions[session.member_session_id];
  }

  revokeMember(memberId: string): number {
    const ids = Object.values(this.sessions)
      .filter((s) => s.member_id === memberId)
      .map((s) => s.member_session_id);
    for (const id of ids) delete this.sessions[id];
    return ids.length;
  }

  /** Drops expired sessions (before saving). */
  prune(): void {
    for (const id of Object.keys(this.sessions)) this.live(id);
  }

  issueIntermediate(member: MemberRecord, factors: AuthenticationFactor[]) {
    const token = newToken();
    const expiresAt = this.now() + IST_LIFETIME_MS;
    this.intermediate.set(sha256(token), {
      member_id: member.member_id,
      organization_id: member.organization_id,
      factors,
      expires_at: expiresAt,
    });
    return { token, expiresAt };
  }

  /** The factors behind an unexpired IST of this member; 404 otherwise. Does not consume it. */
  peekIntermediate(
    token: string,
    memberId: string,
    organizationId: string,
  ): AuthenticationFactor[] {
    const hash = sha256(token);
    const ist = this.intermediate.get(hash);
    if (ist && ist.expires_at <= this.now()) this.intermediate.delete(hash);
    if (
      !ist ||
      ist.expires_at <= this.now() ||
      ist.member_id !== memberId ||
      ist.organization_id !== organizationId
    ) {
      throw intermediateSessionNotFound();
    }
    return ist.factors;
  }

  consumeIntermediate(token: string): void {
    this.intermediate.delete(sha256(token));
  }

  jwt(session: SessionRecord, org: OrganizationRecord): Promise<string> {
    const iat = Math.floor(this.now() / 1000);
    return this.keys.sign({
      ...session.custom_claims,
      [SESSION_CLAIM]: {
        id: session.member_session_id,
        started_at: iso(session.started_at),
        last_accessed_at: iso(session.last_accessed_at),
        expires_at: iso(session.expires_at),
        attributes: { user_agent: '', ip_address: '' },
        authentication_factors: session.authentication_factors,
        roles: [MEMBER_ROLE],
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
}

function withClaims(base: Record<string, unknown>, changes: Record<string, unknown>) {
  const merged = { ...base };
  for (const [key, value] of Object.entries(changes)) {
    if (value === null) delete merged[key];
    else merged[key] = value;
  }
  return merged;
}

/** Adds a factor, or refreshes the factor of the same kind already in the list. */
export function withFactor(
  factors: AuthenticationFactor[],
  factor: AuthenticationFactor,
): AuthenticationFactor[] {
  const same = (f: AuthenticationFactor) =>
    f.type === factor.type && f.delivery_method === factor.delivery_method;
  const existing = factors.find(same);
  const merged = existing ? { ...factor, created_at: existing.created_at } : factor;
  return [...factors.filter((f) => !same(f)), merged];
}

export function emailFactor(member: MemberRecord, now: number): AuthenticationFactor {
  const at = iso(now);
  return {
    type: 'email_otp',
    delivery_method: 'email',
    last_authenticated_at: at,
    created_at: at,
    updated_at: at,
    email_factor: { email_id: member.email_id, email_address: member.email_address },
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
