import assert from 'node:assert/strict';
import { mkdir, readdir, readFile, rm, stat, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { createLocalJWKSet, jwtVerify } from 'jose';
import { USER_LOCK_DEFAULT_THRESHOLD as LOCK_THRESHOLD } from '../../src/emulator/constants.js';
import { createEmulator } from '../../src/emulator/index.js';
import { assertStytchError, FakeClock, setup, tempDir } from './support.js';

describe('persistence', () => {
  it('keeps organizations, members, sessions, signing keys and seed info across a restart', async () => {
    const dir = await tempDir();
    try {
      const file = join(dir.path, 'nested', 'emulator.json');
      const clock = new FakeClock();
      const first = await setup({ dataFile: file, clock });
      assert.ok(first.emulator.seedInfo, 'seeded on first start');
      const org = await first.createOrg({ organization_slug: 'persisted' });
      const member = await first.createMember(org.organization_id, 'kept@corp.test', {
        name: 'Kept',
      });
      const login = await first.session(org.organization_id, 'kept@corp.test');
      await first.emulator.close();

      const second = await setup({ dataFile: file, clock });
      assert.deepEqual(second.emulator.seedInfo, first.emulator.seedInfo);
      const got = await second.get(
        `/v1/b2b/organizations/${org.organization_id}/member?member_id=${member.member_id}`,
      );
      assert.equal(got.status, 200);
      assert.equal(got.body.member.name, 'Kept');
      assert.equal(got.body.member.status, 'active');
      assert.equal(got.body.member.email_address_verified, true);
      assert.equal(got.body.organization.organization_slug, 'persisted');
      const session = await second.post('/v1/b2b/sessions/authenticate', {
        session_token: login.session_token,
      });
      assert.equal(session.status, 200);
      assert.equal(
        session.body.member_session.member_session_id,
        login.member_session.member_session_id,
      );
      // A JWT signed before the restart verifies against the JWKS after it.
      const jwks = await second.get(`/v1/b2b/sessions/jwks/${second.emulator.projectId}`, {
        auth: false,
      });
      await jwtVerify(login.session_jwt, createLocalJWKSet(jwks.body), {
        currentDate: new Date(clock.now()),
      });
      await second.emulator.close();
    } finally {
      await dir.remove();
    }
  });

  it('stores only the hash of session tokens, in a file readable by its owner only', async () => {
    const dir = await tempDir();
    try {
      const file = join(dir.path, 'emulator.json');
      const api = await setup({ dataFile: file });
      const org = api.emulator.seedInfo!.organizations[0]!;
      const login = await api.session(org.organization_id, 'ada@example.com');
      await api.emulator.close();
      const text = await readFile(file, 'utf8');
      assert.ok(!text.includes(login.session_token));
      assert.ok(text.includes(login.member_session.member_session_id));
      assert.ok(!text.includes(api.lastCode('ada@example.com')), 'codes are not persisted');
      if (process.platform !== 'win32') assert.equal((await stat(file)).mode & 0o777, 0o600);
    } finally {
      await dir.remove();
    }
  });

  it('forgets pending codes on restart but keeps a lockout', async () => {
    const dir = await tempDir();
    try {
      const file = join(dir.path, 'emulator.json');
      const clock = new FakeClock();
      const first = await setup({ dataFile: file, clock });
      const acme = first.emulator.seedInfo!.organizations[0]!.organization_id;
      await first.sendEmail(acme, 'ada@example.com');
      const code = first.lastCode('ada@example.com');
      await first.emulator.close();
      const second = await setup({ dataFile: file, clock });
      assertStytchError(
        await second.authenticateEmail(acme, 'ada@example.com', code),
        404,
        'otp_code_not_found',
      );
      for (let i = 1; i < LOCK_THRESHOLD; i++)
        await second.authenticateEmail(acme, 'ada@example.com', code);
      await second.emulator.close();
      const third = await setup({ dataFile: file, clock });
      assertStytchError(
        await third.authenticateEmail(acme, 'ada@example.com', code),
        429,
        'user_lock_limit_reached',
      );
    } finally {
      await dir.remove();
    }
  });

  it('writes atomically: readers never see a partial file and no temp files remain', async () => {
    const dir = await tempDir();
    try {
      const file = join(dir.path, 'emulator.json');
      const api = await setup({ dataFile: file });
      let reading = true;
      let reads = 0;
      const reader = (async () => {
        while (reading) {
          JSON.parse(await readFile(file, 'utf8'));
          reads++;
          await new Promise((resolve) => setImmediate(resolve));
        }
      })();
      await Promise.all(
        Array.from({ length: 40 }, (_, i) =>
          api.createOrg({
            organization_name: `Org ${i}`,
            trusted_metadata: { pad: 'x'.repeat(2000) },
          }),
        ),
      );
      await api.emulator.close();
      reading = false;
      await reader;
      assert.ok(reads > 0);
      const state = JSON.parse(await readFile(file, 'utf8'));
      assert.equal(
        Object.keys(state.organizations).length,
        40 + api.emulator.seedInfo!.organizations.length,
      );
      assert.deepEqual(await readdir(dir.path), ['emulator.json']);
    } finally {
      await dir.remove();
    }
  });

  it('refuses a corrupt data file with a clear message and leaves it untouched', async () => {
    const dir = await tempDir();
    try {
      const file = join(dir.path, 'emulator.json');
      await writeFile(file, '{"format": "otp-auth-emulator/1", "organiz');
      await assert.rejects(
        createEmulator({ dataFile: file, log: () => {} }),
        /not valid JSON.*--memory/,
      );
      assert.equal(await readFile(file, 'utf8'), '{"format": "otp-auth-emulator/1", "organiz');
      await writeFile(file, '{"something": "else"}');
      await assert.rejects(
        createEmulator({ dataFile: file, log: () => {} }),
        /not in the otp-auth-emulator\/1 format/,
      );
    } finally {
      await dir.remove();
    }
  });

  it('answers a failed save with 500 and undoes the change in memory, so memory and disk agree', async () => {
    const dir = await tempDir();
    try {
      const folder = join(dir.path, 'data');
      const file = join(folder, 'emulator.json');
      const api = await setup({ dataFile: file });
      const before = await readFile(file, 'utf8');
      // The folder turns into a file: every later write fails.
      await rm(folder, { recursive: true });
      await writeFile(folder, '');
      const failed = await api.post('/v1/b2b/organizations', { organization_name: 'Lost Co' });
      assertStytchError(failed, 500, 'internal_server_error');
      assert.ok(api.lines.some((line) => line.includes('could not write')));
      // The organization was not kept in memory either.
      assertStytchError(
        await api.get('/v1/b2b/organizations/lost-co'),
        404,
        'organization_not_found',
      );
      // Once the disk works again, changes are saved and answered.
      await rm(folder);
      await mkdir(folder);
      await writeFile(file, before);
      const org = await api.createOrg({ organization_slug: 'kept-co' });
      await api.emulator.close();
      const reopened = await setup({ dataFile: file });
      assert.equal(
        (await reopened.get('/v1/b2b/organizations/kept-co')).body.organization.organization_id,
        org.organization_id,
      );
    } finally {
      await dir.remove();
    }
  });
});
