import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createLocalJWKSet, decodeProtectedHeader, jwtVerify } from 'jose';
import { assertStytchError, MINUTE, setupOrgs, type TestApi } from './support.js';

async function jwks(api: TestApi) {
  const reply = await api.get(`/v1/b2b/sessions/jwks/${api.emulator.projectId}`, { auth: false });
  assert.equal(reply.status, 200);
  return reply.body;
}

describe('session JWT and JWKS', () => {
  it('signs RS256 JWTs with a kid, verifiable against the public JWKS endpoint', async () => {
    const { api, optional, ada } = await setupOrgs();
    const login = await api.session(optional.organization_id, 'ada@optional.test');
    const set = await jwks(api);
    assert.match(set.request_id, /^request-id-test-/);
    assert.equal(set.keys.length, 1);
    const [key] = set.keys;
    assert.equal(key.kty, 'RSA');
    assert.equal(key.alg, 'RS256');
    assert.equal(key.use, 'sig');
    assert.equal(key.d, undefined, 'no private parts in the JWKS');
    assert.deepEqual(decodeProtectedHeader(login.session_jwt), {
      alg: 'RS256',
      kid: key.kid,
      typ: 'JWT',
    });

    const projectId = api.emulator.projectId;
    const { payload } = await jwtVerify(login.session_jwt, createLocalJWKSet(set), {
      issuer: `stytch.com/${projectId}`,
      audience: projectId,
      currentDate: new Date(api.clock.now()),
    });
    assert.equal(payload.sub, ada.member_id);
    assert.deepEqual(payload.aud, [projectId]);
    assert.equal(payload.iat, api.clock.now() / 1000);
    assert.equal(payload.nbf, payload.iat);
    assert.equal(payload.exp, payload.iat! + 300);
    const session = payload['https://stytch.com/session'] as Record<string, unknown>;
    assert.equal(session.id, login.member_session.member_session_id);
    assert.equal(session.started_at, login.member_session.started_at);
    assert.equal(session.expires_at, login.member_session.expires_at);
    assert.deepEqual(session.authentication_factors, login.member_session.authentication_factors);
    assert.deepEqual(session.roles, ['stytch_member']);
    assert.deepEqual(payload['https://stytch.com/organization'], {
      organization_id: optional.organization_id,
      slug: optional.organization_slug,
    });
  });

  it('puts custom claims at the top level of the JWT', async () => {
    const { api, optional } = await setupOrgs();
    const login = await api.emailLogin(optional.organization_id, 'ada@optional.test', {
      session_custom_claims: { tenant: { tier: 'gold' } },
    });
    const { payload } = await jwtVerify(
      login.body.session_jwt,
      createLocalJWKSet(await jwks(api)),
      {
        currentDate: new Date(api.clock.now()),
      },
    );
    assert.deepEqual(payload.tenant, { tier: 'gold' });
  });

  // "Custom claims made with reserved claims (iss, sub, aud, exp, nbf, iat, jti) will be ignored"
  // (session_custom_claims, B2B API reference and SDK docs): ignored, not refused.
  it('ignores reserved claims in session_custom_claims and keeps the others', async () => {
    const { api, optional } = await setupOrgs();
    const claims = JSON.parse(
      '{"sub":"someone-else","iss":"evil","aud":"x","exp":1,"nbf":1,"iat":1,"jti":"j","__proto__":{"admin":true},"plan":"gold"}',
    );
    const login = await api.emailLogin(optional.organization_id, 'ada@optional.test', {
      session_custom_claims: claims,
    });
    assert.equal(login.status, 200, JSON.stringify(login.body));
    assert.deepEqual(login.body.member_session.custom_claims, { plan: 'gold' });
    const { payload } = await jwtVerify(
      login.body.session_jwt,
      createLocalJWKSet(await jwks(api)),
      { currentDate: new Date(api.clock.now()) },
    );
    assert.equal(payload.sub, login.body.member_id);
    assert.equal(payload.plan, 'gold');
    assert.equal(Object.getPrototypeOf(payload), Object.prototype);
    assert.equal((payload as { admin?: unknown }).admin, undefined);
  });

  for (const [claims, errorType] of [
    [{ 'https://stytch.com/session': {} }, 'stytch_claims_in_custom_claims'],
    [{ big: 'x'.repeat(5000) }, 'custom_claims_too_large'],
  ] as const) {
    it(`rejects session_custom_claims ${Object.keys(claims)[0]} with ${errorType}`, async () => {
      const { api, optional } = await setupOrgs();
      await api.sendEmail(optional.organization_id, 'ada@optional.test');
      const reply = await api.authenticateEmail(
        optional.organization_id,
        'ada@optional.test',
        api.lastCode('ada@optional.test'),
        {
          session_custom_claims: claims,
        },
      );
      assertStytchError(reply, 400, errorType);
    });
  }

  it('answers 404 project_not_found for the JWKS of another project', async () => {
    const { api } = await setupOrgs();
    assertStytchError(
      await api.get('/v1/b2b/sessions/jwks/project-test-other', { auth: false }),
      404,
      'project_not_found',
    );
  });
});

describe('sessions authenticate', () => {
  it('authenticates a session token: same token back, a fresh JWT, member and organization', async () => {
    const { api, optional, ada } = await setupOrgs();
    const login = await api.session(optional.organization_id, 'ada@optional.test');
    api.clock.advance(2 * MINUTE);
    const reply = await api.post('/v1/b2b/sessions/authenticate', {
      session_token: login.session_token,
    });
    assert.equal(reply.status, 200);
    assert.equal(reply.body.session_token, login.session_token);
    assert.notEqual(reply.body.session_jwt, login.session_jwt);
    assert.equal(reply.body.member.member_id, ada.member_id);
    assert.equal(reply.body.organization.organization_id, optional.organization_id);
    assert.equal(
      reply.body.member_session.last_accessed_at,
      new Date(api.clock.now()).toISOString(),
    );
    assert.equal(reply.body.member_session.expires_at, login.member_session.expires_at);
  });

  it('authenticates a session JWT, even one past its 5-minute exp while the session lives', async () => {
    const { api, optional } = await setupOrgs();
    const login = await api.session(optional.organization_id, 'ada@optional.test');
    api.clock.advance(30 * MINUTE);
    const reply = await api.post('/v1/b2b/sessions/authenticate', {
      session_jwt: login.session_jwt,
    });
    assert.equal(reply.status, 200);
    assert.equal(
      reply.body.member_session.member_session_id,
      login.member_session.member_session_id,
    );
    // Only hashes are kept, so a JWT caller gets no token back.
    assert.equal(reply.body.session_token, '');
  });

  it('extends the session with session_duration_minutes', async () => {
    const { api, optional } = await setupOrgs();
    const login = await api.session(optional.organization_id, 'ada@optional.test');
    api.clock.advance(50 * MINUTE);
    const reply = await api.post('/v1/b2b/sessions/authenticate', {
      session_token: login.session_token,
      session_duration_minutes: 120,
    });
    assert.equal(Date.parse(reply.body.member_session.expires_at), api.clock.now() + 120 * MINUTE);
    api.clock.advance(100 * MINUTE);
    assert.equal(
      (await api.post('/v1/b2b/sessions/authenticate', { session_token: login.session_token }))
        .status,
      200,
    );
  });

  it('expires sessions by the clock', async () => {
    const { api, optional } = await setupOrgs();
    const login = await api.session(optional.organization_id, 'ada@optional.test');
    api.clock.advance(60 * MINUTE);
    assertStytchError(
      await api.post('/v1/b2b/sessions/authenticate', { session_token: login.session_token }),
      404,
      'session_not_found',
    );
    assertStytchError(
      await api.post('/v1/b2b/sessions/authenticate', { session_jwt: login.session_jwt }),
      404,
      'session_not_found',
    );
  });

  it('refuses unknown tokens, forged JWTs and JWTs of another emulator', async () => {
    const { api, optional } = await setupOrgs();
    const login = await api.session(optional.organization_id, 'ada@optional.test');
    const other = await setupOrgs();
    const foreign = await other.api.session(other.optional.organization_id, 'ada@optional.test');
    assertStytchError(
      await api.post('/v1/b2b/sessions/authenticate', { session_token: 'A'.repeat(44) }),
      404,
      'session_not_found',
    );
    assertStytchError(
      await api.post('/v1/b2b/sessions/authenticate', { session_jwt: foreign.session_jwt }),
      404,
      'session_not_found',
    );
    const [header, payload] = login.session_jwt.split('.');
    const tampered = JSON.parse(Buffer.from(payload, 'base64url').toString());
    tampered['https://stytch.com/session'].id = foreign.member_session.member_session_id;
    const forged = `${header}.${Buffer.from(JSON.stringify(tampered)).toString('base64url')}.${login.session_jwt.split('.')[2]}`;
    assertStytchError(
      await api.post('/v1/b2b/sessions/authenticate', { session_jwt: forged }),
      404,
      'session_not_found',
    );
    assertStytchError(
      await api.post('/v1/b2b/sessions/authenticate', { session_jwt: 'not-a-jwt' }),
      400,
      'unable_to_parse_session_jwt',
    );
  });

  it('requires exactly one of session_token and session_jwt', async () => {
    const { api, optional } = await setupOrgs();
    const login = await api.session(optional.organization_id, 'ada@optional.test');
    assertStytchError(
      await api.post('/v1/b2b/sessions/authenticate', {}),
      400,
      'no_session_arguments',
    );
    assertStytchError(
      await api.post('/v1/b2b/sessions/authenticate', {
        session_token: login.session_token,
        session_jwt: login.session_jwt,
      }),
      400,
      'too_many_session_arguments',
    );
  });

  it('merges custom claims; null deletes one', async () => {
    const { api, optional } = await setupOrgs();
    const login = await api.emailLogin(optional.organization_id, 'ada@optional.test', {
      session_custom_claims: { a: 1, b: 2 },
    });
    const reply = await api.post('/v1/b2b/sessions/authenticate', {
      session_token: login.body.session_token,
      session_custom_claims: { b: null, c: 3 },
    });
    assert.deepEqual(reply.body.member_session.custom_claims, { a: 1, c: 3 });
  });

  it('lists the sessions of a member (sessions.get)', async () => {
    const { api, optional, ada } = await setupOrgs();
    await api.session(optional.organization_id, 'ada@optional.test');
    await api.session(optional.organization_id, 'ada@optional.test');
    const reply = await api.get(
      `/v1/b2b/sessions?organization_id=${optional.organization_id}&member_id=${ada.member_id}`,
    );
    assert.equal(reply.status, 200);
    assert.equal(reply.body.member_sessions.length, 2);
  });
});

describe('sessions revoke', () => {
  for (const by of ['member_session_id', 'session_token', 'session_jwt'] as const) {
    it(`revokes by ${by}`, async () => {
      const { api, optional } = await setupOrgs();
      const login = await api.session(optional.organization_id, 'ada@optional.test');
      const value = by === 'member_session_id' ? login.member_session.member_session_id : login[by];
      const reply = await api.post('/v1/b2b/sessions/revoke', { [by]: value });
      assert.equal(reply.status, 200);
      assert.equal(reply.body.status_code, 200);
      assert.match(reply.body.request_id, /^request-id-test-/);
      assertStytchError(
        await api.post('/v1/b2b/sessions/authenticate', { session_token: login.session_token }),
        404,
        'session_not_found',
      );
      assertStytchError(
        await api.post('/v1/b2b/sessions/revoke', { [by]: value }),
        404,
        'session_not_found',
      );
    });
  }

  it('revokes every session of a member by member_id', async () => {
    const { api, optional, ada } = await setupOrgs();
    const one = await api.session(optional.organization_id, 'ada@optional.test');
    const two = await api.session(optional.organization_id, 'ada@optional.test');
    assert.equal(
      (await api.post('/v1/b2b/sessions/revoke', { member_id: ada.member_id })).status,
      200,
    );
    for (const login of [one, two]) {
      assertStytchError(
        await api.post('/v1/b2b/sessions/authenticate', { session_token: login.session_token }),
        404,
        'session_not_found',
      );
    }
  });

  it('requires exactly one revoke argument', async () => {
    const { api } = await setupOrgs();
    assertStytchError(
      await api.post('/v1/b2b/sessions/revoke', {}),
      400,
      'no_session_revoke_arguments',
    );
    assertStytchError(
      await api.post('/v1/b2b/sessions/revoke', { session_token: 'a', member_session_id: 'b' }),
      400,
      'too_many_session_revoke_arguments',
    );
  });
});
