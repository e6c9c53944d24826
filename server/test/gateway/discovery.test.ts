// Discovery login through the gateway, in front of the in-process emulator: the code first, then the
// organizations; the IST only ever in its cookie; exchanges into a session or MFA; organization
// creation; switching organizations with the session cookie.
import assert from 'node:assert/strict';
import { afterEach, beforeEach, describe, it } from 'node:test';
import { createEmulator, type Emulator } from '../../src/emulator/index.js';
import { createGateway, type GatewayOptions } from '../../src/gateway/index.js';
import { assertNoTokens, browser, type Browser } from './emulated.js';
import { COOKIE_ATTRIBUTES_HTTPS, attributesOf, findCookie } from './support.js';

const BASE = 'https://app.example.com';
const SEND = '/api/v1/b2b/otps/email/discovery/send';
const AUTH = '/api/v1/b2b/otps/email/discovery/authenticate';
const LIST = '/api/v1/b2b/discovery/organizations';
const EXCHANGE = '/api/v1/b2b/discovery/intermediate_sessions/exchange';
const CREATE = '/api/v1/b2b/discovery/organizations/create';
const SWITCH = '/api/v1/b2b/sessions/exchange';
const IST = '__Host-otp_ist';
const SESSION = '__Host-otp_session';

interface Discovered {
  organization: { organization_id: string; organization_name: string };
  membership: { type: string; details: unknown; member: Record<string, unknown> | null };
  member_authenticated: boolean;
  mfa_required: unknown;
}

let now = Date.parse('2030-01-01T00:00:00Z');
let emulator: Emulator;

async function admin(path: string, body: object) {
  const response = await emulator.fetch(
    new Request(`http://emulator.invalid${path}`, {
      method: 'POST',
      headers: {
        authorization: `Basic ${btoa(`${emulator.projectId}:${emulator.secret}`)}`,
        'content-type': 'application/json',
      },
      body: JSON.stringify(body),
    }),
  );
  const answer = (await response.json()) as Record<string, { organization_id: string }>;
  assert.equal(response.status, 200, JSON.stringify(answer));
  return answer;
}

async function organization(name: string, extra: object = {}): Promise<string> {
  const { organization } = await admin('/v1/b2b/organizations', {
    organization_name: name,
    ...extra,
  });
  return organization.organization_id as string;
}

const addMember = (organizationId: string, email: string, extra: object = {}) =>
  admin(`/v1/b2b/organizations/${organizationId}/members`, { email_address: email, ...extra });

function gatewayFor(options: Partial<GatewayOptions> = {}) {
  return createGateway({
    projectId: emulator.projectId,
    secret: emulator.secret,
    upstream: 'http://emulator.invalid',
    fetch: (input, init) => emulator.fetch(new Request(input, init)),
    ...options,
  });
}

function lastCode(to: string): string {
  const message = emulator.outbox().findLast((m) => m.to === to);
  assert.ok(message, `a message to ${to}`);
  return message.code;
}

const names = (list: Discovered[]) =>
  Object.fromEntries(list.map((d) => [d.organization.organization_name, d]));

/** Sends a discovery code and proves it: the answer with the organizations. */
async function discover(user: Browser, email: string) {
  assert.equal((await user.post(SEND, { email_address: email })).response.status, 200);
  const proven = await user.post(AUTH, { email_address: email, code: lastCode(email) });
  assert.equal(proven.response.status, 200, JSON.stringify(proven.body));
  return proven as typeof proven & { body: { discovered_organizations: Discovered[] } };
}

describe('gateway: discovery login', () => {
  let active: string;
  let mfa: string;
  let pending: string;

  beforeEach(async () => {
    emulator = await createEmulator({ seed: false, log: () => {}, clock: { now: () => now } });
    active = await organization('Active Co');
    mfa = await organization('MFA Co', { mfa_policy: 'REQUIRED_FOR_ALL' });
    pending = await organization('Pending Co');
    await addMember(active, 'sam@disc.test');
    await addMember(mfa, 'sam@disc.test');
    await addMember(pending, 'sam@disc.test', { create_member_as_pending: true });
  });
  afterEach(() => emulator.close());

  it('answers a send the same for any address, naming no organization', async () => {
    const user = browser(gatewayFor(), BASE);
    const member = await user.post(SEND, { email_address: 'sam@disc.test' });
    const stranger = await user.post(SEND, { email_address: 'nobody@elsewhere.test' });
    for (const { response, body } of [member, stranger]) {
      assert.equal(response.status, 200);
      assert.deepEqual(Object.keys(body).sort(), ['request_id', 'status_code']);
    }
    assert.deepEqual(user.jar.names(), []);
  });

  it('hands out the organizations only for the right code, and the IST only as a cookie', async () => {
    const user = browser(gatewayFor(), BASE);
    await user.post(SEND, { email_address: 'sam@disc.test' });
    const wrong = await user.post(AUTH, { email_address: 'sam@disc.test', code: '000000' });
    assert.equal(wrong.response.status, 404);
    assert.equal(wrong.body.error_type, 'otp_code_not_found');
    assert.equal('discovered_organizations' in wrong.body, false);
    assert.deepEqual(user.jar.names(), []);

    const { response, body } = await discover(user, 'sam@disc.test');
    assertNoTokens(body);
    assert.deepEqual(attributesOf(findCookie(response, IST)), COOKIE_ATTRIBUTES_HTTPS);
    assert.deepEqual(user.jar.names(), [IST]);
    const found = names(body.discovered_organizations);
    assert.deepEqual(Object.keys(found).sort(), ['Active Co', 'MFA Co', 'Pending Co']);
    assert.equal(found['Active Co']!.membership.type, 'active_member');
    assert.equal(found['Pending Co']!.membership.type, 'pending_member');
    assert.equal(found['Active Co']!.member_authenticated, true);
    assert.equal(found['MFA Co']!.member_authenticated, false);
    assert.ok(found['MFA Co']!.mfa_required);
    // The membership names the member by id and status only.
    assert.deepEqual(Object.keys(found['Active Co']!.membership.member!).sort(), [
      'member_id',
      'organization_id',
      'status',
    ]);
  });

  it('exchanges the IST from its cookie for a session; a body token is never used', async () => {
    const user = browser(gatewayFor(), BASE);
    await discover(user, 'sam@disc.test');
    const signedIn = await user.post(EXCHANGE, {
      organization_id: active,
      intermediate_session_token: 'forged',
    });
    assert.equal(signedIn.response.status, 200, JSON.stringify(signedIn.body));
    assert.equal(signedIn.body.member_authenticated, true);
    assert.equal(signedIn.body.organization.organization_id, active);
    assertNoTokens(signedIn.body);
    assert.equal(findCookie(signedIn.response, IST)?.maxAge, 0);
    assert.deepEqual(user.jar.names(), [SESSION, '__Host-otp_session_jwt']);

    const again = await user.post(EXCHANGE, { organization_id: mfa });
    assert.equal(again.response.status, 404);
    assert.equal(again.body.error_type, 'intermediate_session_not_found');
  });

  it('continues into SMS MFA with the same IST cookie after a pick that needs it', async () => {
    const user = browser(gatewayFor(), BASE);
    await discover(user, 'sam@disc.test');
    const ist = user.jar.get(IST);
    const pending = await user.post(EXCHANGE, { organization_id: mfa });
    assert.equal(pending.response.status, 200, JSON.stringify(pending.body));
    assert.equal(pending.body.member_authenticated, false);
    assert.equal(pending.body.member_session, null);
    assertNoTokens(pending.body);
    assert.equal(user.jar.get(IST), ist);

    const sent = await user.post('/api/v1/b2b/otps/sms/send', {
      organization_id: mfa,
      member_id: pending.body.member_id,
      mfa_phone_number: '+15555550177',
    });
    assert.equal(sent.response.status, 200, JSON.stringify(sent.body));
    const done = await user.post('/api/v1/b2b/otps/sms/authenticate', {
      organization_id: mfa,
      member_id: pending.body.member_id,
      code: lastCode('+15555550177'),
    });
    assert.equal(done.response.status, 200, JSON.stringify(done.body));
    assert.equal(done.body.member_session!.authentication_factors.length, 2);
    assert.deepEqual(user.jar.names(), [SESSION, '__Host-otp_session_jwt']);
  });

  it('refuses an exchange without the cookie, and clears an expired IST', async () => {
    const user = browser(gatewayFor(), BASE);
    const none = await user.post(EXCHANGE, { organization_id: active });
    assert.equal(none.response.status, 404);
    assert.equal(none.body.error_type, 'intermediate_session_not_found');

    await discover(user, 'sam@disc.test');
    now += 11 * 60_000;
    const late = await user.post(EXCHANGE, { organization_id: active });
    assert.equal(late.response.status, 404);
    assert.equal(late.body.error_type, 'intermediate_session_not_found');
    assert.equal(findCookie(late.response, IST)?.maxAge, 0);
    assert.deepEqual(user.jar.names(), []);
  });

  it('lists a JIT-eligible organization by email domain and joins it', async () => {
    const jit = await organization('Domain Co', {
      email_jit_provisioning: 'RESTRICTED',
      email_allowed_domains: ['disc.test'],
    });
    // Joining by domain needs one verified member of that domain: sam, after a login.
    await addMember(jit, 'boss@disc.test');
    const boss = browser(gatewayFor(), BASE);
    await discover(boss, 'boss@disc.test');
    assert.equal((await boss.post(EXCHANGE, { organization_id: jit })).response.status, 200);

    const user = browser(gatewayFor(), BASE);
    const { body } = await discover(user, 'new@disc.test');
    const entry = names(body.discovered_organizations)['Domain Co'];
    assert.deepEqual(entry?.membership, {
      type: 'eligible_to_join_by_email_domain',
      details: { domain: 'disc.test' },
      member: null,
    });
    const joined = await user.post(EXCHANGE, { organization_id: jit });
    assert.equal(joined.response.status, 200, JSON.stringify(joined.body));
    assert.equal(joined.body.member.email_address, 'new@disc.test');
  });

  it('creates an organization with a checked slug, unless the organizations are fixed', async () => {
    const user = browser(gatewayFor(), BASE);
    await discover(user, 'founder@new.test');
    const bad = await user.post(CREATE, {
      organization_name: 'New Co',
      organization_slug: 'new co',
    });
    assert.equal(bad.response.status, 400);
    assert.match(
      String((bad.body as { error_message?: string }).error_message),
      /organization_slug/,
    );
    const created = await user.post(CREATE, {
      organization_name: 'New Co',
      organization_slug: 'new-co',
    });
    assert.equal(created.response.status, 200, JSON.stringify(created.body));
    assert.equal(created.body.member_authenticated, true);
    assertNoTokens(created.body);
    assert.deepEqual(user.jar.names(), [SESSION, '__Host-otp_session_jwt']);

    const fixed = browser(gatewayFor({ allowedOrganizationIds: [active] }), BASE);
    const { body } = await discover(fixed, 'sam@disc.test');
    assert.deepEqual(
      body.discovered_organizations.map((d) => d.organization.organization_id),
      [active],
    );
    const refused = await fixed.post(CREATE, {
      organization_name: 'Other',
      organization_slug: 'other',
    });
    assert.equal(refused.response.status, 403);
    assert.equal(refused.body.error_type, 'organization_creation_not_allowed');
  });

  it('switches organizations with the session cookie and revokes the session it replaces', async () => {
    const gateway = gatewayFor();
    const user = browser(gateway, BASE);
    assert.equal((await user.post(SWITCH, { organization_id: pending })).response.status, 401);
    await discover(user, 'sam@disc.test');
    await user.post(EXCHANGE, { organization_id: active });
    const before = user.jar.header();

    const mine = await user.post(LIST);
    assert.equal(mine.response.status, 200);
    const listed = (mine.body as unknown as { discovered_organizations: Discovered[] })
      .discovered_organizations;
    assert.deepEqual(Object.keys(names(listed)).sort(), ['Active Co', 'MFA Co', 'Pending Co']);

    const switched = await user.post(SWITCH, { organization_id: pending });
    assert.equal(switched.response.status, 200, JSON.stringify(switched.body));
    assert.equal(switched.body.organization.organization_id, pending);
    assert.equal(switched.body.member_authenticated, true);
    assertNoTokens(switched.body);
    assert.equal((await user.get('/api/session')).body.organization.organization_id, pending);

    const old = await gateway(
      new Request(`${BASE}/api/session`, {
        headers: { cookie: before, 'x-otp-auth': '1', 'sec-fetch-site': 'same-origin' },
      }),
    );
    assert.equal(old.status, 401);
  });

  it('counts discovery sends in the abuse limits like any email send', async () => {
    const limited = gatewayFor({
      rateLimits: { perIdentifier: { send: [{ limit: 1, windowSeconds: 60 }] } },
    });
    const user = browser(limited, BASE);
    assert.equal((await user.post(SEND, { email_address: 'sam@disc.test' })).response.status, 200);
    const second = await user.post(SEND, { email_address: 'Sam@disc.test' });
    assert.equal(second.response.status, 429);
    assert.ok(second.response.headers.get('retry-after'));
  });
});
