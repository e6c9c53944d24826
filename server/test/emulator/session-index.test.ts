// Finding a session by its token (sessions/authenticate, sessions/revoke, a session passed to an OTP
// authenticate or to discovery) and a member's sessions (list, revoke by member_id) answer from
// indexes, not by scanning every session. These tests hold the indexes to what a scan of every
// record answers, through creates, token rotation, revocation, expiry, the sweep, reloads of the
// data file and the roll-back after a failed save.

import assert from 'node:assert/strict';
import { mkdir, rm, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { before, describe, it } from 'node:test';
import fc from 'fast-check';
import { Core } from '../../src/emulator/core.js';
import { sha256 } from '../../src/emulator/crypto.js';
import { SigningKeys } from '../../src/emulator/keys.js';
import { Records, type PersistedState } from '../../src/emulator/records.js';
import { createOrganization } from '../../src/emulator/routes/organizations.js';
import type { SessionRecord } from '../../src/emulator/types.js';
import {
  assertStytchError,
  bareCore,
  FakeClock,
  MINUTE,
  setup,
  tempDir,
  testKeys,
  type TestApi,
} from './support.js';

let keys: SigningKeys;
before(async () => {
  keys = await testKeys();
});

function newCore() {
  const made = bareCore(keys);
  const { core } = made;
  const org = createOrganization(core, { organization_name: 'Sessions Co' });
  const members = ['ada@a.test', 'bob@a.test', 'cy@a.test'].map((email) =>
    core.addMember(org, email, 'active'),
  );
  const memberIds = members.map((m) => m.member_id);
  /** Each lookup agrees with a scan, for the given tokens and every member, now. */
  const agree = (tokens: readonly string[], context = '') =>
    assertLookupsAgree(made.core, made.records, made.clock.now(), tokens, memberIds, context);
  return { ...made, members, memberIds, agree };
}

/** Two sessions of the first member, one of the second. */
function threeSessions() {
  const made = newCore();
  const [ada, bob] = made.members;
  const one = made.core.sessions.create(ada!, []);
  const two = made.core.sessions.create(ada!, []);
  const three = made.core.sessions.create(bob!, []);
  return { ...made, ada: ada!, bob: bob!, one, two, three };
}

// Brute force: what the lookups answered when they scanned every session. Pure (drops nothing).
function scanByToken(records: Records, now: number, token: string): SessionRecord | undefined {
  const hash = sha256(token);
  const match = [...records.sessions.values()].find((s) => s.token_hash === hash);
  if (!match) return undefined;
  const session = records.sessions.get(match.member_session_id);
  return session && session.expires_at > now ? session : undefined;
}
const scanOfMember = (records: Records, now: number, memberId: string) =>
  [...records.sessions.values()].filter((s) => s.member_id === memberId && s.expires_at > now);

/** Each lookup agrees with a scan of every record, for every token ever issued and every member. */
function assertLookupsAgree(
  core: Core,
  records: Records,
  now: number,
  tokens: readonly string[],
  memberIds: readonly string[],
  context = '',
): void {
  for (const token of tokens) {
    const expected = scanByToken(records, now, token);
    assert.equal(core.sessions.byToken(token), expected, `byToken ${context}`);
  }
  for (const memberId of memberIds) {
    const expected = scanOfMember(records, now, memberId);
    assert.deepEqual(
      core.sessions.ofMember(memberId).map((s) => s.member_session_id),
      expected.map((s) => s.member_session_id),
      `ofMember ${context}`,
    );
  }
  // Every session is filed under its token hash and its member, and nothing else is kept.
  assert.deepEqual(
    records.sessionIndex.size,
    { sessions: records.sessions.size, entries: 2 * records.sessions.size },
    `index size ${context}`,
  );
}

const roundTrip = (records: Records): PersistedState =>
  JSON.parse(JSON.stringify(records.toJSON())) as PersistedState;

describe('session indexes', () => {
  it('finds a created session by its token and lists it under its member only', () => {
    const { core, agree, ada, bob, one, two, three } = threeSessions();
    assert.equal(core.sessions.byToken(one.token), one.session);
    assert.equal(core.sessions.byToken(three.token), three.session);
    assert.equal(core.sessions.byToken('not-a-token'), undefined);
    assert.deepEqual(core.sessions.ofMember(ada.member_id), [one.session, two.session]);
    assert.deepEqual(core.sessions.ofMember(bob.member_id), [three.session]);
    agree([one.token, two.token, three.token]);
  });

  it('follows a rotation: the new token finds the session, the old one nothing', () => {
    const { core, agree, members } = newCore();
    const { session, token } = core.sessions.create(members[0]!, []);
    const rotated = core.sessions.rotate(session);
    assert.equal(core.sessions.byToken(token), undefined);
    assert.equal(core.sessions.byToken(rotated), session);
    const again = core.sessions.rotate(session);
    assert.equal(core.sessions.byToken(rotated), undefined);
    assert.equal(core.sessions.byToken(again), session);
    agree([token, rotated, again]);
  });

  it('forgets a revoked session, alone or with the rest of its member’s', () => {
    const { core, records, agree, ada, one, two, three } = threeSessions();
    core.sessions.revoke(one.session);
    assert.equal(core.sessions.byToken(one.token), undefined);
    assert.deepEqual(core.sessions.ofMember(ada.member_id), [two.session]);
    assert.equal(core.sessions.revokeMember(ada.member_id), 1);
    assert.equal(core.sessions.byToken(two.token), undefined);
    assert.deepEqual(core.sessions.ofMember(ada.member_id), []);
    assert.equal(core.sessions.byToken(three.token), three.session);
    assert.deepEqual(records.sessionIndex.size, { sessions: 1, entries: 2 });
    agree([one.token, two.token, three.token]);
  });

  it('drops an expired session when a lookup, a listing or the sweep meets it', () => {
    const { core, records, clock, members, agree } = newCore();
    const [ada, bob] = members;
    const short = core.sessions.create(ada!, [], 5);
    const listed = core.sessions.create(ada!, [], 5);
    const swept = core.sessions.create(bob!, [], 5);
    const long = core.sessions.create(bob!, [], 60);
    clock.advance(5 * MINUTE);
    assert.equal(core.sessions.byToken(short.token), undefined);
    assert.equal(records.sessions.has(short.session.member_session_id), false);
    assert.deepEqual(core.sessions.ofMember(ada!.member_id), []);
    assert.equal(records.sessions.has(listed.session.member_session_id), false);
    core.sessions.prune();
    assert.equal(records.sessions.has(swept.session.member_session_id), false);
    assert.deepEqual(records.sessionIndex.size, { sessions: 1, entries: 2 });
    assert.equal(core.sessions.byToken(long.token), long.session);
    agree([short.token, listed.token, swept.token, long.token]);
  });

  it('rebuilds from a loaded state, as at start-up and after a failed save is undone', () => {
    const { core, records, members, agree } = newCore();
    const [ada, bob] = members;
    const kept = core.sessions.create(ada!, []);
    const revokedLater = core.sessions.create(ada!, []);
    const rotatedLater = core.sessions.create(bob!, []);
    const state = roundTrip(records);
    // Changes after the state was saved: undone once it is loaded.
    const madeLater = core.sessions.create(bob!, []);
    core.sessions.revoke(revokedLater.session);
    const rotated = core.sessions.rotate(rotatedLater.session);
    records.load(state);
    assert.equal(core.sessions.byToken(madeLater.token), undefined);
    assert.equal(core.sessions.byToken(rotated), undefined);
    const loaded = core.sessions.byToken(rotatedLater.token);
    assert.equal(loaded?.member_session_id, rotatedLater.session.member_session_id);
    assert.notEqual(loaded, rotatedLater.session, 'the loaded record, not the one from before');
    assert.equal(
      core.sessions.byToken(revokedLater.token)?.member_session_id,
      revokedLater.session.member_session_id,
    );
    assert.deepEqual(
      core.sessions.ofMember(ada!.member_id).map((s) => s.member_session_id),
      [kept.session.member_session_id, revokedLater.session.member_session_id],
    );
    // A rotation of a loaded record is followed too.
    const next = core.sessions.rotate(loaded!);
    assert.equal(core.sessions.byToken(next), loaded);
    assert.equal(core.sessions.byToken(rotatedLater.token), undefined);
    const tokens = [kept, revokedLater, rotatedLater, madeLater].map((s) => s.token);
    agree([...tokens, rotated, next]);
  });

  it('answers as a scan for a hand-edited file with two sessions of one token', () => {
    const { core, records, members, agree } = newCore();
    const first = core.sessions.create(members[0]!, []);
    const state = roundTrip(records);
    const copyId = 'member-session-test-00000000-0000-0000-0000-000000000001';
    state.sessions[copyId] = {
      ...state.sessions[first.session.member_session_id]!,
      member_session_id: copyId,
      member_id: members[1]!.member_id,
    };
    records.load(state);
    assert.equal(
      core.sessions.byToken(first.token)?.member_session_id,
      first.session.member_session_id,
    );
    agree([first.token]);
    core.sessions.revoke(core.sessions.byToken(first.token)!);
    assert.equal(core.sessions.byToken(first.token)?.member_session_id, copyId);
    agree([first.token]);
  });

  it('property: after any sequence of changes, every lookup answers as a scan of every session', () => {
    const index = fc.nat({ max: 50 });
    const op = fc.oneof(
      fc.record({
        kind: fc.constant('create' as const),
        member: index,
        minutes: fc.constantFrom(5, 30, 60),
      }),
      fc.record({ kind: fc.constant('rotate' as const), token: index }),
      fc.record({ kind: fc.constant('revoke' as const), token: index }),
      fc.record({ kind: fc.constant('revokeMember' as const), member: index }),
      fc.record({
        kind: fc.constant('touch' as const),
        token: index,
        minutes: fc.option(fc.constantFrom(5, 30)),
      }),
      fc.record({
        kind: fc.constant('advance' as const),
        minutes: fc.integer({ min: 1, max: 20 }),
      }),
      fc.record({ kind: fc.constant('prune' as const) }),
      fc.record({
        kind: fc.constant('reload' as const),
        forget: fc.option(index),
        duplicate: fc.option(index),
      }),
    );
    fc.assert(
      fc.property(fc.array(op, { maxLength: 40 }), (ops) => {
        const { core, records, clock, memberIds, agree } = newCore();
        const tokens: string[] = [];
        const pick = <T>(list: readonly T[], i: number): T | undefined =>
          list.length ? list[i % list.length] : undefined;
        const sessionOf = (i: number) => {
          const token = pick(tokens, i);
          return token === undefined ? undefined : core.sessions.byToken(token);
        };
        for (const [step, o] of ops.entries()) {
          switch (o.kind) {
            case 'create': {
              // The member records change on reload; sessions are made for the current ones.
              const member = records.members.get(pick(memberIds, o.member)!)!;
              tokens.push(core.sessions.create(member, [], o.minutes).token);
              break;
            }
            case 'rotate': {
              const session = sessionOf(o.token);
              if (session) tokens.push(core.sessions.rotate(session));
              break;
            }
            case 'revoke': {
              const session = sessionOf(o.token);
              if (session) core.sessions.revoke(session);
              break;
            }
            case 'revokeMember':
              core.sessions.revokeMember(pick(memberIds, o.member)!);
              break;
            case 'touch': {
              const session = sessionOf(o.token);
              if (session) core.sessions.touch(session, o.minutes ?? undefined);
              break;
            }
            case 'advance':
              clock.advance(o.minutes * MINUTE);
              break;
            case 'prune':
              core.sessions.prune();
              break;
            case 'reload': {
              const state = roundTrip(records);
              const ids = Object.keys(state.sessions);
              if (o.forget !== null && ids.length) delete state.sessions[pick(ids, o.forget)!];
              if (o.duplicate !== null && ids.length) {
                const source = state.sessions[pick(ids, o.duplicate)!];
                const copyId = `member-session-test-copy-${step}`;
                if (source) state.sessions[copyId] = { ...source, member_session_id: copyId };
              }
              records.load(state);
              break;
            }
          }
          agree(tokens, `after step ${step} ${JSON.stringify(o)}`);
        }
      }),
      { numRuns: 200 },
    );
  });
});

describe('session indexes over HTTP', () => {
  async function login(api: TestApi) {
    const org = await api.createOrg({ mfa_policy: 'OPTIONAL' });
    await api.createMember(org.organization_id, 'ada@corp.test');
    const session = await api.session(org.organization_id, 'ada@corp.test');
    return { org, session };
  }

  const authenticate = (api: TestApi, token: string) =>
    api.post('/v1/b2b/sessions/authenticate', { session_token: token });

  it('authenticates, rotates at step-up and revokes by token, across a restart', async () => {
    const dir = await tempDir();
    try {
      const file = join(dir.path, 'emulator.json');
      const clock = new FakeClock();
      const first = await setup({ dataFile: file, clock, seed: false });
      const { org, session } = await login(first);
      const other = await first.session(org.organization_id, 'ada@corp.test');
      assert.equal((await authenticate(first, session.session_token)).status, 200);
      // A second email OTP with the session: same session, new token.
      clock.advance(2 * MINUTE);
      const stepUp = await first.emailLogin(org.organization_id, 'ada@corp.test', {
        session_token: session.session_token,
      });
      assert.equal(stepUp.status, 200, JSON.stringify(stepUp.body));
      const rotated = stepUp.body.session_token as string;
      assert.notEqual(rotated, session.session_token);
      assertStytchError(await authenticate(first, session.session_token), 404, 'session_not_found');
      await first.emulator.close();

      const second = await setup({ dataFile: file, clock });
      assertStytchError(
        await authenticate(second, session.session_token),
        404,
        'session_not_found',
      );
      const again = await authenticate(second, rotated);
      assert.equal(again.status, 200, JSON.stringify(again.body));
      assert.equal(
        again.body.member_session.member_session_id,
        session.member_session.member_session_id,
      );
      const revoked = await second.post('/v1/b2b/sessions/revoke', { session_token: rotated });
      assert.equal(revoked.status, 200, JSON.stringify(revoked.body));
      assertStytchError(await authenticate(second, rotated), 404, 'session_not_found');
      assert.equal((await authenticate(second, other.session_token)).status, 200);
      const byMember = await second.post('/v1/b2b/sessions/revoke', {
        member_id: other.member_id,
      });
      assert.equal(byMember.status, 200, JSON.stringify(byMember.body));
      assertStytchError(await authenticate(second, other.session_token), 404, 'session_not_found');
      await second.emulator.close();
    } finally {
      await dir.remove();
    }
  });

  it('a revocation that could not be saved is undone: the token authenticates again', async () => {
    const dir = await tempDir();
    try {
      const folder = join(dir.path, 'data');
      const file = join(folder, 'emulator.json');
      const api = await setup({ dataFile: file, seed: false });
      const { session } = await login(api);
      await api.emulator.close();
      // The folder turns into a file: every later write fails.
      await rm(folder, { recursive: true });
      await writeFile(folder, '');
      const failed = await api.post('/v1/b2b/sessions/revoke', {
        session_token: session.session_token,
      });
      assertStytchError(failed, 500, 'internal_server_error');
      await rm(folder);
      await mkdir(folder);
      const kept = await authenticate(api, session.session_token);
      assert.equal(kept.status, 200, JSON.stringify(kept.body));
      // And once the disk works again the revocation goes through.
      const revoked = await api.post('/v1/b2b/sessions/revoke', {
        session_token: session.session_token,
      });
      assert.equal(revoked.status, 200, JSON.stringify(revoked.body));
      assertStytchError(await authenticate(api, session.session_token), 404, 'session_not_found');
      await api.emulator.close();
    } finally {
      await dir.remove();
    }
  });
});
