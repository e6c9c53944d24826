// Public types of the emulator and the records it keeps.

export interface Clock {
  /** Milliseconds since the epoch. */
  now(): number;
}

export interface EmulatorOptions {
  projectId?: string;
  secret?: string;
  clock?: Clock;
  /** JSON file the state is kept in. Absent: state lives in memory only. */
  dataFile?: string;
  /** Seed the demo organizations on first start (default: true with a data file, false in memory). */
  seed?: boolean;
  /** Where outbox lines and warnings go (default console.log). */
  log?: (line: string) => void;
  /**
   * Stytch's project-level user lock settings: consecutive failed authentications before a lock
   * (default 10, range 1-100) and how long it lasts (default 60 minutes, range 5 minutes to 7 days).
   */
  userLock?: { threshold?: number; ttlMinutes?: number };
  /** Country calling codes SMS may go to, without "+" (default ["1"]: US and Canada). */
  smsCallingCodes?: string[];
}

export interface Emulator {
  fetch(request: Request): Promise<Response>;
  projectId: string;
  secret: string;
  /** Every email and SMS "sent", oldest first. */
  outbox(): OutboxMessage[];
  seedInfo: SeedInfo | undefined;
  /** How much state the emulator holds (to check it stays bounded). */
  stats(): EmulatorStats;
  /** Waits for pending writes of the data file. */
  close(): Promise<void>;
}

export interface EmulatorStats {
  organizations: number;
  members: number;
  sessions: number;
  /** Per-member (or per discovery email) failure, lock and send records. */
  guards: number;
  /** Unexpired, unused one-time codes (memory only). */
  codes: number;
  /** Intermediate sessions (memory only). */
  intermediateSessions: number;
}

export type Channel = 'email' | 'sms';

export interface OutboxMessage {
  channel: Channel;
  /** Email address or E.164 phone number. */
  to: string;
  code: string;
  organization_id: string;
  member_id: string;
  /** RFC 3339. */
  sent_at: string;
  expires_at: string;
}

export interface SeedMember {
  member_id: string;
  email_address: string;
  name: string;
  status: MemberStatus;
  mfa_phone_number: string;
  mfa_phone_number_verified: boolean;
}

export interface SeedOrganization {
  organization_id: string;
  organization_name: string;
  organization_slug: string;
  mfa_policy: MfaPolicy;
  email_jit_provisioning: string;
  email_allowed_domains: string[];
  members: SeedMember[];
}

/**
 * The demo project seeded on first start: Acme (MFA optional) first, Globex (MFA required) second,
 * Initech (invite only) third.
 */
export interface SeedInfo {
  organizations: SeedOrganization[];
  /** The discovery login's demo user (absent in data files seeded by earlier versions). */
  discovery?: SeedDiscoveryUser;
}

/** A person who is a member of several seeded organizations and invited to another. */
export interface SeedDiscoveryUser {
  email_address: string;
  name: string;
  organizations: {
    organization_id: string;
    organization_name: string;
    organization_slug: string;
    member_id: string;
    status: MemberStatus;
  }[];
}

export type MfaPolicy = 'REQUIRED_FOR_ALL' | 'OPTIONAL';
export type MemberStatus = 'pending' | 'invited' | 'active' | 'deleted';

export interface OrganizationRecord {
  readonly organization_id: string;
  readonly organization_external_id: string;
  readonly organization_name: string;
  readonly organization_slug: string;
  readonly organization_logo_url: string;
  readonly trusted_metadata: Readonly<Record<string, unknown>>;
  readonly email_allowed_domains: readonly string[];
  readonly email_jit_provisioning: string;
  readonly email_invites: string;
  readonly auth_methods: string;
  readonly allowed_auth_methods: readonly string[];
  readonly mfa_policy: MfaPolicy;
  readonly mfa_methods: string;
  readonly allowed_mfa_methods: readonly string[];
  readonly created_at: number;
  readonly updated_at: number;
}

export interface MemberRecord {
  readonly member_id: string;
  readonly external_id: string;
  readonly organization_id: string;
  readonly email_address: string;
  readonly email_id: string;
  readonly email_address_verified: boolean;
  readonly status: MemberStatus;
  readonly name: string;
  readonly is_breakglass: boolean;
  readonly mfa_enrolled: boolean;
  readonly mfa_phone_number: string;
  readonly phone_id: string;
  readonly mfa_phone_number_verified: boolean;
  readonly default_mfa_method: string;
  readonly trusted_metadata: Readonly<Record<string, unknown>>;
  readonly untrusted_metadata: Readonly<Record<string, unknown>>;
  /** Roles besides the implicit stytch_member (stytch_admin for a discovery organization's creator). */
  readonly roles: readonly string[];
  /**
   * Set while a member created by email JIT provisioning has not authenticated yet: when this passes
   * with the member still pending, the member is forgotten (anonymous sends cannot grow the data).
   */
  readonly provisional_until?: number;
  readonly created_at: number;
  readonly updated_at: number;
}

export interface AuthenticationFactor {
  type: string;
  delivery_method: string;
  last_authenticated_at: string;
  created_at: string;
  updated_at: string;
  email_factor?: { email_id: string; email_address: string };
  phone_number_factor?: { phone_id: string; phone_number: string };
}

export interface SessionRecord {
  readonly member_session_id: string;
  readonly member_id: string;
  readonly organization_id: string;
  /** SHA-256 (base64url) of the session token; the token itself is never stored. */
  readonly token_hash: string;
  readonly started_at: number;
  readonly last_accessed_at: number;
  readonly expires_at: number;
  readonly authentication_factors: readonly AuthenticationFactor[];
  readonly custom_claims: Readonly<Record<string, unknown>>;
}

/** Per-member (or per discovery email) OTP state: consecutive failures, user lock, recent sends. */
export interface GuardRecord {
  /** Consecutive failed authentications, any channel, since the last success. */
  readonly failures: number;
  /** When the last failure was counted; failures idle for the lock TTL are forgotten. */
  readonly last_failure_at?: number;
  readonly locked_until: number;
  readonly lock_created_at: number;
  readonly sends: Readonly<Record<Channel, readonly number[]>>;
}
