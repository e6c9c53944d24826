// Anti-enumeration against the upstream's own limits: a member and an address Stytch refuses get
// the same answers to wrong codes (Stytch's user lock, mirrored by the gateway for every address)
// and to repeated sends (the gateway stops before Stytch's per-member send cap). Through the real
// gateway in front of the real emulator, both on one injected clock.
import assert from 'node:assert/strict';
import { afterEach, beforeEach, describe, it } from 'node:test';
import { MemoryStore } from '../../src/gateway/limit/index.js';
import { browser, emulated, type Browser } from './emulated.js';
import { FakeClock } from './limit-support.js';
import {
  EMAIL_AUTH,
  EMAIL_LOGIN,
  apiRequest,
  emailAuthBody,
  json,
  setup,
  stytchError,
} from './support.js';

type Harness = Awaited<ReturnType<typeof emulated>>;

const repeat = <T>(value: T, times: number): T[] => Array<T>(times).fill(value);

const REFUSED = 'outsider@elsewhere.test';
const LOCK_MESSAGE =
  'The user has been locked out due to too many failed authentication attempts. Please try again later.';

/** What a browser can compare between two answers: all but the request id's value. */
async function seen(exchange: Promise<{ response: Response; body: object }>) {
  const { response, body } = await exchange;
  const fields = body as Record<string, unknown>;
  assert.match(String(fields.request_id), /^request-id-gateway-/);
  return {
    status: response.status,
    retryAfter: response.headers.get('retry-after'),
    keys: Object.keys(fields).sort(),
    errorType: fields.error_type,
    errorMessage: fields.error_message,
    errorUrl: fields.error_url,
  };
}

describe('user lock parity: a member and a refused address', () => {
  let h: Harness;
  let clock: FakeClock;
  let user: Browser;
  let organizationId: string;
  let member: string;

  beforeEach(async () => {
    clock = new FakeClock();
    h = await emulated([], clock);
    const store = new MemoryStore({ clock });
    user = browser(h.gatewayFor({ rateLimits: { store } }), 'https://app.example.com');
    const acme = h.org('OPTIONAL');
    organizationId = acme.organization_id;
    member = acme.members[0].email_address;
  });
  afterEach(() => h.emulator.close());

  const wrongCode = (email: string) =>
    seen(
      user.post(EMAIL_AUTH, {
        organization_id: organizationId,
        email_address: email,
        code: '000000',
      }),
    );

  /** One wrong code for each address, `seconds` apart; the two answers. */
  async function guessBoth(seconds: number) {
    clock.advance(seconds);
    return [await wrongCode(member), await wrongCode(REFUSED)];
  }

  it('answers the 10th wrong code and every code while locked alike, and unlocks both after 60 minutes', async () => {
    const statuses: number[] = [];
    const retryAfters: (string | null)[] = [];
    for (let i = 0; i < 12; i++) {
      const [a, b] = await guessBoth(10);
      assert.deepEqual(b, a, `wrong code ${i + 1}`);
      statuses.push(a.status);
      retryAfters.push(a.retryAfter);
    }
    assert.deepEqual(statuses, [...repeat(404, 9), 429, 429, 429]);
    assert.deepEqual(retryAfters.slice(9), ['3600', '3590', '3580']);
    const [locked] = await guessBoth(0);
    assert.equal(locked.errorType, 'user_lock_limit_reached');
    assert.equal(locked.errorMessage, LOCK_MESSAGE);
    assert.deepEqual(locked.keys, [
      'error_message',
      'error_type',
      'error_url',
      'request_id',
      'status_code',
    ]);

    // The lock is anchored at the 10th failure: 3600 s after it, both are free again.
    clock.advance(3600 - 20 - 1);
    const [last, lastRefused] = await guessBoth(0);
    assert.deepEqual(lastRefused, last);
    assert.equal(last.status, 429);
    assert.equal(last.retryAfter, '1');
    const [free, freeRefused] = await guessBoth(1);
    assert.deepEqual(freeRefused, free);
    assert.equal(free.status, 404);
    assert.equal(free.errorType, 'otp_code_not_found');
  });

  it('counts consecutive wrong codes however far apart, as Stytch does: nine, two hours, one more locks both', async () => {
    for (let i = 0; i < 9; i++) {
      const [a, b] = await guessBoth(10);
      assert.deepEqual(b, a, `wrong code ${i + 1}`);
      assert.equal(a.status, 404);
    }
    const [tenth, tenthRefused] = await guessBoth(2 * 3600);
    assert.deepEqual(tenthRefused, tenth);
    assert.equal(tenth.status, 429);
    assert.equal(tenth.errorType, 'user_lock_limit_reached');
  });

  // Stytch takes the organization's slug or external id in `organization_id` too
  // (B2BOTPEmailAuthenticateRequest): one member, one count, however the organization is named.
  it('counts wrong codes alike whether the organization is named by its id or its slug', async () => {
    const { organization_slug: slug } = h.org('OPTIONAL');
    const guessAs = (organization: string, email: string) =>
      seen(
        user.post(EMAIL_AUTH, {
          organization_id: organization,
          email_address: email,
          code: '000000',
        }),
      );
    const answers = [];
    for (let i = 0; i < 10; i++) {
      clock.advance(10);
      const organization = i % 2 === 0 ? organizationId : slug;
      const [a, b] = [await guessAs(organization, member), await guessAs(organization, REFUSED)];
      assert.deepEqual(b, a, `wrong code ${i + 1} (${organization})`);
      answers.push(a.status);
    }
    assert.deepEqual(answers, [...repeat(404, 9), 429]);
  });

  it('starts the count again after a member’s right code, so the gateway never locks a member Stytch did not', async () => {
    for (let i = 0; i < 5; i++) assert.equal((await wrongCode(member)).status, 404);
    clock.advance(10);
    const login = await h.emailLogin(user, organizationId, member);
    assert.equal(login.response.status, 200, JSON.stringify(login.body));
    const statuses = [];
    for (let i = 0; i < 10; i++) {
      clock.advance(10);
      statuses.push((await wrongCode(member)).status);
    }
    assert.deepEqual(statuses, [...repeat(404, 9), 429]);
  });
});

describe('send cap parity: a member and a refused address', () => {
  it('refuses repeated sends alike, before the upstream’s 10 per member per 15 minutes', async () => {
    const clock = new FakeClock();
    const h = await emulated([], clock);
    try {
      const store = new MemoryStore({ clock });
      const user = browser(h.gatewayFor({ rateLimits: { store } }), 'https://app.example.com');
      const acme = h.org('OPTIONAL');
      const member = acme.members[0].email_address;
      const send = (email: string) =>
        seen(
          user.post(EMAIL_LOGIN, { organization_id: acme.organization_id, email_address: email }),
        );
      // Every 30 s for 20 minutes, then bursts on both sides of the ends of the gateway's windows
      // (the first opened at 30 s, so they end at 930, 1830 and 2730 s).
      const gaps = [...repeat(30, 40), 629, ...repeat(1, 6), 894, ...repeat(1, 6)];
      const sequence: number[] = [];
      for (const [i, gap] of gaps.entries()) {
        clock.advance(gap);
        const a = await send(member);
        const b = await send(REFUSED);
        assert.deepEqual(b, a, `send ${i + 1}`);
        sequence.push(a.status);
      }
      const burst = [...repeat(200, 5), 429];
      assert.deepEqual(sequence, [
        ...repeat(200, 5),
        ...repeat(429, 25),
        ...repeat(200, 5),
        ...repeat(429, 5),
        429,
        ...burst,
        429,
        ...burst,
      ]);
    } finally {
      await h.emulator.close();
    }
  });
});

describe('user lock mirror, options and stores', () => {
  const wrong = () => json(404, stytchError(404, 'otp_code_not_found'));
  const authenticate = (gateway: (request: Request) => Promise<Response>) =>
    gateway(apiRequest(EMAIL_AUTH, { body: emailAuthBody }));

  it('stays on with rateLimits: false (it is anti-enumeration, not a rate limit)', async () => {
    const { gateway } = setup({ rateLimits: false }, wrong);
    const statuses = [];
    for (let i = 0; i < 11; i++) statuses.push((await authenticate(gateway)).status);
    assert.deepEqual(statuses, [...repeat(404, 9), 429, 429]);
  });

  it('takes its threshold and lock time from userLock', async () => {
    const clock = new FakeClock();
    const store = new MemoryStore({ clock });
    const { gateway, calls } = setup(
      { rateLimits: { store }, userLock: { threshold: 3, ttlMinutes: 5 } },
      wrong,
    );
    const answers = [];
    for (let i = 0; i < 4; i++) {
      const response = await authenticate(gateway);
      answers.push([response.status, response.headers.get('retry-after')]);
    }
    assert.deepEqual(answers, [
      [404, null],
      [404, null],
      [429, '300'],
      [429, '300'],
    ]);
    assert.equal(calls.length, 3, 'a locked address is not forwarded');
    clock.advance(300);
    assert.equal((await authenticate(gateway)).status, 404);
  });

  it('answers an upstream lock in the gateway’s own words and keeps it for the time Stytch gave', async () => {
    const clock = new FakeClock();
    const store = new MemoryStore({ clock });
    const lock = stytchError(429, 'user_lock_limit_reached');
    const { gateway, calls } = setup({ rateLimits: { store } }, () =>
      json(429, { ...lock, request_id: 'request-id-test-upstream' }, { 'retry-after': '1200' }),
    );
    const first = await authenticate(gateway);
    assert.equal(first.status, 429);
    assert.equal(first.headers.get('retry-after'), '1200');
    const body = await first.json();
    assert.equal(body.error_type, 'user_lock_limit_reached');
    assert.equal(body.error_message, LOCK_MESSAGE);
    assert.match(body.request_id, /^request-id-gateway-/);
    clock.advance(200);
    const second = await authenticate(gateway);
    assert.equal(second.headers.get('retry-after'), '1000');
    assert.equal(calls.length, 1);
  });

  // Stytch's user-lock page documents the lock and its error type, not a Retry-After header.
  it('keeps an upstream lock that gives no usable Retry-After for the configured lock time (never a 500)', async () => {
    for (const retryAfter of [undefined, 'Wed, 21 Oct 2015 07:28:00 GMT', '0', 'soon']) {
      const clock = new FakeClock();
      const store = new MemoryStore({ clock });
      const lock = stytchError(429, 'user_lock_limit_reached');
      const headers: Record<string, string> =
        retryAfter === undefined ? {} : { 'retry-after': retryAfter };
      const { gateway, calls } = setup(
        { rateLimits: { store }, userLock: { ttlMinutes: 30 }, onError: () => undefined },
        () => json(429, lock, headers),
      );
      const first = await authenticate(gateway);
      assert.equal(first.status, 429, `Retry-After ${retryAfter}`);
      assert.equal((await first.json()).error_message, LOCK_MESSAGE);
      assert.equal(first.headers.get('retry-after'), '1800');
      clock.advance(600);
      const second = await authenticate(gateway);
      assert.equal(second.status, 429);
      assert.equal(second.headers.get('retry-after'), '1200');
      assert.equal(calls.length, 1);
    }
  });
});
