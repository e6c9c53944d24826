// The member lookups (by email in an organization, by email across organizations, an organization's
// members, by external id, phone and verified email domain) answer from indexes, not by scanning
// every member. These tests hold the indexes to what a scan of every record answers, through
// creates, email changes, activation, deletions, reloads of the data file and the demo seed.

import assert from 'node:assert/strict';
import { join } from 'node:path';
import { before, describe, it } from 'node:test';
import fc from 'fast-check';
import { Core } from '../../src/emulator/core.js';
import { ApiError } from '../../src/emulator/errors.js';
import { SigningKeys } from '../../src/emulator/keys.js';
import { emailDomain } from '../../src/emulator/policy.js';
import { Records, type PersistedState } from '../../src/emulator/records.js';
import { createOrganization } from '../../src/emulator/routes/organizations.js';
import { seedDemo } from '../../src/emulator/seed.js';
import type { MemberRecord, MemberStatus, OrganizationRecord } from '../../src/emulator/types.js';
import { assertStytchError, bareCore, FakeClock, setup, tempDir, testKeys } from './support.js';

let keys: SigningKeys;
before(async () => {
  keys = await testKeys();
});

const newCore = () => bareCore(keys);

// Brute force: what the lookups answered when they scanned every member.
const live = (records: Records) =>
  [...records.members.values()].filter((m) => m.status !== 'deleted');
const scanMembers = (records: Records, orgId: string) =>
  live(records).filter((m) => m.organization_id === orgId);
const scanByEmail = (records: Records, orgId: string, email: string) =>
  scanMembers(records, orgId).find((m) => m.email_address === email);
const scanMemberships = (records: Records, email: string) =>
  live(records)
    .filter((m) => m.email_address === email && records.organizations.has(m.organization_id))
    .map((m) => `${m.organization_id}/${m.member_id}`);
const scanVerifiedDomain = (records: Records, orgId: string, domain: string) =>
  scanMembers(records, orgId).some(
    (m) => m.email_address_verified && emailDomain(m.email_address) === domain,
  );

/** Runs `call`; the Stytch error type it threw, or 'ok'. */
function outcome(call: () => unknown): string {
  try {
    const value = call();
    return value && typeof value === 'object' && 'member_id' in value
      ? `ok ${(value as MemberRecord).member_id}`
      : 'ok';
  } catch (error) {
    if (error instanceof ApiError) return error.errorType;
    throw error;
  }
}

const EMAILS = ['ada@a.test', 'bob@a.test', 'ada@b.test', 'cy@b.test', 'dee@a.test'];
const DOMAINS = ['a.test', 'b.test', 'c.test'];
const PHONES = ['+15555550101', '+15555550102', '+15555550103'];
const EXTERNAL_IDS = ['ext-1', 'ext-2', 'ext-3'];

/** Every indexed lookup agrees with a scan of every record, for every org × email × value. */
function assertLookupsAgree(core: Core, records: Records, context = ''): void {
  // Each live member is filed under its organization, org + email, email, and its phone, external
  // id and verified domain when it has them; deleted members under nothing. Nothing stale is kept.
  const entries = live(records).reduce(
    (n, m) =>
      n +
      3 +
      Number(!!m.mfa_phone_number) +
      Number(!!m.external_id) +
      Number(m.email_address_verified),
    0,
  );
  assert.deepEqual(
    records.memberIndex.size,
    { members: records.members.size, entries },
    `index size ${context}`,
  );
  const orgs: OrganizationRecord[] = core.organizations();
  for (const org of orgs) {
    const id = org.organization_id;
    assert.deepEqual(
      core.members(org).map((m) => m.member_id),
      scanMembers(records, id).map((m) => m.member_id),
      `members() ${context}`,
    );
    for (const email of EMAILS) {
      assert.equal(
        core.memberByEmail(org, email)?.member_id,
        scanByEmail(records, id, email)?.member_id,
        `memberByEmail(${email}) ${context}`,
      );
    }
    for (const domain of DOMAINS) {
      assert.equal(
        core.hasVerifiedMemberOfDomain(org, domain),
        scanVerifiedDomain(records, id, domain),
        `hasVerifiedMemberOfDomain(${domain}) ${context}`,
      );
    }
    const first = scanMembers(records, id)[0];
    const uniqueAgrees = (
      field: 'mfa_phone_number' | 'external_id',
      values: string[],
      assertFree: (value: string, member?: MemberRecord) => void,
      errorType: string,
    ) => {
      for (const value of values) {
        for (const member of [undefined, first]) {
          const taken = scanMembers(records, id).some(
            (m) => m[field] === value && m.member_id !== member?.member_id,
          );
          assert.equal(
            outcome(() => assertFree(value, member)),
            taken ? errorType : 'ok',
            `${field} ${value} free? ${context}`,
          );
        }
      }
    };
    uniqueAgrees(
      'mfa_phone_number',
      PHONES,
      (phone, member) => core.assertPhoneFree(org, phone, member),
      'duplicate_member_phone_number',
    );
    uniqueAgrees(
      'external_id',
      EXTERNAL_IDS,
      (externalId, member) => core.assertExternalIdFree(org, externalId, member),
      'duplicate_member_external_id',
    );
    for (const externalId of EXTERNAL_IDS) {
      const byExternal = scanMembers(records, id).find((m) => m.external_id === externalId);
      assert.equal(
        outcome(() => core.member(org, externalId)),
        byExternal ? `ok ${byExternal.member_id}` : 'member_not_found',
        `member(${externalId}) ${context}`,
      );
    }
  }
  for (const email of EMAILS) {
    assert.deepEqual(
      core
        .membershipsOf(email)
        .map(({ member, org }) => `${org.organization_id}/${member.member_id}`),
      scanMemberships(records, email),
      `membershipsOf(${email}) ${context}`,
    );
  }
}

const roundTrip = (records: Records): PersistedState =>
  JSON.parse(JSON.stringify(records.toJSON())) as PersistedState;

const addOrg = (core: Core) =>
  createOrganization(core, { organization_name: `Org ${core.organizations().length}` });

describe('member indexes', () => {
  it('finds a created member by email, in its organization only, and lists it', () => {
    const { core, records } = newCore();
    const [a, b] = [addOrg(core), addOrg(core)];
    const ada = core.addMember(a, 'ada@a.test', 'active');
    core.addMember(b, 'ada@a.test', 'invited');
    assert.equal(core.memberByEmail(a, 'ada@a.test'), ada);
    assert.equal(core.memberByEmail(a, 'bob@a.test'), undefined);
    assert.deepEqual(core.members(a), [ada]);
    assert.equal(core.membershipsOf('ada@a.test').length, 2);
    assert.equal(
      outcome(() => core.addMember(a, 'ada@a.test', 'active')),
      'duplicate_member_email',
    );
    assertLookupsAgree(core, records);
  });

  it('follows an email change: the new address finds the member, the old one nothing', () => {
    const { core, records } = newCore();
    const [a, b] = [addOrg(core), addOrg(core)];
    const ada = core.addMember(a, 'ada@a.test', 'active');
    core.activate(ada);
    core.addMember(b, 'ada@b.test', 'active');
    assert.equal(core.hasVerifiedMemberOfDomain(a, 'a.test'), true);
    core.updateMember(ada, { email_address: 'ada@b.test', email_address_verified: false });
    assert.equal(core.memberByEmail(a, 'ada@a.test'), undefined);
    assert.equal(core.memberByEmail(a, 'ada@b.test'), ada);
    assert.equal(core.hasVerifiedMemberOfDomain(a, 'a.test'), false);
    assert.deepEqual(
      core.membershipsOf('ada@b.test').map(({ org }) => org.organization_id),
      [a.organization_id, b.organization_id],
      'in the order the members were created, as a scan finds them',
    );
    assert.deepEqual(core.membershipsOf('ada@a.test'), []);
    // The old address is free again in that organization.
    assert.notEqual(core.addMember(a, 'ada@a.test', 'pending'), ada);
    assertLookupsAgree(core, records);
  });

  it('forgets a deleted member in every lookup', () => {
    const { core, records } = newCore();
    const a = addOrg(core);
    const ada = core.addMember(a, 'ada@a.test', 'active');
    core.updateMember(ada, { mfa_phone_number: PHONES[0]!, external_id: 'ext-1' });
    core.activate(ada);
    core.removeMember(ada.member_id);
    assert.equal(core.memberByEmail(a, 'ada@a.test'), undefined);
    assert.deepEqual(core.members(a), []);
    assert.deepEqual(core.membershipsOf('ada@a.test'), []);
    assert.equal(core.hasVerifiedMemberOfDomain(a, 'a.test'), false);
    assert.equal(
      outcome(() => core.assertPhoneFree(a, PHONES[0]!)),
      'ok',
    );
    assert.equal(
      outcome(() => core.member(a, 'ext-1')),
      'member_not_found',
    );
    assertLookupsAgree(core, records);
  });

  it('rebuilds from a loaded state: members of a dropped organization, and deleted ones, are gone', () => {
    const { core, records } = newCore();
    const [a, b] = [addOrg(core), addOrg(core)];
    const ada = core.addMember(a, 'ada@a.test', 'active');
    const bob = core.addMember(b, 'ada@a.test', 'active');
    core.addMember(b, 'cy@b.test', 'active');
    const state = roundTrip(records);
    delete state.organizations[a.organization_id];
    state.members[bob.member_id] = { ...state.members[bob.member_id]!, status: 'deleted' };
    // Made after the state was saved: gone once it is loaded (as when a failed write rolls back).
    const later = core.addMember(b, 'dee@a.test', 'active');
    records.load(state);
    assert.equal(core.memberByEmail(b, 'dee@a.test'), undefined);
    assert.equal(records.members.has(later.member_id), false);
    assert.deepEqual(core.membershipsOf('ada@a.test'), []);
    const loadedB = core.organization(b.organization_id);
    assert.equal(core.memberByEmail(loadedB, 'ada@a.test'), undefined);
    assert.deepEqual(
      core.members(loadedB).map((m) => m.email_address),
      ['cy@b.test'],
    );
    // The records are the loaded objects, not the ones from before.
    assert.notEqual(core.memberByEmail(loadedB, 'cy@b.test'), undefined);
    assert.equal(records.members.get(ada.member_id)?.organization_id, a.organization_id);
    assertLookupsAgree(core, records);
  });

  it('indexes the demo seed', () => {
    const { core, records } = newCore();
    const seed = seedDemo(core);
    const sam = seed.discovery!;
    assert.deepEqual(
      core.membershipsOf(sam.email_address).map(({ member }) => member.member_id),
      sam.organizations.map((o) => o.member_id),
    );
    const globex = core.organization('globex');
    assert.equal(
      outcome(() => core.assertPhoneFree(globex, '+15555550100')),
      'duplicate_member_phone_number',
    );
    assert.equal(core.hasVerifiedMemberOfDomain(core.organization('acme'), 'example.com'), true);
    assertLookupsAgree(core, records);
  });

  it('property: after any sequence of changes, every lookup answers as a scan of every member', () => {
    const index = fc.nat({ max: 50 });
    const op = fc.oneof(
      fc.record({
        kind: fc.constant('add' as const),
        org: index,
        email: index,
        status: fc.constantFrom<MemberStatus>('active', 'pending', 'invited'),
      }),
      fc.record({ kind: fc.constant('email' as const), member: index, email: index }),
      fc.record({ kind: fc.constant('activate' as const), member: index }),
      fc.record({ kind: fc.constant('phone' as const), member: index, value: index }),
      fc.record({ kind: fc.constant('external' as const), member: index, value: index }),
      fc.record({ kind: fc.constant('remove' as const), member: index }),
      fc.record({ kind: fc.constant('addOrg' as const) }),
      fc.record({
        kind: fc.constant('reload' as const),
        dropOrg: fc.option(index),
        deleteMember: fc.option(index),
        forgetMember: fc.option(index),
      }),
    );
    fc.assert(
      fc.property(fc.array(op, { maxLength: 40 }), (ops) => {
        const { core, records } = newCore();
        addOrg(core);
        addOrg(core);
        const pick = <T>(list: T[], i: number): T | undefined =>
          list.length ? list[i % list.length] : undefined;
        for (const [step, o] of ops.entries()) {
          const members = live(records);
          const member = 'member' in o ? pick(members, o.member) : undefined;
          const org =
            member &&
            core.organizations().find((g) => g.organization_id === member.organization_id);
          switch (o.kind) {
            case 'add': {
              const target = pick(core.organizations(), o.org);
              if (target)
                outcome(() => core.addMember(target, EMAILS[o.email % EMAILS.length]!, o.status));
              break;
            }
            case 'email': {
              const email = EMAILS[o.email % EMAILS.length]!;
              if (member && org && !core.memberByEmail(org, email)) {
                core.updateMember(member, { email_address: email, email_address_verified: false });
              }
              break;
            }
            case 'activate':
              if (member) core.activate(member);
              break;
            case 'phone': {
              const phone = pick(['', ...PHONES], o.value)!;
              if (
                member &&
                org &&
                (phone === '' || outcome(() => core.assertPhoneFree(org, phone, member)) === 'ok')
              ) {
                core.updateMember(member, { mfa_phone_number: phone });
              }
              break;
            }
            case 'external': {
              const value = pick(['', ...EXTERNAL_IDS], o.value)!;
              if (
                member &&
                org &&
                (value === '' ||
                  outcome(() => core.assertExternalIdFree(org, value, member)) === 'ok')
              ) {
                core.updateMember(member, { external_id: value });
              }
              break;
            }
            case 'remove':
              if (member) core.removeMember(member.member_id);
              break;
            case 'addOrg':
              addOrg(core);
              break;
            case 'reload': {
              const state = roundTrip(records);
              const orgIds = Object.keys(state.organizations);
              const memberIds = Object.keys(state.members);
              if (o.dropOrg !== null && orgIds.length)
                delete state.organizations[pick(orgIds, o.dropOrg)!];
              if (o.deleteMember !== null && memberIds.length) {
                const id = pick(memberIds, o.deleteMember)!;
                state.members[id] = { ...state.members[id]!, status: 'deleted' };
              }
              if (o.forgetMember !== null && memberIds.length) {
                delete state.members[pick(memberIds, o.forgetMember)!];
              }
              records.load(state);
              break;
            }
          }
          assertLookupsAgree(core, records, `after step ${step} ${JSON.stringify(o)}`);
        }
      }),
      { numRuns: 200 },
    );
  });
});

describe('member indexes over HTTP', () => {
  it('an email changed in mixed case is found by any case, and the old address is not', async () => {
    const api = await setup();
    const org = await api.createOrg();
    const member = await api.createMember(org.organization_id, 'Ada@Corp.Test');
    const orgPath = `/v1/b2b/organizations/${org.organization_id}`;
    const changed = await api.put(`${orgPath}/members/${member.member_id}`, {
      email_address: 'Lovelace@CORP.test',
    });
    assert.equal(changed.status, 200, JSON.stringify(changed.body));
    const found = await api.get(`${orgPath}/member?email_address=LOVELACE@corp.TEST`);
    assert.equal(found.body.member.member_id, member.member_id);
    assert.equal(found.body.member.email_address, 'lovelace@corp.test');
    assertStytchError(
      await api.get(`${orgPath}/member?email_address=ada@corp.test`),
      404,
      'member_not_found',
    );
    // The old address is free for a new member; the new one is taken.
    await api.createMember(org.organization_id, 'ADA@corp.test');
    assertStytchError(
      await api.post(`${orgPath}/members`, { email_address: 'lovelace@corp.test' }),
      400,
      'duplicate_member_email',
    );
  });

  it('keeps the lookups right across a restart from the data file', async () => {
    const dir = await tempDir();
    try {
      const file = join(dir.path, 'emulator.json');
      const clock = new FakeClock();
      const first = await setup({ dataFile: file, clock, seed: false });
      const org = await first.createOrg({
        email_jit_provisioning: 'RESTRICTED',
        email_allowed_domains: ['corp.test'],
      });
      const other = await first.createOrg();
      const ada = await first.createMember(org.organization_id, 'ada@corp.test');
      await first.createMember(other.organization_id, 'ada@corp.test');
      await first.put(`/v1/b2b/organizations/${org.organization_id}/members/${ada.member_id}`, {
        email_address: 'lovelace@corp.test',
        external_id: 'ada-1',
      });
      await first.emulator.close();

      const second = await setup({ dataFile: file, clock });
      const orgPath = `/v1/b2b/organizations/${org.organization_id}`;
      const found = await second.get(`${orgPath}/member?email_address=lovelace@corp.test`);
      assert.equal(found.body.member.member_id, ada.member_id);
      const byExternal = await second.get(`${orgPath}/member?member_id=ada-1`);
      assert.equal(byExternal.body.member.member_id, ada.member_id);
      assertStytchError(
        await second.get(`${orgPath}/member?email_address=ada@corp.test`),
        404,
        'member_not_found',
      );
      // Discovery lists one membership per organization the address belongs to.
      const discovered = await second.discover('ada@corp.test');
      assert.deepEqual(
        discovered.discovered_organizations.map(
          (d: { organization: { organization_id: string } }) => d.organization.organization_id,
        ),
        [other.organization_id],
      );
      // A login for the changed address finds the member instead of creating one.
      const login = await second.sendEmail(org.organization_id, 'lovelace@corp.test');
      assert.equal(login.body.member_created, false);
      assert.equal(login.body.member_id, ada.member_id);
      await second.emulator.close();
    } finally {
      await dir.remove();
    }
  });
});
