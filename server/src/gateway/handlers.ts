import { parseJsonObject, readBody, type JsonObject } from './body.js';
import { secondsUntil, type CookieJar } from './cookies.js';
import { GatewayError, newRequestId } from './errors.js';
import {
  REQUEST_FIELDS,
  checkOrganization,
  clampSessionDuration,
  pickFields,
  stripTokens,
} from './fields.js';
import type { GatewayConfig } from './options.js';
import { callUpstream, type UpstreamAnswer } from './upstream.js';

export interface Context {
  request: Request;
  config: GatewayConfig;
  jar: CookieJar;
}

/** What goes back to the browser, before headers and cookies are added. */
export interface Reply {
  status: number;
  body: unknown;
  retryAfter?: string;
}

export type OtpEndpoint = keyof typeof REQUEST_FIELDS;

const OTP_PATHS: Record<OtpEndpoint, string> = {
  emailLoginOrSignup: '/v1/b2b/otps/email/login_or_signup',
  emailAuthenticate: '/v1/b2b/otps/email/authenticate',
  smsSend: '/v1/b2b/otps/sms/send',
  smsAuthenticate: '/v1/b2b/otps/sms/authenticate',
};
const IST_LIFETIME_SECONDS = 10 * 60;

/**
 * The four OTP endpoints. Token choice: `email/authenticate` gets no token, so a primary login
 * always starts a fresh session instead of adding a factor to whatever session the browser holds;
 * the SMS endpoints get the MFA-pending IST when there is one, else the session token (step-up or
 * enrolment from a signed-in session), and are refused without either.
 */
export async function forwardOtp(context: Context, endpoint: OtpEndpoint): Promise<Reply> {
  const { request, config, jar } = context;
  const body = parseJsonObject(await readBody(request, config.maxBodyBytes));
  checkOrganization(body, config.allowedOrganizationIds);
  const upstreamBody = pickFields(body, REQUEST_FIELDS[endpoint]);
  if (endpoint === 'emailAuthenticate' || endpoint === 'smsAuthenticate') {
    const minutes = clampSessionDuration(body.session_duration_minutes, config.sessionDuration);
    upstreamBody.session_duration_minutes = minutes;
  }
  if (endpoint === 'smsSend' || endpoint === 'smsAuthenticate') {
    Object.assign(upstreamBody, mfaCredential(jar));
  }
  const answer = await callUpstream(config, OTP_PATHS[endpoint], upstreamBody);
  if (answer.status >= 200 && answer.status < 300) {
    if (endpoint === 'emailAuthenticate' || endpoint === 'smsAuthenticate') {
      storeAuthentication(jar, answer.body, Number(upstreamBody.session_duration_minutes));
    }
  } else if (answer.body.error_type === 'intermediate_session_not_found') {
    jar.expire('intermediateSession');
  }
  return browserReply(answer, config.exposeTokens);
}

/** `GET {basePath}/session`: the member and session behind the session cookie. */
export async function currentSession(context: Context): Promise<Reply> {
  const { config, jar } = context;
  const credential = sessionCredential(jar);
  if (!credential) return noSession();
  const answer = await callUpstream(config, '/v1/b2b/sessions/authenticate', credential);
  if (isInvalidSession(answer)) {
    jar.expire('session', 'sessionJwt');
    return { status: 401, body: { ...(stripTokens(answer.body) as JsonObject), status_code: 401 } };
  }
  if (answer.status >= 300) return browserReply(answer, config.exposeTokens);
  storeSession(jar, answer.body, config.sessionDuration.default);
  const fields = ['request_id', 'status_code', 'member', 'organization', 'member_session'];
  if (config.exposeTokens) fields.push('session_token', 'session_jwt');
  return { status: answer.status, body: pickFields(answer.body, fields) };
}

/**
 * `POST {basePath}/logout`: the cookies are expired in every case; the answer is 200 once the
 * upstream session is revoked or was already gone, and the upstream failure otherwise.
 */
export async function logout(context: Context): Promise<Reply> {
  const { request, config, jar } = context;
  await readBody(request, config.maxBodyBytes);
  const credential = sessionCredential(jar);
  jar.expire('session', 'sessionJwt', 'intermediateSession');
  if (!credential) return { status: 200, body: { request_id: newRequestId(), status_code: 200 } };
  const answer = await callUpstream(config, '/v1/b2b/sessions/revoke', credential);
  if (answer.status < 300 || isInvalidSession(answer)) {
    const requestId = answer.body.request_id ?? newRequestId();
    return { status: 200, body: { request_id: requestId, status_code: 200 } };
  }
  return browserReply(answer, config.exposeTokens);
}

function browserReply(answer: UpstreamAnswer, exposeTokens: boolean): Reply {
  const body = exposeTokens ? answer.body : stripTokens(answer.body);
  return { status: answer.status, body, retryAfter: answer.retryAfter };
}

function mfaCredential(jar: CookieJar): JsonObject {
  const ist = jar.get('intermediateSession');
  if (ist) return { intermediate_session_token: ist };
  const session = jar.get('session');
  if (session) return { session_token: session };
  throw new GatewayError(
    400,
    'no_session_arguments',
    'Sign in with your email first: there is no pending login or session.',
  );
}

function sessionCredential(jar: CookieJar): JsonObject | undefined {
  const token = jar.get('session');
  if (token) return { session_token: token };
  const jwt = jar.get('sessionJwt');
  return jwt ? { session_jwt: jwt } : undefined;
}

/** The session is unknown, expired or revoked, as opposed to the gateway's own credentials failing. */
function isInvalidSession(answer: UpstreamAnswer): boolean {
  const clientError = answer.status === 400 || answer.status === 401 || answer.status === 404;
  return clientError && answer.body.error_type !== 'unauthorized_credentials';
}

function noSession(): Reply {
  return {
    status: 401,
    body: new GatewayError(401, 'session_not_found', 'No active session.').toBody(),
  };
}

/** An MFA-pending answer swaps the session for the IST; a full login swaps the IST for a session. */
function storeAuthentication(jar: CookieJar, body: JsonObject, durationMinutes: number): void {
  const ist = body.intermediate_session_token;
  if (body.member_authenticated === false && typeof ist === 'string' && ist !== '') {
    jar.expire('session', 'sessionJwt');
    const lifetime = secondsUntil(body.intermediate_session_token_expires_at, IST_LIFETIME_SECONDS);
    jar.set('intermediateSession', ist, lifetime);
  } else if (typeof body.session_token === 'string' && body.session_token !== '') {
    storeSession(jar, body, durationMinutes);
    jar.expire('intermediateSession');
  }
}

/** Session cookies live until `member_session.expires_at` (the requested duration if absent). */
function storeSession(jar: CookieJar, body: JsonObject, fallbackMinutes: number): void {
  const session = body.member_session as { expires_at?: unknown } | null | undefined;
  const lifetime = secondsUntil(session?.expires_at, fallbackMinutes * 60);
  const { session_token: token, session_jwt: jwt } = body;
  if (typeof token === 'string' && token !== '') jar.set('session', token, lifetime);
  jar.set('sessionJwt', typeof jwt === 'string' ? jwt : '', lifetime);
}
