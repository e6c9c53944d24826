// POST /v1/b2b/sessions/authenticate, /revoke and /exchange, GET /v1/b2b/sessions,
// GET /v1/b2b/sessions/jwks/{project_id} (public, as the SDK fetches it without credentials).

import type { Hono } from 'hono';
import { readJsonObject } from '../body.js';
import type { Core } from '../core.js';
import { ApiError, badRequest, memberNotFound } from '../errors.js';
import { isSessionId } from '../ids.js';
import type { SessionRef } from '../sessions.js';
import {
  customClaims,
  memberId,
  optionalString,
  organizationId,
  request,
  sessionArguments,
  sessionDuration,
  smsLocale,
  type Json,
} from '../validate.js';
import { completeLogin, sessionResponse } from './login.js';
import { ok } from './respond.js';

const Authenticate = request({
  session: sessionArguments(['session_token', 'session_jwt'], true),
  session_duration_minutes: sessionDuration(),
  session_custom_claims: customClaims(),
});

const REVOKE_ARGS = ['member_session_id', 'session_token', 'session_jwt', 'member_id'] as const;

const Revoke = request({
  member_session_id: optionalString(8192),
  session_token: optionalString(8192),
  session_jwt: optionalString(8192),
  member_id: optionalString(8192),
});

/** sessions.exchange ("exchange a Member's existing session for another session in a different Organization"). */
const Exchange = request({
  organization_id: organizationId(),
  session: sessionArguments(['session_token', 'session_jwt'], true),
  session_duration_minutes: sessionDuration(),
  session_custom_claims: customClaims(),
  locale: smsLocale(),
});

const List = request({ organization_id: organizationId(), member_id: memberId() });

export const JWKS_PATH = '/v1/b2b/sessions/jwks/';

export function sessionRoutes(app: Hono, core: Core): void {
  app.post('/v1/b2b/sessions/authenticate', async (c) => {
    const req = Authenticate(await readJsonObject(c.req.raw));
    const ref = await core.sessions.prepare(req.session);

    const session = core.sessions.resolve(ref);
    const { member, org } = core.ownersOf(session);
    core.sessions.touch(session, req.session_duration_minutes, req.session_custom_claims);
    // Only the hash of a token is kept: a caller who authenticated with a JWT gets no token back.
    const token = ref.kind === 'token' ? ref.token : '';
    return sessionResponse(core, member, org, session, token);
  });

  app.post('/v1/b2b/sessions/revoke', async (c) => {
    const req = Revoke(await readJsonObject(c.req.raw));
    const given = REVOKE_ARGS.filter((key) => req[key]);
    if (given.length === 0) {
      throw badRequest(
        'no_session_revoke_arguments',
        `One of ${REVOKE_ARGS.join(', ')} is required.`,
      );
    }
    if (given.length > 1) {
      throw badRequest(
        'too_many_session_revoke_arguments',
        `Pass only one of ${REVOKE_ARGS.join(', ')}.`,
      );
    }
    if (req.member_id) {
      if (!core.knowsMember(req.member_id)) throw memberNotFound();
      core.sessions.revokeMember(req.member_id);
      return ok({});
    }
    let ref: SessionRef;
    if (req.member_session_id) {
      if (!isSessionId(req.member_session_id)) {
        throw badRequest('invalid_session_id', 'member_session_id is not a member session id.');
      }
      ref = { kind: 'id', sessionId: req.member_session_id };
    } else {
      ref = await core.sessions.prepare(req);
    }
    core.sessions.revoke(core.sessions.resolve(ref));
    return ok({});
  });

  app.post('/v1/b2b/sessions/exchange', async (c) => {
    const req = Exchange(await readJsonObject(c.req.raw));
    const ref = await core.sessions.prepare(req.session);

    const session = core.sessions.resolve(ref);
    const { member: current } = core.ownersOf(session);
    const org = core.organization(req.organization_id);
    // It "can be used to accept an invite, but not to create a new member via domain matching".
    const member = core.memberByEmail(org, current.email_address);
    if (!member) throw memberNotFound();
    core.activate(member);
    // The session's factors carry over; an SMS factor counts only for the same phone number.
    return completeLogin(core, {
      org,
      member,
      factors: session.authentication_factors,
      minutes: req.session_duration_minutes,
      claims: req.session_custom_claims,
    });
  });

  app.get('/v1/b2b/sessions', (c) => {
    const req = List(query(c.req.query()));
    const org = core.organization(req.organization_id);
    const member = core.member(org, req.member_id);
    const sessions = core.sessions
      .ofMember(member.member_id)
      .map((s) => core.presentSession(s, org, member));
    return ok({ member_sessions: sessions });
  });

  app.get(`${JWKS_PATH}:project_id`, (c) => {
    if (c.req.param('project_id') !== core.projectId) {
      throw new ApiError(404, 'project_not_found', 'No project has this project_id.');
    }
    return ok({ keys: core.keys.jwks() });
  });
}

/** Query parameters as a body with own properties only. */
export const query = (params: Record<string, string>): Json =>
  Object.fromEntries(Object.entries(params));
