// State stays bounded and the data file is written only when something changed (issue 8, item 9).
// Every test drives an injected clock.

import assert from 'node:assert/strict';
import { readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import {
  EMAIL_OTP_MAX_MINUTES,
  SEND_WINDOW_MS,
  SWEEP_INTERVAL_MS,
  USER_LOCK_DEFAULT_TTL_MINUTES,
} from '../../src/emulator/constants.js';
import {
  assertStytchError,
  FakeClock,
  MINUTE,
  primaryIst,
  setup,
  setupOrgs,
  tempDir,
} from './support.js';

const wrong = (code: string) => String((Number(code) + 1) % 1_000_000).padStart(6, '0');

/** A request that changes nothing persisted, to let the emulator sweep. */
const tick = async (api: Awaited<ReturnType<typeof setup>>, orgId: string) =>
  api.get(`/v1/b2b/organizations/${orgId}`);

describe('bounded state', () => {
  it('forgets JIT members that never authenticated once their codes expired', async () => {
    const { api } = await setupOrgs();
    const org = await api.createOrg({
      email_jit_provisioning: 'RESTRICTED',
      email_allowed_domains: ['jit.test'],
    });
    const before = api.emulator.stats().members;
    for (let i = 0; i < 25; i++) {
      assert.equal((await api.sendEmail(org.organization_id, `anon${i}@jit.test`)).status, 200);
    }
    // One of them signs up for real.
    const joined = await api.authenticateEmail(
      org.organization_id,
      'anon0@jit.test',
      api.lastCode('anon0@jit.test'),
    );
    assert.equal(joined.status, 200);
    assert.equal(api.emulator.stats().members, before + 25);

    api.clock.advance(EMAIL_OTP_MAX_MINUTES * MINUTE + SWEEP_INTERVAL_MS);
    await tick(api, org.organization_id);
    assert.equal(api.emulator.stats().members, before + 1);
    const kept = await api.get(
      `/v1/b2b/organizations/${org.organization_id}/member?email_address=anon0@jit.test`,
    );
    assert.equal(kept.body.member.status, 'active');
    assertStytchError(
      await api.get(
        `/v1/b2b/organizations/${org.organization_id}/member?email_address=anon1@jit.test`,
      ),
      404,
      'member_not_found',
    );
  });

  it('keeps a JIT member whose code is still valid after a resend', async () => {
    const { api } = await setupOrgs();
    const org = await api.createOrg({
      email_jit_provisioning: 'RESTRICTED',
      email_allowed_domains: ['jit.test'],
    });
    await api.sendEmail(org.organization_id, 'late@jit.test');
    api.clock.advance(9 * MINUTE);
    await api.sendEmail(org.organization_id, 'late@jit.test');
    api.clock.advance(9 * MINUTE);
    await tick(api, org.organization_id);
    const reply = await api.authenticateEmail(
      org.organization_id,
      'late@jit.test',
      api.lastCode('late@jit.test'),
    );
    assert.equal(reply.status, 200, JSON.stringify(reply.body));
  });

  it('drops expired and used codes and intermediate sessions from memory', async () => {
    const { api, optional, required } = await setupOrgs();
    await api.sendEmail(optional.organization_id, 'ada@optional.test');
    await primaryIst(api, required.organization_id, 'bob@required.test');
    assert.equal(api.emulator.stats().intermediateSessions, 1);
    assert.equal(api.emulator.stats().codes, 2);

    api.clock.advance(EMAIL_OTP_MAX_MINUTES * MINUTE + SWEEP_INTERVAL_MS);
    await tick(api, optional.organization_id);
    assert.equal(api.emulator.stats().codes, 0);
    assert.equal(api.emulator.stats().intermediateSessions, 0);
  });

  it('forgets failure records once idle for the lock TTL, and send records after their window', async () => {
    const { api, optional } = await setupOrgs();
    await api.sendEmail(optional.organization_id, 'ada@optional.test');
    const code = api.lastCode('ada@optional.test');
    await api.authenticateEmail(optional.organization_id, 'ada@optional.test', wrong(code));
    assert.equal(api.emulator.stats().guards, 1);

    api.clock.advance(SEND_WINDOW_MS + SWEEP_INTERVAL_MS);
    await tick(api, optional.organization_id);
    assert.equal(api.emulator.stats().guards, 1, 'the failure is still counted');

    api.clock.advance(USER_LOCK_DEFAULT_TTL_MINUTES * MINUTE);
    await tick(api, optional.organization_id);
    assert.equal(api.emulator.stats().guards, 0);
  });
});

describe('data file writes', () => {
  it('is not rewritten by reads: sessions/authenticate, GETs, failed lookups', async () => {
    const dir = await tempDir();
    try {
      const file = join(dir.path, 'emulator.json');
      const api = await setup({ dataFile: file, seed: true });
      const acme = api.emulator.seedInfo!.organizations[0]!.organization_id;
      const login = await api.session(acme, 'ada@example.com');
      const written = (await stat(file)).ino;
      const text = await readFile(file, 'utf8');

      api.clock.advance(SWEEP_INTERVAL_MS / 2);
      for (let i = 0; i < 3; i++) {
        const reply = await api.post('/v1/b2b/sessions/authenticate', {
          session_token: login.session_token,
        });
        assert.equal(reply.status, 200);
      }
      await api.get(`/v1/b2b/organizations/${acme}`);
      await api.sendEmail('no-such-org', 'ada@example.com');
      await api.emulator.close();
      assert.equal((await stat(file)).ino, written, 'the file was replaced');
      assert.equal(await readFile(file, 'utf8'), text);

      // A change is written.
      await api.createOrg();
      await api.emulator.close();
      assert.notEqual((await stat(file)).ino, written);
    } finally {
      await dir.remove();
    }
  });

  it('answers every concurrent change 500 when the write fails, and keeps none of them', async () => {
    const dir = await tempDir();
    try {
      const folder = join(dir.path, 'data');
      const api = await setup({ dataFile: join(folder, 'emulator.json') });
      const before = api.emulator.stats().organizations;
      await rm(folder, { recursive: true });
      await writeFile(folder, '');
      const replies = await Promise.all(
        ['One', 'Two', 'Three'].map((name) =>
          api.post('/v1/b2b/organizations', { organization_name: `${name} Co` }),
        ),
      );
      for (const reply of replies) assertStytchError(reply, 500, 'internal_server_error');
      assert.equal(api.emulator.stats().organizations, before);
    } finally {
      await dir.remove();
    }
  });

  it('removes temp files an earlier crash left beside the data file, and nothing else', async () => {
    const dir = await tempDir();
    try {
      const file = join(dir.path, 'emulator.json');
      await (await setup({ dataFile: file, clock: new FakeClock() })).emulator.close();
      const stray = ['emulator.json.4242.0123456789ab.tmp', 'emulator.json.1.ffffffffffff.tmp'];
      const unrelated = ['emulator.json.bak', 'other.json.4242.0123456789ab.tmp', 'notes.tmp'];
      for (const name of [...stray, ...unrelated]) await writeFile(join(dir.path, name), 'x');
      const lines: string[] = [];
      await setup({ dataFile: file, log: (line) => lines.push(line) });
      assert.deepEqual((await readdir(dir.path)).sort(), ['emulator.json', ...unrelated].sort());
      assert.ok(lines.some((line) => line.includes('removed 2 temp file(s)')));
    } finally {
      await dir.remove();
    }
  });
});
