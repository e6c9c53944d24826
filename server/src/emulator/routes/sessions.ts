// POST /v1/b2b/sessions/authenticate, POST /v1/b2b/sessions/revoke, GET /v1/b2b/sessions,
// GET /v1/b2b/sessions/jwks/{project_id} (public, as the SDK fetches it without credentials).

import type { Hono } from 'hono';
import { readJsonObject } from '../body.js';
import type { Core } from '../core.js';
import { ApiError, badRequest, sessionNotFound } from '../errors.js';
import { presentSession } from '../present.js';
import {
  customClaims,
  optionalString,
  requireOneSessionArgument,
  sessionArguments,
  sessionDuration,
} from '../validate.js';
import { authenticatedResponse } from './authenticated.js';
import { ok } from './respond.js';

const SESSION_ARGS = ['session_token', 'session_jwt'] as const;
const REVOKE_ARGS = ['member_session_id', 'session_token', 'session_jwt', 'member_id'] as const;

export const JWKS_PATH = '/v1/b2b/sessions/jwks/';

export function sessionRoutes(app: Hono, core: Core): void {
  app.post('/v1/b2b/sessions/authenticate', async (c) => {
    const body = await readJsonObject(c.req.raw);
    const args = sessionArguments(body, SESSION_ARGS);
    requireOneSessionArgument(args, SESSION_ARGS);
    const minutes = sessionDuration(body);
    const claims = customClaims(body);
    const ref = await core.sessions.prepare(args);

    const session = core.sessions.resolve(ref);
    const member = core.state.members[session.member_id];
    const org = core.state.organizations[session.organization_id];
    if (!member || !org || member.status === 'deleted') throw sessionNotFound();
    core.sessions.touch(session, minutes, claims);
    // Only the hash of a token is kept: a caller who authenticated with a JWT gets no token back.
    const token = ref.kind === 'token' ? ref.token : '';
    return authenticatedResponse(core, member, org, session, token);
  });

  app.post('/v1/b2b/sessions/revoke', async (c) => {
    const body = await readJsonObject(c.req.raw);
    const given = REVOKE_ARGS.filter((key) => optionalString(body, key, 8192));
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
    const key = given[0]!;
    const value = body[key] as string;
    if (key === 'member_id') {
      if (!core.state.members[value])
        throw new ApiError(404, 'member_not_found', 'No member has this member_id.');
      core.sessions.revokeMember(value);
    } else {
      const ref =
        key === 'member_session_id'
          ? ({ kind: 'id', sessionId: value } as const)
          : await core.sessions.prepare({ [key]: value });
      core.sessions.revoke(core.sessions.resolve(ref));
    }
    return ok({});
  });

  app.get('/v1/b2b/sessions', (c) => {
    const org = core.organization(c.req.query('organization_id') ?? '');
    const member = core.member(org, c.req.query('member_id') ?? '');
    core.sessions.prune();
    const sessions = Object.values(core.state.sessions)
      .filter((s) => s.member_id === member.member_id)
      .map((s) => presentSession(s, org));
    return ok({ member_sessions: sessions });
  });

  app.get(`${JWKS_PATH}:project_id`, (c) => {
    if (c.req.param('project_id') !== core.projectId) {
      throw new ApiError(404, 'project_not_found', 'No project has this project_id.');
    }
    return ok({ keys: core.keys.jwks() });
  });
}
