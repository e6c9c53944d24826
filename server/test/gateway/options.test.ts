import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createGateway, type GatewayOptions } from '../../src/gateway/index.js';
import { EMAIL_LOGIN, PROJECT_ID, SECRET, apiRequest, emailAuthBody, setup } from './support.js';

const base: GatewayOptions = { projectId: PROJECT_ID, secret: SECRET };

describe('createGateway options', () => {
  const invalid: [string, Partial<GatewayOptions>, RegExp][] = [
    ['an empty projectId', { projectId: '' }, /projectId/],
    ['an empty secret', { secret: '' }, /secret/],
    ['an unknown project id kind without upstream', { projectId: 'project-dev-1' }, /upstream/],
    ['a relative upstream', { upstream: '/v1' }, /upstream/],
    ['a non-http upstream', { upstream: 'ftp://stytch.example' }, /upstream/],
    ['an upstream with credentials', { upstream: 'https://u:p@stytch.example' }, /upstream/],
    ['an upstream with a query', { upstream: 'https://stytch.example/?a=1' }, /upstream/],
    ['a basePath without a leading slash', { basePath: 'api' }, /basePath/],
    ['a basePath with ..', { basePath: '/api/../admin' }, /basePath/],
    ['a basePath with //', { basePath: '/api//x' }, /basePath/],
    ['a wildcard origin', { allowedOrigins: ['*'] }, /allowedOrigins/],
    ['an origin with a path', { allowedOrigins: ['https://a.example/app'] }, /allowedOrigins/],
    [
      'an origin with a trailing slash',
      { allowedOrigins: ['https://a.example/'] },
      /allowedOrigins/,
    ],
    ['a null origin', { allowedOrigins: ['null'] }, /allowedOrigins/],
    ['a session minimum under 5', { sessionDurationMinutes: { min: 1 } }, /sessionDuration/],
    [
      'a session maximum over 527040',
      { sessionDurationMinutes: { max: 527041 } },
      /sessionDuration/,
    ],
    [
      'a default outside the bounds',
      { sessionDurationMinutes: { min: 10, default: 5 } },
      /session/,
    ],
    ['a fractional default', { sessionDurationMinutes: { default: 60.5 } }, /sessionDuration/],
    ['a zero maxBodyBytes', { maxBodyBytes: 0 }, /maxBodyBytes/],
    ['a negative timeoutMs', { timeoutMs: -1 }, /timeoutMs/],
    ['an invalid csrfHeader', { csrfHeader: 'x otp' }, /csrfHeader/],
    ['a prefixed cookie name', { cookieNames: { session: '__Host-s' } }, /cookieNames/],
    ['a cookie name with ;', { cookieNames: { session: 'a;b' } }, /cookieNames/],
    ['duplicate cookie names', { cookieNames: { session: 'x', sessionJwt: 'x' } }, /distinct/],
    ['a userLock threshold of 0', { userLock: { threshold: 0 } }, /userLock\.threshold/],
    ['a userLock threshold over 100', { userLock: { threshold: 101 } }, /userLock\.threshold/],
    ['a fractional userLock threshold', { userLock: { threshold: 2.5 } }, /userLock\.threshold/],
    ['a userLock TTL under 5 minutes', { userLock: { ttlMinutes: 4 } }, /userLock\.ttlMinutes/],
    ['a userLock TTL over 7 days', { userLock: { ttlMinutes: 10081 } }, /userLock\.ttlMinutes/],
    ['a userLock that is not an object', { userLock: 10 as never }, /userLock/],
    [
      'a store without get and delete',
      { rateLimits: { store: { hit: () => Promise.reject(new Error('x')) } as never } },
      /rateLimits\.store must have hit\(key, windowSeconds\), get\(key\) and delete\(key\)/,
    ],
    [
      'a userLock store without get',
      { userLock: { store: { hit: async () => ({ count: 1, resetInMs: 1 }) } as never } },
      /userLock\.store/,
    ],
    [
      'rateLimits that are neither an object nor false',
      { rateLimits: true as never },
      /rateLimits/,
    ],
  ];
  for (const [label, options, message] of invalid) {
    it(`throws a TypeError for ${label}`, () => {
      assert.throws(
        () => createGateway({ ...base, ...options }),
        (error: unknown) => {
          assert.ok(error instanceof TypeError);
          assert.match(error.message, message);
          assert.doesNotMatch(error.message, new RegExp(SECRET));
          return true;
        },
      );
    });
  }

  it('accepts an upstream with a path and a trailing slash', async () => {
    const { gateway, calls } = setup({ upstream: 'http://127.0.0.1:9999/stytch/' });
    await gateway(apiRequest(EMAIL_LOGIN, { body: emailAuthBody }));
    assert.equal(calls[0].url, 'http://127.0.0.1:9999/stytch/v1/b2b/otps/email/login_or_signup');
  });

  it('derives the default duration from custom bounds', async () => {
    const { gateway, calls } = setup({ sessionDurationMinutes: { min: 120 } });
    await gateway(apiRequest('/api/v1/b2b/otps/email/authenticate', { body: emailAuthBody }));
    assert.equal(calls[0].body.session_duration_minutes, 120);
  });
});
