import { readJsonObject, type JsonObject } from '../shared/body.js';
import { IST_LIFETIME_MINUTES } from '../shared/limits.js';
import { secondsUntil, type CookieJar } from './cookies.js';
import type { Credential, OtpEndpoint } from './endpoints.js';
import { internalError, newRequestId, StytchError, upstreamUnavailable } from './errors.js';
import { USER_LOCKED } from './limit/lock.js';
import type { GatewayConfig } from './options.js';
import {
  authenticationAnswer,
  codeSent,
  discoveredAnswer,
  errorAnswer,
  isRefusedAddress,
  isWrongCode,
  sessionAnswer,
  wrongCode,
} from './present.js';
import { applySchema, boolean, type FieldSchema } from './schema.js';
import { callUpstream, type UpstreamAnswer } from './upstream.js';

export interface Context {
  request: Request;
  /** The handler's second argument, passed on to guards. */
  platform: unknown;
  config: GatewayConfig;
  jar: CookieJar;
}

/** What goes back to the browser, before headers and cookies are added. */
export interface Reply {
  status: number;
  body: unknown;
  retryAfter?: string;
}

const SESSION_AUTHENTICATE = '/v1/b2b/sessions/authenticate';
const SESSION_REVOKE = '/v1/b2b/sessions/revoke';
/** A right code used twice or too late: Stytch counts it towards the user lock too. */
const CODE_USED_OR_EXPIRED = 'unable_to_auth_otp_code';

/**
 * One endpoint of the table: fields checked against its schema, organization checked, its token
 * injected, guards (abuse limits) run, then forwarded. Sends answer "code sent" and nothing else;
 * a login revokes the session the browser held before; the discovered organizations reach the
 * browser only after a right code (or with a live IST or session).
 */
export async function forwardOtp(
  context: Context,
  endpoint: OtpEndpoint,
  schema: FieldSchema,
): Promise<Reply> {
  const { request, platform, config, jar } = context;
  const body = applySchema(await readJsonObject(request, config.maxBodyBytes), schema);
  if (endpoint.createsOrganization) checkCreation(config.allowedOrganizationIds);
  else if (body.organization_id !== undefined)
    checkOrganization(body, config.allowedOrganizationIds);
  const credential = credentialFor(endpoint.credential, jar);
  const { path, operation } = endpoint;
  if (operation) {
    for (const guard of config.guards) await guard({ request, platform, path, operation, body });
  }
  const email = operation?.channel === 'email';
  const kind = endpoint.answer ?? (operation?.action === 'send' ? 'sent' : 'login');
  const lockSubject = email && kind === 'login' ? await lockSubjectOf(config, body) : undefined;
  if (lockSubject) {
    const locked = await config.userLock.locked(...lockSubject);
    if (locked) throw locked;
  }
  const previousSession = jar.session();
  const answer = await callUpstream(config, path, { ...body, ...credential });
  const ok = answer.status >= 200 && answer.status < 300;
  if (kind === 'sent') {
    if (ok || (email && isRefusedAddress(answer.body))) {
      return { status: 200, body: codeSent(echoIds(body)) };
    }
    return failed(jar, answer);
  }
  if (!ok) {
    if (lockSubject) await mirrorUserLock(config, lockSubject, answer);
    if (email && isWrongCode(answer.body)) return { status: 404, body: wrongCode() };
    return failed(jar, answer);
  }
  if (lockSubject) await config.userLock.succeeded(...lockSubject);
  if (kind === 'discovered') {
    storeIntermediateSession(jar, answer.body);
    return {
      status: answer.status,
      body: discoveredAnswer(answer.body, config.exposeTokens, config.allowedOrganizationIds),
    };
  }
  const minutes = (body.session_duration_minutes as number | undefined) ?? 0;
  storeAuthentication(jar, answer.body, config, minutes);
  if (previousSession && endpoint.credential !== 'mfa') await revoke(context, previousSession);
  return { status: answer.status, body: authenticationAnswer(answer.body, config.exposeTokens) };
}

type LockSubject = [organizationId: string, email: string];

/**
 * Email `authenticate` with an organization: Stytch's user lock applies, so the mirror does, per
 * organization id (a slug or external id would otherwise start a count of its own).
 */
async function lockSubjectOf(
  config: GatewayConfig,
  body: JsonObject,
): Promise<LockSubject | undefined> {
  const { organization_id: organizationId, email_address: email } = body;
  if (typeof organizationId !== 'string' || typeof email !== 'string') return undefined;
  return [await config.organizationIds.idOf(config, organizationId), email];
}

/**
 * Counts a failure Stytch counts, for every address alike, and answers the lock (Stytch's, or the
 * mirror's once the count reaches the threshold) in the gateway's own words: the same status,
 * body and `Retry-After` for a member and for an address that is not one.
 */
async function mirrorUserLock(
  config: GatewayConfig,
  subject: LockSubject,
  answer: UpstreamAnswer,
): Promise<void> {
  const type = answer.body.error_type;
  if (type === USER_LOCKED) {
    const seconds = secondsOf(answer.retryAfter);
    throw (await config.userLock.failed(...subject, { seconds })) ?? internalError();
  }
  if (isWrongCode(answer.body) || type === CODE_USED_OR_EXPIRED) {
    const locked = await config.userLock.failed(...subject);
    if (locked) throw locked;
  }
}

/** A `Retry-After` (seconds or HTTP date) as whole seconds from now; undefined unless positive. */
function secondsOf(retryAfter: string | undefined): number | undefined {
  if (retryAfter === undefined) return undefined;
  const seconds = /^\d+$/.test(retryAfter)
    ? Number(retryAfter)
    : Math.ceil((Date.parse(retryAfter) - Date.now()) / 1000);
  return seconds > 0 ? seconds : undefined;
}

/** `GET {basePath}/session`: the member and session behind the session cookie. */
export async function currentSession(context: Context): Promise<Reply> {
  const { config, jar } = context;
  const credential = jar.session();
  if (!credential) return noSession();
  const answer = await callUpstream(config, SESSION_AUTHENTICATE, credential);
  if (isInvalidSession(answer)) {
    jar.expire('session', 'sessionJwt');
    return { status: 401, body: { ...errorAnswer(answer.body), status_code: 401 } };
  }
  if (answer.status >= 300) return failed(jar, answer);
  storeSession(jar, answer.body, config);
  return { status: answer.status, body: sessionAnswer(answer.body, config.exposeTokens) };
}

const LOGOUT_FIELDS: FieldSchema = { all_sessions: boolean() };

/**
 * `POST {basePath}/logout`, body `{}` or `{ "all_sessions": true }`. The cookies are expired in every
 * case; the browser's session is revoked upstream, or with `all_sessions` every session of its
 * member. 200 once revoked or already gone; the upstream failure otherwise.
 */
export async function logout(context: Context): Promise<Reply> {
  const { request, config, jar } = context;
  const received = await readJsonObject(request, config.maxBodyBytes, { emptyIsObject: true });
  const { all_sessions: allSessions } = applySchema(received, LOGOUT_FIELDS);
  const credential = jar.session();
  jar.expire('session', 'sessionJwt', 'intermediateSession');
  const done = (requestId: unknown = newRequestId()) => ({
    status: 200,
    body: { request_id: requestId, status_code: 200 },
  });
  if (!credential) return done();
  let target: JsonObject = credential;
  if (allSessions === true) {
    const session = await callUpstream(config, SESSION_AUTHENTICATE, credential);
    if (isInvalidSession(session)) return done();
    if (session.status >= 300) return failed(jar, session);
    const memberId = memberIdOf(session.body);
    if (typeof memberId !== 'string' || memberId === '') {
      throw upstreamUnavailable(new Error('sessions/authenticate named no member to log out.'));
    }
    target = { member_id: memberId };
  }
  const answer = await callUpstream(config, SESSION_REVOKE, target);
  if (answer.status < 300 || isInvalidSession(answer)) return done(answer.body.request_id);
  return failed(jar, answer);
}

/** Ends the session a new login replaces. Best effort: failures go to `onError`, not the browser. */
async function revoke(context: Context, credential: JsonObject): Promise<void> {
  try {
    const answer = await callUpstream(context.config, SESSION_REVOKE, credential);
    if (answer.status >= 300 && !isInvalidSession(answer)) {
      throw new Error(`Revoking the replaced session failed: ${String(answer.body.error_type)}`);
    }
  } catch (error) {
    context.config.onError(error, context.request);
  }
}

function failed(jar: CookieJar, answer: UpstreamAnswer): Reply {
  if (answer.body.error_type === 'intermediate_session_not_found')
    jar.expire('intermediateSession');
  return { status: answer.status, body: errorAnswer(answer.body), retryAfter: answer.retryAfter };
}

function echoIds(body: JsonObject): JsonObject {
  const ids: JsonObject = { organization_id: body.organization_id };
  if (body.member_id !== undefined) ids.member_id = body.member_id;
  return ids;
}

function memberIdOf(body: JsonObject): unknown {
  const session = body.member_session as { member_id?: unknown } | null | undefined;
  const member = body.member as { member_id?: unknown } | null | undefined;
  return session?.member_id ?? member?.member_id;
}

function checkOrganization(body: JsonObject, allowed: ReadonlySet<string> | undefined): void {
  if (allowed && !allowed.has(body.organization_id as string)) {
    throw new StytchError(
      403,
      'organization_not_allowed',
      'This organization cannot sign in here.',
    );
  }
}

/** Creating an organization cannot stay within a fixed list of organizations. */
function checkCreation(allowed: ReadonlySet<string> | undefined): void {
  if (allowed) {
    throw new StytchError(
      403,
      'organization_creation_not_allowed',
      'New organizations cannot be created here.',
    );
  }
}

/** The token an endpoint gets from the cookies, never from the browser's body. */
function credentialFor(kind: Credential, jar: CookieJar): JsonObject {
  const ist = jar.get('intermediateSession');
  const session = jar.get('session');
  switch (kind) {
    case 'none':
      return {};
    case 'ist':
      if (ist) return { intermediate_session_token: ist };
      throw new StytchError(
        404,
        'intermediate_session_not_found',
        'The sign-in expired: enter your email again.',
      );
    case 'session':
      if (session) return { session_token: session };
      throw new StytchError(401, 'session_not_found', 'No active session.');
    case 'ist-or-session':
    case 'mfa':
      if (ist) return { intermediate_session_token: ist };
      if (session) return { session_token: session };
      throw new StytchError(
        400,
        'no_session_arguments',
        'Sign in with your email first: there is no pending login or session.',
      );
  }
}

/** The session is unknown, expired or revoked, as opposed to the gateway's own credentials failing. */
function isInvalidSession(answer: UpstreamAnswer): boolean {
  const clientError = answer.status === 400 || answer.status === 401 || answer.status === 404;
  return clientError && answer.body.error_type !== 'unauthorized_credentials';
}

function noSession(): Reply {
  return {
    status: 401,
    body: new StytchError(401, 'session_not_found', 'No active session.').toBody(newRequestId()),
  };
}

/** An MFA-pending answer swaps the session for the IST; a full login swaps the IST for a session. */
function storeAuthentication(
  jar: CookieJar,
  body: JsonObject,
  config: GatewayConfig,
  requestedMinutes: number,
): void {
  const ist = body.intermediate_session_token;
  if (body.member_authenticated === false && typeof ist === 'string' && ist !== '') {
    jar.expire('session', 'sessionJwt');
    storeIntermediateSession(jar, body);
  } else if (typeof body.session_token === 'string' && body.session_token !== '') {
    storeSession(jar, body, config, requestedMinutes);
    jar.expire('intermediateSession');
  }
}

/** The IST (MFA pending, or a discovery login until an organization is picked or created). */
function storeIntermediateSession(jar: CookieJar, body: JsonObject): void {
  const ist = body.intermediate_session_token;
  if (typeof ist !== 'string' || ist === '') return;
  const fallback = IST_LIFETIME_MINUTES * 60;
  const lifetime = secondsUntil(body.intermediate_session_token_expires_at, fallback);
  jar.set('intermediateSession', ist, Math.min(lifetime, fallback));
}

/**
 * Session cookies live until `member_session.expires_at` (else the requested duration), never
 * longer than the configured maximum: the server owns the lifetime whatever the upstream says.
 */
function storeSession(
  jar: CookieJar,
  body: JsonObject,
  config: GatewayConfig,
  requestedMinutes = 0,
): void {
  const session = body.member_session as { expires_at?: unknown } | null | undefined;
  const { default: fallback, max } = config.sessionDuration;
  const minutes = requestedMinutes || fallback;
  const lifetime = Math.min(secondsUntil(session?.expires_at, minutes * 60), max * 60);
  const { session_token: token, session_jwt: jwt } = body;
  if (typeof token === 'string' && token !== '') jar.set('session', token, lifetime);
  jar.set('sessionJwt', typeof jwt === 'string' ? jwt : '', lifetime);
}
