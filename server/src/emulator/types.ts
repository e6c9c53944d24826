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
}

export interface Emulator {
  fetch(request: Request): Promise<Response>;
  projectId: string;
  secret: string;
  /** Every email and SMS "sent", oldest first. */
  outbox(): OutboxMessage[];
  seedInfo: SeedInfo | undefined;
  /** Waits for pending writes of the data file. */
  close(): Promise<void>;
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

/** The demo project seeded on first start: Acme (MFA optional) first, Globex (MFA required) second. */
export interface SeedInfo {
  organizations: SeedOrganization[];
}

export type MfaPolicy = 'REQUIRED_FOR_ALL' | 'OPTIONAL';
export type MemberStatus = 'pending' | 'invited' | 'active' | 'deleted';

export interface OrganizationRecord {
  organization_id: string;
  organization_name: string;
  organization_slug: string;
  organization_logo_url: string;
  trusted_metadata: Record<string, unknown>;
  email_allowed_domains: string[];
  email_jit_provisioning: string;
  email_invites: string;
  auth_methods: string;
  allowed_auth_methods: string[];
  mfa_policy: MfaPolicy;
  mfa_methods: string;
  allowed_mfa_methods: string[];
  created_at: number;
  updated_at: number;
}

export interface MemberRecord {
  member_id: string;
  organization_id: string;
  email_address: string;
  email_id: string;
  email_address_verified: boolean;
  status: MemberStatus;
  name: string;
  is_breakglass: boolean;
  mfa_enrolled: boolean;
  mfa_phone_number: string;
  phone_id: string;
  mfa_phone_number_verified: boolean;
  default_mfa_method: string;
  trusted_metadata: Record<string, unknown>;
  untrusted_metadata: Record<string, unknown>;
  created_at: number;
  updated_at: number;
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
  member_session_id: string;
  member_id: string;
  organization_id: string;
  /** SHA-256 (base64url) of the session token; the token itself is never stored. */
  token_hash: string;
  started_at: number;
  last_accessed_at: number;
  expires_at: number;
  authentication_factors: AuthenticationFactor[];
  custom_claims: Record<string, unknown>;
}

/** Per-member OTP abuse state: consecutive failures per channel, lock, recent sends. */
export interface GuardRecord {
  failures: Record<Channel, number>;
  locked_until: number;
  lock_created_at: number;
  sends: Record<Channel, number[]>;
}
