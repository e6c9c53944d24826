// Request and response shapes of the Stytch B2B OTP endpoints, with Stytch's field names.
// Optional response fields may be absent: the gateway strips tokens unless it is told to expose them.

export type MfaPolicy = 'REQUIRED_FOR_ALL' | 'OPTIONAL';
export type MemberStatus = 'pending' | 'invited' | 'active' | 'deleted';
export type MfaEnrollmentChange = 'enroll' | 'unenroll';

export interface Member {
  member_id: string;
  organization_id: string;
  email_address: string;
  email_address_verified?: boolean;
  status: MemberStatus;
  name?: string;
  mfa_enrolled?: boolean;
  mfa_phone_number?: string;
  mfa_phone_number_verified?: boolean;
  default_mfa_method?: string;
  roles?: unknown[];
  trusted_metadata?: Record<string, unknown> | null;
  untrusted_metadata?: Record<string, unknown> | null;
}

export interface Organization {
  organization_id: string;
  organization_name: string;
  organization_slug: string;
  mfa_policy?: MfaPolicy;
  mfa_methods?: string;
  allowed_mfa_methods?: string[];
  email_jit_provisioning?: string;
  email_allowed_domains?: string[];
}

export interface AuthenticationFactor {
  type: string;
  delivery_method: string;
  last_authenticated_at: string;
  created_at?: string;
  updated_at?: string;
  email_factor?: { email_id: string; email_address: string };
  phone_number_factor?: { phone_id: string; phone_number: string };
}

export interface MemberSession {
  member_session_id: string;
  member_id: string;
  organization_id: string;
  organization_slug?: string;
  started_at: string;
  last_accessed_at: string;
  expires_at: string;
  authentication_factors: AuthenticationFactor[];
  roles?: string[];
  custom_claims?: Record<string, unknown>;
}

export interface MfaRequired {
  member_options: { mfa_phone_number: string; totp_registration_id: string } | null;
  secondary_auth_initiated: 'sms_otp' | null;
}

export interface BaseResponse {
  request_id: string;
  status_code: number;
}

export interface EmailLoginOrSignupRequest {
  organization_id: string;
  email_address: string;
  login_template_id?: string;
  signup_template_id?: string;
  locale?: string;
  login_expiration_minutes?: number;
  signup_expiration_minutes?: number;
}

export interface EmailLoginOrSignupResponse extends BaseResponse {
  member_id: string;
  member_created: boolean;
  member: Member;
  organization: Organization;
}

export interface EmailAuthenticateRequest {
  organization_id: string;
  email_address: string;
  code: string;
  session_duration_minutes?: number;
  session_custom_claims?: Record<string, unknown>;
  locale?: string;
}

export interface EmailAuthenticateResponse extends BaseResponse {
  member_id: string;
  method_id?: string;
  organization_id: string;
  member: Member;
  organization: Organization;
  member_session: MemberSession | null;
  member_authenticated: boolean;
  mfa_required: MfaRequired | null;
  primary_required?: { allowed_auth_methods: string[] } | null;
  intermediate_session_token_expires_at?: string;
  /** Present only when the gateway is configured with `exposeTokens: true`. */
  session_token?: string;
  session_jwt?: string;
  intermediate_session_token?: string;
}

export interface SmsSendRequest {
  organization_id: string;
  member_id: string;
  mfa_phone_number?: string;
  locale?: string;
}

export interface SmsSendResponse extends BaseResponse {
  member_id: string;
  member: Member;
  organization: Organization;
}

export interface SmsAuthenticateRequest {
  organization_id: string;
  member_id: string;
  code: string;
  session_duration_minutes?: number;
  session_custom_claims?: Record<string, unknown>;
  set_mfa_enrollment?: MfaEnrollmentChange;
}

export interface SmsAuthenticateResponse extends BaseResponse {
  member_id: string;
  member: Member;
  organization: Organization;
  member_session: MemberSession;
  session_token?: string;
  session_jwt?: string;
}

/** `GET {apiBase}/session`: the member and session behind the gateway's session cookie. */
export interface CurrentSessionResponse extends BaseResponse {
  member: Member;
  organization: Organization;
  member_session: MemberSession;
}

// Discovery: sign in by email without an organization, then pick, join or create one.

/** How the member relates to a discovered organization (Stytch's `membership.type`). */
export type MembershipType =
  | 'active_member'
  | 'pending_member'
  | 'invited_member'
  | 'eligible_to_join_by_email_domain'
  | 'eligible_to_join_by_oauth_tenant';

/** Stytch's Discovered Organization object, as the gateway passes it on. */
export interface DiscoveredOrganization {
  organization: Organization;
  membership: {
    type: MembershipType;
    /** `{ domain }` for `eligible_to_join_by_email_domain`, else null. */
    details: { domain?: string } | null;
    member: Member | null;
  };
  /** True when picking it signs the member in at once (no MFA or other primary factor needed). */
  member_authenticated: boolean;
  primary_required: { allowed_auth_methods: string[] } | null;
  mfa_required: MfaRequired | null;
}

export interface DiscoverySendRequest {
  email_address: string;
  locale?: string;
  discovery_expiration_minutes?: number;
}

export interface DiscoveryAuthenticateRequest {
  email_address: string;
  code: string;
}

export interface DiscoveryAuthenticateResponse extends BaseResponse {
  email_address: string;
  discovered_organizations: DiscoveredOrganization[];
  intermediate_session_token_expires_at?: string;
  /** Present only when the gateway is configured with `exposeTokens: true`. */
  intermediate_session_token?: string;
}

/** `POST /v1/b2b/discovery/organizations`: with the discovery IST, or with the session. */
export interface DiscoveredOrganizationsResponse extends BaseResponse {
  email_address: string;
  discovered_organizations: DiscoveredOrganization[];
  organization_id_hint: string | null;
}

export interface IntermediateSessionExchangeRequest {
  organization_id: string;
  session_duration_minutes?: number;
  /** For the SMS Stytch sends at once when the member has a second factor. */
  locale?: string;
}

export interface DiscoveryOrganizationCreateRequest {
  organization_name: string;
  /** 2–128 characters: letters, digits and `-`, `.`, `_`, `~`. */
  organization_slug: string;
  session_duration_minutes?: number;
}

export interface SessionExchangeRequest {
  /** The organization to switch to. */
  organization_id: string;
  session_duration_minutes?: number;
  locale?: string;
}

/**
 * What the exchanges answer: a session (`member_authenticated: true`), or MFA pending, exactly like
 * `email/authenticate`.
 */
export type ExchangeResponse = Omit<EmailAuthenticateResponse, 'method_id'>;

export interface RequestOptions {
  signal?: AbortSignal;
}

/**
 * What the elements need from a client. `createOtpClient()` implements it over fetch; tests and
 * hosts may pass their own implementation.
 */
export interface OtpApi {
  emailLoginOrSignup(
    body: EmailLoginOrSignupRequest,
    options?: RequestOptions,
  ): Promise<EmailLoginOrSignupResponse>;
  emailAuthenticate(
    body: EmailAuthenticateRequest,
    options?: RequestOptions,
  ): Promise<EmailAuthenticateResponse>;
  smsSend(body: SmsSendRequest, options?: RequestOptions): Promise<SmsSendResponse>;
  smsAuthenticate(
    body: SmsAuthenticateRequest,
    options?: RequestOptions,
  ): Promise<SmsAuthenticateResponse>;
  /** Emails a discovery code: no organization needed. */
  discoverySend(body: DiscoverySendRequest, options?: RequestOptions): Promise<BaseResponse>;
  /** Checks the discovery code; the gateway keeps the intermediate session in its cookie. */
  discoveryAuthenticate(
    body: DiscoveryAuthenticateRequest,
    options?: RequestOptions,
  ): Promise<DiscoveryAuthenticateResponse>;
  /** The organizations of the discovery login in progress, else of the signed-in member. */
  listDiscoveredOrganizations(options?: RequestOptions): Promise<DiscoveredOrganizationsResponse>;
  /** Signs in to (or joins) the organization picked after discovery. */
  exchangeIntermediateSession(
    body: IntermediateSessionExchangeRequest,
    options?: RequestOptions,
  ): Promise<ExchangeResponse>;
  /** Creates an organization with the discovery login's member as its admin, and signs in to it. */
  createOrganizationViaDiscovery(
    body: DiscoveryOrganizationCreateRequest,
    options?: RequestOptions,
  ): Promise<ExchangeResponse>;
  /** Switches the signed-in member to another of their organizations. */
  exchangeSession(
    body: SessionExchangeRequest,
    options?: RequestOptions,
  ): Promise<ExchangeResponse>;
  session(options?: RequestOptions): Promise<CurrentSessionResponse>;
  logout(options?: RequestOptions): Promise<BaseResponse>;
}
