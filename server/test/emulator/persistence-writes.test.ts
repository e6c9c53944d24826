// The data file is written when, and only when, a request changed the persisted state: a request
// that changes nothing serializes and writes nothing; every change is on disk before its answer.

import assert from 'node:assert/strict';
import { readFile, stat } from 'node:fs/promises';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, it, mock } from 'node:test';
import fc from 'fast-check';
import type { Core } from '../../src/emulator/core.js';
import { openEmulator } from '../../src/emulator/open.js';
import { Records } from '../../src/emulator/records.js';
import type { EmulatorOptions } from '../../src/emulator/types.js';
import { FakeClock, MINUTE, TestApi, tempDir, type Reply } from './support.js';

async function open(options: EmulatorOptions & { clock: FakeClock }) {
  const lines: string[] = [];
  const { emulator, core } = await openEmulator({ log: (line) => lines.push(line), ...options });
  return { api: new TestApi(emulator, options.clock, lines), core };
}

/** What the file holds and what memory holds, as the same JSON value. */
const onDisk = async (file: string) => JSON.parse(await readFile(file, 'utf8')) as unknown;
const inMemory = (core: Core) => JSON.parse(core.snapshot()) as unknown;

describe('persistence: what a request writes', () => {
  let dir: Awaited<ReturnType<typeof tempDir>>;
  beforeEach(async () => {
    dir = await tempDir();
  });
  afterEach(async () => {
    mock.restoreAll();
    await dir.remove();
  });

  it('serializes and writes nothing for requests that change nothing', async () => {
    const file = join(dir.path, 'emulator.json');
    const clock = new FakeClock();
    const { api } = await open({ dataFile: file, clock });
    const acme = api.emulator.seedInfo!.organizations[0]!;
    const ada = acme.members.find((m) => m.email_address === 'ada@example.com')!;
    const login = await api.session(acme.organization_id, 'ada@example.com');
    const before = await readFile(file, 'utf8');
    const mtime = (await stat(file)).mtimeMs;
    const serialized = mock.method(Records.prototype, 'toJSON');

    const reads: (() => Promise<Reply>)[] = [
      () => api.post('/v1/b2b/sessions/authenticate', { session_token: login.session_token }),
      () => api.post('/v1/b2b/sessions/authenticate', { session_jwt: login.session_jwt }),
      () => api.get(`/v1/b2b/organizations/${acme.organization_id}`),
      () =>
        api.get(`/v1/b2b/organizations/${acme.organization_id}/member?member_id=${ada.member_id}`),
      () =>
        api.get(
          `/v1/b2b/sessions?organization_id=${acme.organization_id}&member_id=${ada.member_id}`,
        ),
      () => api.post('/v1/b2b/discovery/organizations', { session_token: login.session_token }),
      // Refused requests change nothing either.
      () => api.get('/v1/b2b/organizations/no-such-org'),
      () => api.post('/v1/b2b/sessions/authenticate', { session_token: 'not-a-token' }),
      () => api.post('/v1/b2b/organizations', {}),
    ];
    for (const read of reads) {
      const reply = await read();
      assert.ok(reply.status < 500, JSON.stringify(reply.body));
    }
    assert.equal(serialized.mock.callCount(), 0, 'no request serialized the state');
    assert.equal(await readFile(file, 'utf8'), before);
    assert.equal((await stat(file)).mtimeMs, mtime);
    await api.emulator.close();
  });

  it('writes a wrong code: the failure counts towards the user lock', async () => {
    const file = join(dir.path, 'emulator.json');
    const clock = new FakeClock();
    const { api, core } = await open({ dataFile: file, clock });
    const acme = api.emulator.seedInfo!.organizations[0]!;
    const ada = acme.members.find((m) => m.email_address === 'ada@example.com')!;
    await api.sendEmail(acme.organization_id, 'ada@example.com');
    const wrong = api.lastCode('ada@example.com') === '000000' ? '111111' : '000000';
    const reply = await api.authenticateEmail(acme.organization_id, 'ada@example.com', wrong);
    assert.equal(reply.status, 404);
    const state = (await onDisk(file)) as { guards: Record<string, { failures: number }> };
    assert.equal(state.guards[ada.member_id]?.failures, 1);
    assert.deepEqual(await onDisk(file), inMemory(core));
    await api.emulator.close();
  });

  it('has what the sweep forgets on disk: a JIT member, an expired session, an idle guard', async () => {
    const file = join(dir.path, 'emulator.json');
    const clock = new FakeClock();
    const { api, core } = await open({ dataFile: file, clock });
    const acme = api.emulator.seedInfo!.organizations[0]!.organization_id;
    const read = () => api.get(`/v1/b2b/organizations/${acme}`);
    const state = async () =>
      (await onDisk(file)) as { members: object; sessions: object; guards: object };
    const count = (records: object) => Object.keys(records).length;

    const before = await state();
    await api.sendEmail(acme, 'jit@example.com');
    await api.session(acme, 'ada@example.com');
    assert.equal(count((await state()).members), count(before.members) + 1);
    // The JIT member's code expires (10 minutes) while its send still counts (15 minutes).
    clock.advance(11 * MINUTE);
    await read();
    assert.equal(count((await state()).members), count(before.members));
    assert.deepEqual(await onDisk(file), inMemory(core));
    // Sends leave the window: the guards go.
    clock.advance(5 * MINUTE);
    await read();
    assert.equal(count((await state()).guards), 0);
    assert.deepEqual(await onDisk(file), inMemory(core));
    // The session (60 minutes) expires.
    clock.advance(60 * MINUTE);
    await read();
    assert.equal(count((await state()).sessions), 0);
    assert.deepEqual(await onDisk(file), inMemory(core));
    await api.emulator.close();
  });

  it('has every change on disk before its answer (random sequences of API calls)', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(action, { minLength: 1, maxLength: 14 }), async (actions) => {
        const run = await tempDir();
        try {
          const file = join(run.path, 'emulator.json');
          const clock = new FakeClock();
          const { api, core } = await open({ dataFile: file, clock });
          const world = new World(api, async (what) => {
            const disk = await onDisk(file);
            assert.deepEqual(disk, inMemory(core), `after ${what}`);
            // A restart from the file holds what memory held.
            const restarted = await open({ dataFile: file, clock, seed: false });
            assert.deepEqual(inMemory(restarted.core), disk, `restart after ${what}`);
            await restarted.api.emulator.close();
          });
          for (const step of actions) await world.perform(step);
          await api.emulator.close();
        } finally {
          await run.remove();
        }
      }),
      { numRuns: 60 },
    );
  });
});

// Random API calls -------------------------------------------------------------------------------

const EMAILS = ['ada@example.com', 'sam@example.com', 'new@example.com', 'kim@corp.test'];
const PHONES = ['+15555550101', '+15555550102'];
// Mostly the first few: the seeded organizations and members, and the latest tokens.
const pick = fc.oneof(fc.nat(3), fc.nat(1000));

const action = fc.oneof(
  fc.record({
    kind: fc.constant('createOrg' as const),
    slug: fc.constantFrom('one', 'two', undefined),
    mfa: fc.constantFrom('OPTIONAL', 'REQUIRED_FOR_ALL'),
  }),
  fc.record({
    kind: fc.constant('updateOrg' as const),
    org: pick,
    fields: fc.constantFrom<Record<string, unknown>>(
      { organization_name: 'Renamed' },
      { mfa_policy: 'REQUIRED_FOR_ALL' },
      { mfa_policy: 'OPTIONAL' },
      { email_allowed_domains: ['corp.test'], email_jit_provisioning: 'RESTRICTED' },
      { trusted_metadata: { tier: 'gold' } },
      { organization_external_id: 'ext-1' },
    ),
  }),
  fc.record({
    kind: fc.constant('createMember' as const),
    org: pick,
    email: fc.constantFrom(...EMAILS),
  }),
  fc.record({
    kind: fc.constant('updateMember' as const),
    member: pick,
    fields: fc.constantFrom<Record<string, unknown>>(
      { name: 'Changed' },
      { external_id: 'member-ext' },
      { mfa_phone_number: PHONES[0] },
      { trusted_metadata: { a: 1 } },
      { untrusted_metadata: { b: 2 } },
      { is_breakglass: true },
      { email_address: 'moved@example.com' },
    ),
  }),
  fc.record({ kind: fc.constant('deletePhone' as const), member: pick }),
  fc.record({ kind: fc.constant('login' as const), member: pick, sms: fc.boolean() }),
  fc.record({
    kind: fc.constant('sendEmail' as const),
    org: pick,
    email: fc.constantFrom(...EMAILS),
  }),
  fc.record({
    kind: fc.constant('authEmail' as const),
    org: pick,
    email: fc.constantFrom(...EMAILS),
    right: fc.boolean(),
    minutes: fc.constantFrom(undefined, 5, 600),
  }),
  fc.record({
    kind: fc.constant('sendSms' as const),
    member: pick,
    ist: pick,
    phone: fc.constantFrom(undefined, ...PHONES),
  }),
  fc.record({
    kind: fc.constant('authSms' as const),
    member: pick,
    ist: pick,
    right: fc.boolean(),
    enroll: fc.constantFrom(undefined, 'enroll', 'unenroll'),
  }),
  fc.record({ kind: fc.constant('discover' as const), email: fc.constantFrom(...EMAILS) }),
  fc.record({
    kind: fc.constant('discoverAuth' as const),
    email: fc.constantFrom(...EMAILS),
    right: fc.boolean(),
  }),
  fc.record({ kind: fc.constant('discoveryCreate' as const), ist: pick }),
  fc.record({ kind: fc.constant('discoveryExchange' as const), ist: pick, org: pick }),
  fc.record({
    kind: fc.constant('sessionAuth' as const),
    session: pick,
    jwt: fc.boolean(),
    minutes: fc.constantFrom(undefined, 1, 60),
    claims: fc.constantFrom(undefined, { role: 'x' }, { role: null }),
  }),
  fc.record({ kind: fc.constant('sessionRevoke' as const), session: pick, member: fc.boolean() }),
  fc.record({ kind: fc.constant('sessionExchange' as const), session: pick, org: pick }),
  fc.record({ kind: fc.constant('read' as const), org: pick, member: pick }),
  fc.record({
    kind: fc.constant('advance' as const),
    minutes: fc.constantFrom(1, 11, 16, 61, 24 * 60),
  }),
);

type Action = typeof action extends fc.Arbitrary<infer A> ? A : never;

const at = <T>(list: readonly T[], index: number): T | undefined =>
  list.length ? list[index % list.length] : undefined;

/** The ids, tokens and ISTs answers have handed out so far, for later calls to use. */
class World {
  readonly orgs: string[] = [];
  readonly members: { org: string; id: string; email: string }[] = [];
  readonly sessions: { token: string; jwt: string; org: string; member: string }[] = [];
  readonly ists: string[] = [];

  constructor(
    readonly api: TestApi,
    /** Runs after every request. */
    private readonly check: (what: string) => Promise<void>,
  ) {
    for (const org of api.emulator.seedInfo!.organizations) {
      this.orgs.push(org.organization_id);
      for (const m of org.members) {
        this.members.push({ org: org.organization_id, id: m.member_id, email: m.email_address });
      }
    }
  }

  async perform(step: Action): Promise<void> {
    if (step.kind === 'login') return this.login(step);
    await this.answer(JSON.stringify(step), this.call(step));
  }

  private async answer(
    what: string,
    call: Promise<Reply> | undefined | '',
  ): Promise<Reply | undefined> {
    if (!call) return undefined;
    const reply = await call;
    assert.ok(reply.status < 500, `${what}: ${JSON.stringify(reply.body)}`);
    this.learn(reply.body);
    await this.check(what);
    return reply;
  }

  /** A whole login of a known member: email code, then (with `sms`) an SMS code with the IST. */
  private async login(step: { member: number; sms: boolean }): Promise<void> {
    const m = at(this.members, step.member);
    if (!m) return;
    const what = (part: string) => `${JSON.stringify(step)}: ${part}`;
    const api = this.api;
    const sent = await this.answer(what('send'), api.sendEmail(m.org, m.email));
    if (sent?.status !== 200) return;
    const code = this.code(m.email, true);
    const done = await this.answer(what('email code'), api.authenticateEmail(m.org, m.email, code));
    const ist = done?.body.intermediate_session_token as string | undefined;
    if (!step.sms || !ist) return;
    const phone = done?.body.member.mfa_phone_number ? {} : { mfa_phone_number: PHONES[1] };
    const texted = await this.answer(
      what('send sms'),
      api.sendSms(m.org, m.id, { ...phone, intermediate_session_token: ist }),
    );
    if (texted?.status !== 200) return;
    const sms = api.emulator.outbox().at(-1)!;
    await this.answer(
      what('sms code'),
      api.authenticateSms(m.org, m.id, sms.code, { intermediate_session_token: ist }),
    );
  }

  private learn(body: Record<string, unknown> | undefined): void {
    if (!body || typeof body !== 'object') return;
    const org = (body.organization as { organization_id?: string } | undefined)?.organization_id;
    if (org && !this.orgs.includes(org)) this.orgs.push(org);
    const member = body.member as
      { member_id: string; organization_id: string; email_address: string } | undefined;
    if (member?.member_id && !this.members.some((m) => m.id === member.member_id)) {
      this.members.push({
        org: member.organization_id,
        id: member.member_id,
        email: member.email_address,
      });
    }
    if (typeof body.session_token === 'string' && body.session_token && member) {
      this.sessions.push({
        token: body.session_token,
        jwt: body.session_jwt as string,
        org: member.organization_id,
        member: member.member_id,
      });
    }
    const ist = body.intermediate_session_token;
    if (typeof ist === 'string' && ist) this.ists.push(ist);
  }

  private code(to: string, right: boolean): string {
    const last = this.api.emulator
      .outbox()
      .filter((m) => m.to === to)
      .at(-1)?.code;
    if (right && last) return last;
    return last === '000000' ? '111111' : '000000';
  }

  /** The answer to the call, or nothing when the world has nothing to make the call with yet. */
  private call(step: Exclude<Action, { kind: 'login' }>): Promise<Reply> | undefined | '' {
    const api = this.api;
    switch (step.kind) {
      case 'createOrg':
        return api.post('/v1/b2b/organizations', {
          organization_name: `Org ${step.slug ?? 'x'}`,
          ...(step.slug && { organization_slug: step.slug }),
          mfa_policy: step.mfa,
        });
      case 'updateOrg': {
        const org = at(this.orgs, step.org);
        return org && api.put(`/v1/b2b/organizations/${org}`, step.fields);
      }
      case 'createMember': {
        const org = at(this.orgs, step.org);
        return (
          org && api.post(`/v1/b2b/organizations/${org}/members`, { email_address: step.email })
        );
      }
      case 'updateMember': {
        const m = at(this.members, step.member);
        return m && api.put(`/v1/b2b/organizations/${m.org}/members/${m.id}`, step.fields);
      }
      case 'deletePhone': {
        const m = at(this.members, step.member);
        return (
          m &&
          api.request('DELETE', `/v1/b2b/organizations/${m.org}/members/mfa_phone_numbers/${m.id}`)
        );
      }
      case 'sendEmail': {
        const org = at(this.orgs, step.org);
        return org && api.sendEmail(org, step.email);
      }
      case 'authEmail': {
        const org = at(this.orgs, step.org);
        return (
          org &&
          api.authenticateEmail(org, step.email, this.code(step.email, step.right), {
            ...(step.minutes && { session_duration_minutes: step.minutes }),
          })
        );
      }
      case 'sendSms': {
        const m = at(this.members, step.member);
        const ist = at(this.ists, step.ist);
        return (
          m &&
          api.sendSms(m.org, m.id, {
            ...(step.phone && { mfa_phone_number: step.phone }),
            ...(ist && { intermediate_session_token: ist }),
          })
        );
      }
      case 'authSms': {
        const m = at(this.members, step.member);
        const ist = at(this.ists, step.ist);
        const sms = api.emulator
          .outbox()
          .filter((message) => message.channel === 'sms' && message.member_id === m?.id)
          .at(-1);
        const code = step.right && sms ? sms.code : sms?.code === '000000' ? '111111' : '000000';
        return (
          m &&
          ist &&
          api.authenticateSms(m.org, m.id, code, {
            intermediate_session_token: ist,
            ...(step.enroll && { set_mfa_enrollment: step.enroll }),
          })
        );
      }
      case 'discover':
        return api.post('/v1/b2b/otps/email/discovery/send', { email_address: step.email });
      case 'discoverAuth':
        return api.post('/v1/b2b/otps/email/discovery/authenticate', {
          email_address: step.email,
          code: this.code(step.email, step.right),
        });
      case 'discoveryCreate': {
        const ist = at(this.ists, step.ist);
        return (
          ist &&
          api.post('/v1/b2b/discovery/organizations/create', {
            intermediate_session_token: ist,
            organization_name: 'Discovered',
          })
        );
      }
      case 'discoveryExchange': {
        const ist = at(this.ists, step.ist);
        const org = at(this.orgs, step.org);
        return (
          ist &&
          org &&
          api.post('/v1/b2b/discovery/intermediate_sessions/exchange', {
            intermediate_session_token: ist,
            organization_id: org,
          })
        );
      }
      case 'sessionAuth': {
        const s = at(this.sessions, step.session);
        return (
          s &&
          api.post('/v1/b2b/sessions/authenticate', {
            ...(step.jwt ? { session_jwt: s.jwt } : { session_token: s.token }),
            ...(step.minutes && { session_duration_minutes: step.minutes }),
            ...(step.claims && { session_custom_claims: step.claims }),
          })
        );
      }
      case 'sessionRevoke': {
        const s = at(this.sessions, step.session);
        return (
          s &&
          api.post(
            '/v1/b2b/sessions/revoke',
            step.member ? { member_id: s.member } : { session_token: s.token },
          )
        );
      }
      case 'sessionExchange': {
        const s = at(this.sessions, step.session);
        const org = at(this.orgs, step.org);
        return (
          s &&
          org &&
          api.post('/v1/b2b/sessions/exchange', { session_token: s.token, organization_id: org })
        );
      }
      case 'read': {
        const org = at(this.orgs, step.org);
        const m = at(this.members, step.member);
        return m
          ? api.get(`/v1/b2b/sessions?organization_id=${m.org}&member_id=${m.id}`)
          : org
            ? api.get(`/v1/b2b/organizations/${org}`)
            : undefined;
      }
      case 'advance':
        this.api.clock.advance(step.minutes * MINUTE);
        return undefined;
    }
  }
}
