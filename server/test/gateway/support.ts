// Shared helpers for the gateway tests: a scriptable fake upstream, request builders and a tiny
// browser cookie jar.
import { createGateway, type GatewayOptions } from '../../src/gateway/index.js';

export const PROJECT_ID = 'project-test-11111111-1111-4111-8111-111111111111';
export const SECRET = 'secret-test-abc';
export const ORIGIN = 'https://app.example.com';
export const UPSTREAM = 'https://upstream.example.test';
export const BASIC_AUTH = `Basic ${Buffer.from(`${PROJECT_ID}:${SECRET}`).toString('base64')}`;

export interface RecordedCall {
  url: string;
  method: string;
  headers: Headers;
  body: Record<string, unknown>;
  redirect: RequestRedirect | undefined;
  signal: AbortSignal | undefined;
}

export type Responder = (call: RecordedCall) => Response | Promise<Response>;

/** A fake upstream fetch that records each request and answers with `responder`. */
export function fakeUpstream(responder: Responder = () => json(200, okBody())) {
  const calls: RecordedCall[] = [];
  const upstream = {
    calls,
    responder,
    fetch: async (input: string, init: RequestInit): Promise<Response> => {
      const call: RecordedCall = {
        url: input,
        method: init.method ?? 'GET',
        headers: new Headers(init.headers),
        body: typeof init.body === 'string' ? JSON.parse(init.body) : {},
        redirect: init.redirect,
        signal: init.signal ?? undefined,
      };
      calls.push(call);
      return upstream.responder(call);
    },
  };
  return upstream;
}

/** A gateway over a fake upstream, with test defaults for the required options. */
export function setup(options: Partial<GatewayOptions> = {}, responder?: Responder) {
  const upstream = fakeUpstream(responder);
  const gateway = createGateway({
    projectId: PROJECT_ID,
    secret: SECRET,
    upstream: UPSTREAM,
    fetch: upstream.fetch,
    ...options,
  });
  return { gateway, upstream, calls: upstream.calls };
}

export function json(status: number, body: unknown, headers: Record<string, string> = {}) {
  return new Response(JSON.stringify(body), {
    status,
    headers: { 'content-type': 'application/json', ...headers },
  });
}

/**
 * An upstream that hangs: rejects with the signal's reason once the gateway aborts, or answers 200
 * after 10 s if it never does (the timer also keeps the event loop alive, since the timers behind
 * AbortSignal.timeout do not).
 */
export function stall(call: RecordedCall): Promise<Response> {
  return new Promise((resolve, reject) => {
    const timer = setTimeout(() => resolve(json(200, okBody())), 10_000);
    call.signal?.addEventListener(
      'abort',
      () => {
        clearTimeout(timer);
        reject(call.signal?.reason);
      },
      { once: true },
    );
  });
}

/** A JSON response whose body never arrives, unless 10 s pass or the reader cancels it. */
export function stallingBody(): Response {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const stream = new ReadableStream<Uint8Array>({
    start(controller) {
      timer = setTimeout(() => controller.close(), 10_000);
    },
    cancel() {
      clearTimeout(timer);
    },
  });
  return new Response(stream, { status: 200, headers: { 'content-type': 'application/json' } });
}

export interface RequestSpec {
  method?: string;
  body?: unknown;
  /** Sent verbatim instead of JSON-encoding `body`. */
  rawBody?: BodyInit;
  headers?: Record<string, string | null>;
  cookie?: string;
  base?: string;
}

/** A request as the elements send it: same-origin, JSON, with the CSRF header. */
export function apiRequest(path: string, spec: RequestSpec = {}): Request {
  const base = spec.base ?? ORIGIN;
  const method = spec.method ?? 'POST';
  const headers = new Headers();
  const defaults: Record<string, string | null> = {
    accept: 'application/json',
    'x-otp-auth': '1',
    'sec-fetch-site': 'same-origin',
    origin: method === 'GET' || method === 'HEAD' ? null : base,
    'content-type': method === 'GET' || method === 'HEAD' ? null : 'application/json',
    cookie: spec.cookie ?? null,
  };
  for (const [name, value] of Object.entries({ ...defaults, ...spec.headers })) {
    if (value !== null) headers.set(name, value);
  }
  const bodyless = method === 'GET' || method === 'HEAD';
  const body = bodyless ? undefined : (spec.rawBody ?? JSON.stringify(spec.body ?? {}));
  const init: RequestInit & { duplex?: 'half' } = { method, headers, body };
  if (body instanceof ReadableStream) init.duplex = 'half';
  return new Request(base + path, init);
}

export interface SetCookie {
  name: string;
  value: string;
  attributes: string[];
  maxAge: number | undefined;
}

export function setCookies(response: Response): SetCookie[] {
  return response.headers.getSetCookie().map((line) => {
    const [pair, ...attributes] = line.split('; ');
    const index = pair.indexOf('=');
    const maxAge = attributes.find((a) => a.startsWith('Max-Age='));
    return {
      name: pair.slice(0, index),
      value: decodeURIComponent(pair.slice(index + 1)),
      attributes,
      maxAge: maxAge === undefined ? undefined : Number(maxAge.slice('Max-Age='.length)),
    };
  });
}

export function findCookie(response: Response, name: string): SetCookie | undefined {
  return setCookies(response).find((cookie) => cookie.name === name);
}

/** Keeps cookies across responses the way a browser would, for multi-step flows. */
export class BrowserJar {
  private readonly cookies = new Map<string, string>();

  update(response: Response): void {
    for (const cookie of setCookies(response)) {
      if (cookie.maxAge !== undefined && cookie.maxAge <= 0) this.cookies.delete(cookie.name);
      else this.cookies.set(cookie.name, cookie.value);
    }
  }

  get(name: string): string | undefined {
    return this.cookies.get(name);
  }

  names(): string[] {
    return [...this.cookies.keys()].sort();
  }

  header(): string {
    return [...this.cookies]
      .map(([name, value]) => `${name}=${encodeURIComponent(value)}`)
      .join('; ');
  }
}

export const COOKIE_ATTRIBUTES_HTTPS = ['Path=/', 'HttpOnly', 'Secure', 'SameSite=Lax'];
export const COOKIE_ATTRIBUTES_HTTP = ['Path=/', 'HttpOnly', 'SameSite=Lax'];

/** Attributes without Max-Age, for exact comparison. */
export function attributesOf(cookie: SetCookie | undefined): string[] | undefined {
  return cookie?.attributes.filter((attribute) => !attribute.startsWith('Max-Age='));
}

const member = {
  member_id: 'member-test-1',
  organization_id: 'organization-test-1',
  email_address: 'ada@example.com',
  status: 'active',
};
const organization = {
  organization_id: 'organization-test-1',
  organization_name: 'Example',
  organization_slug: 'example',
  mfa_policy: 'OPTIONAL',
};

export function okBody(extra: Record<string, unknown> = {}) {
  return { request_id: 'request-id-test-1', status_code: 200, member, organization, ...extra };
}

export function sessionBody(expiresAt = new Date(Date.now() + 3_600_000).toISOString()) {
  return {
    ...okBody(),
    member_id: member.member_id,
    member_authenticated: true,
    session_token: 'st-secret-session',
    session_jwt: 'eyJ.jwt.secret',
    intermediate_session_token: '',
    mfa_required: null,
    member_session: {
      member_session_id: 'member-session-test-1',
      member_id: member.member_id,
      organization_id: member.organization_id,
      started_at: new Date().toISOString(),
      last_accessed_at: new Date().toISOString(),
      expires_at: expiresAt,
      authentication_factors: [],
    },
  };
}

export function mfaPendingBody(istExpiresAt?: string) {
  return okBody({
    member_id: member.member_id,
    member_authenticated: false,
    session_token: '',
    session_jwt: '',
    member_session: null,
    intermediate_session_token: 'ist-secret-pending',
    ...(istExpiresAt ? { intermediate_session_token_expires_at: istExpiresAt } : {}),
    mfa_required: { member_options: null, secondary_auth_initiated: null },
  });
}

export function stytchError(status: number, errorType: string) {
  return {
    status_code: status,
    request_id: 'request-id-test-err',
    error_type: errorType,
    error_message: `upstream says ${errorType}`,
    error_url: `https://stytch.com/docs/api/errors/${status}`,
  };
}

export const EMAIL_AUTH = '/api/v1/b2b/otps/email/authenticate';
export const EMAIL_LOGIN = '/api/v1/b2b/otps/email/login_or_signup';
export const SMS_SEND = '/api/v1/b2b/otps/sms/send';
export const SMS_AUTH = '/api/v1/b2b/otps/sms/authenticate';

export const emailAuthBody = {
  organization_id: 'organization-test-1',
  email_address: 'ada@example.com',
  code: '123456',
};

export const smsAuthBody = {
  organization_id: 'organization-test-1',
  member_id: 'member-test-1',
  code: '654321',
};

/** A body each endpoint accepts as it is. */
export const VALID_BODIES: Record<string, Record<string, unknown>> = {
  [EMAIL_LOGIN]: { organization_id: 'organization-test-1', email_address: 'ada@example.com' },
  [EMAIL_AUTH]: emailAuthBody,
  [SMS_SEND]: { organization_id: 'organization-test-1', member_id: 'member-test-1' },
  [SMS_AUTH]: smsAuthBody,
};
