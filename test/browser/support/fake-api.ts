// A scripted OtpApi for element tests: records every call (method, body, signal) and answers each
// call with the next queued answer for that method.
import { OtpAuthError, type OtpAuthErrorInit } from '../../../src/client/otp-auth-error.js';
import type {
  BaseResponse,
  DiscoveredOrganization,
  DiscoveredOrganizationsResponse,
  DiscoveryAuthenticateResponse,
  EmailAuthenticateResponse,
  ExchangeResponse,
  EmailLoginOrSignupResponse,
  Member,
  MemberSession,
  MfaRequired,
  Organization,
  OtpApi,
  RequestOptions,
  SmsAuthenticateResponse,
  SmsSendResponse,
} from '../../../src/client/types.js';

type Method = keyof OtpApi;

export interface Call {
  method: Method;
  body: unknown;
  signal: AbortSignal | undefined;
}

/** A promise settled by the test, for requests that must stay in flight. */
export class Deferred<T = unknown> {
  resolve!: (value: T) => void;
  reject!: (reason: unknown) => void;
  readonly promise = new Promise<T>((resolve, reject) => {
    this.resolve = resolve;
    this.reject = reject;
  });
}

/** An answer: a value resolves, an `Error` rejects, a `Deferred` stays pending until settled. */
export type Answer = unknown;

function abortError() {
  return new DOMException('The operation was aborted.', 'AbortError');
}

export class FakeOtpApi implements OtpApi {
  readonly calls: Call[] = [];
  private readonly queues = new Map<Method, Answer[]>();

  /** Queues answers for the next calls of `method`, in order. */
  on(method: Method, ...answers: Answer[]): this {
    this.queues.set(method, [...(this.queues.get(method) ?? []), ...answers]);
    return this;
  }

  /** Bodies sent to `method`, in order. */
  bodies(method: Method): unknown[] {
    return this.calls.filter((c) => c.method === method).map((c) => c.body);
  }

  private answer<T>(method: Method, body: unknown, options?: RequestOptions): Promise<T> {
    const signal = options?.signal;
    this.calls.push({ method, body, signal });
    const answer = this.queues.get(method)?.shift();
    if (answer === undefined) return Promise.reject(new Error(`no answer queued for ${method}`));
    if (signal?.aborted) return Promise.reject(abortError());
    const pending =
      answer instanceof Deferred
        ? (answer.promise as Promise<T>)
        : answer instanceof Error
          ? Promise.reject(answer)
          : Promise.resolve(structuredClone(answer) as T);
    // Like the real client: an abort rejects at once with an AbortError.
    return new Promise<T>((resolve, reject) => {
      signal?.addEventListener('abort', () => reject(abortError()), { once: true });
      pending.then(resolve, reject);
    });
  }

  emailLoginOrSignup(body: unknown, options?: RequestOptions) {
    return this.answer<EmailLoginOrSignupResponse>('emailLoginOrSignup', body, options);
  }
  emailAuthenticate(body: unknown, options?: RequestOptions) {
    return this.answer<EmailAuthenticateResponse>('emailAuthenticate', body, options);
  }
  smsSend(body: unknown, options?: RequestOptions) {
    return this.answer<SmsSendResponse>('smsSend', body, options);
  }
  smsAuthenticate(body: unknown, options?: RequestOptions) {
    return this.answer<SmsAuthenticateResponse>('smsAuthenticate', body, options);
  }
  discoverySend(body: unknown, options?: RequestOptions) {
    return this.answer<BaseResponse>('discoverySend', body, options);
  }
  discoveryAuthenticate(body: unknown, options?: RequestOptions) {
    return this.answer<DiscoveryAuthenticateResponse>('discoveryAuthenticate', body, options);
  }
  listDiscoveredOrganizations(options?: RequestOptions) {
    return this.answer<DiscoveredOrganizationsResponse>(
      'listDiscoveredOrganizations',
      undefined,
      options,
    );
  }
  exchangeIntermediateSession(body: unknown, options?: RequestOptions) {
    return this.answer<ExchangeResponse>('exchangeIntermediateSession', body, options);
  }
  createOrganizationViaDiscovery(body: unknown, options?: RequestOptions) {
    return this.answer<ExchangeResponse>('createOrganizationViaDiscovery', body, options);
  }
  exchangeSession(body: unknown, options?: RequestOptions) {
    return this.answer<ExchangeResponse>('exchangeSession', body, options);
  }
  session(options?: RequestOptions) {
    return this.answer<never>('session', undefined, options);
  }
  logout(options?: RequestOptions) {
    return this.answer<never>('logout', undefined, options);
  }
}

export const ORG_ID = 'organization-test-0001';
export const MEMBER_ID = 'member-test-0001';
export const EMAIL = 'ada@example.com';

export function otpError(
  error_type: string,
  status_code: number,
  extra: Partial<OtpAuthErrorInit> = {},
): OtpAuthError {
  return new OtpAuthError({
    status_code,
    error_type,
    error_message: `server says: ${error_type}`,
    request_id: 'request-err',
    ...extra,
  });
}

export function member(extra: Partial<Member> = {}): Member {
  return {
    member_id: MEMBER_ID,
    organization_id: ORG_ID,
    email_address: EMAIL,
    status: 'active',
    mfa_enrolled: false,
    mfa_phone_number: '',
    mfa_phone_number_verified: false,
    ...extra,
  };
}

/** A member's verified MFA phone, and how the elements show it. */
export const PHONE = '+15555550123';
export const MASKED = '+•••••••0123';
/** A member with that phone enrolled. */
export const enrolled = member({ mfa_phone_number: PHONE, mfa_phone_number_verified: true });
/** MFA required after the email code, the SMS already sent to the enrolled phone. */
export const smsSent: MfaRequired = {
  member_options: { mfa_phone_number: PHONE, totp_registration_id: '' },
  secondary_auth_initiated: 'sms_otp',
};
/** MFA required, nothing sent yet. */
export const notSent: MfaRequired = { member_options: null, secondary_auth_initiated: null };

export function organization(extra: Partial<Organization> = {}): Organization {
  return {
    organization_id: ORG_ID,
    organization_name: 'Acme',
    organization_slug: 'acme',
    mfa_policy: 'OPTIONAL',
    ...extra,
  };
}

export function memberSession(types: string[] = ['email_otp']): MemberSession {
  return {
    member_session_id: 'member-session-test-0001',
    member_id: MEMBER_ID,
    organization_id: ORG_ID,
    organization_slug: 'acme',
    started_at: '2030-01-01T00:00:00Z',
    last_accessed_at: '2030-01-01T00:00:00Z',
    expires_at: '2030-01-01T01:00:00Z',
    authentication_factors: types.map((type) => ({
      type,
      delivery_method: type === 'otp' ? 'sms' : 'email',
      last_authenticated_at: '2030-01-01T00:00:00Z',
    })),
    roles: [],
  };
}

export function loginOrSignupResponse(): EmailLoginOrSignupResponse {
  return {
    request_id: 'request-1',
    status_code: 200,
    member_id: MEMBER_ID,
    member_created: false,
    member: member(),
    organization: organization(),
  };
}

/** An email authenticate answer: signed in, or (with `mfa`) MFA pending. Tokens only if given. */
export function emailAuthenticateResponse(
  options: { mfa?: MfaRequired; member?: Member; tokens?: Record<string, string> } = {},
): EmailAuthenticateResponse {
  const pending = !!options.mfa;
  return {
    request_id: 'request-2',
    status_code: 200,
    member_id: MEMBER_ID,
    organization_id: ORG_ID,
    member: options.member ?? member(),
    organization: organization(),
    member_session: pending ? null : memberSession(),
    member_authenticated: !pending,
    mfa_required: options.mfa ?? null,
    primary_required: null,
    ...options.tokens,
  };
}

export function smsSendResponse(extra: Partial<Member> = {}): SmsSendResponse {
  return {
    request_id: 'request-3',
    status_code: 200,
    member_id: MEMBER_ID,
    member: member(extra),
    organization: organization(),
  };
}

export function smsAuthenticateResponse(
  tokens: Record<string, string> = {},
): SmsAuthenticateResponse {
  return {
    request_id: 'request-4',
    status_code: 200,
    member_id: MEMBER_ID,
    member: member({ mfa_phone_number: '+15555550123', mfa_phone_number_verified: true }),
    organization: organization(),
    member_session: memberSession(['email_otp', 'otp']),
    ...tokens,
  };
}

/** A discovered organization: `type` of membership; MFA pending after the pick with `mfa`. */
export function discovered(
  org: Partial<Organization>,
  type: DiscoveredOrganization['membership']['type'] = 'active_member',
  mfa = false,
): DiscoveredOrganization {
  return {
    organization: organization(org),
    membership: {
      type,
      details: type === 'eligible_to_join_by_email_domain' ? { domain: 'example.com' } : null,
      member: type.endsWith('_member')
        ? member({ organization_id: org.organization_id ?? ORG_ID })
        : null,
    },
    member_authenticated: !mfa,
    primary_required: null,
    mfa_required: mfa ? { member_options: null, secondary_auth_initiated: null } : null,
  };
}

export function discoveryAuthenticateResponse(
  organizations: DiscoveredOrganization[],
): DiscoveryAuthenticateResponse {
  return {
    request_id: 'request-5',
    status_code: 200,
    email_address: EMAIL,
    discovered_organizations: organizations,
    intermediate_session_token_expires_at: '2030-01-01T00:10:00Z',
  };
}
