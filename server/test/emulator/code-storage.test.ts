// One-time codes at rest: the data file never holds one, memory holds only a keyed HMAC of each,
// and a submitted code is checked with crypto.timingSafeEqual, for right and wrong codes alike.
import assert from 'node:assert/strict';
import crypto, { createHmac } from 'node:crypto';
import { readFile } from 'node:fs/promises';
import { syncBuiltinESMExports } from 'node:module';
import { join } from 'node:path';
import { describe, it, mock } from 'node:test';
import { inspect } from 'node:util';
import { Codes } from '../../src/emulator/codes.js';
import { Records } from '../../src/emulator/records.js';
import { FakeClock, MINUTE, primaryIst, setup, tempDir } from './support.js';

/** The code as a whole number in `text`, not as part of a longer run of digits. */
const holds = (text: string, code: string) => new RegExp(`(?<![0-9])${code}(?![0-9])`).test(text);

interface CodesInside {
  key: Buffer;
  codes: Map<string, { mac: Buffer; expires_at: number; used: boolean }>;
}

const SUBJECT = 'member-test-0001';
const EMAIL = 'ada@example.com';
const freshCodes = () =>
  new Codes(new Records(), () => Date.UTC(2030, 0, 1), { threshold: 10, ttlMs: 60 * MINUTE });

describe('one-time codes at rest', () => {
  it('never writes a code to the data file: email, SMS and discovery codes, pending and used', async () => {
    const dir = await tempDir();
    try {
      const file = join(dir.path, 'emulator.json');
      const api = await setup({ dataFile: file, clock: new FakeClock() });
      const [acme, globex] = api.emulator.seedInfo!.organizations;
      const hank = globex!.members.find((m) => m.mfa_phone_number);
      assert.ok(hank, 'a seeded member with a phone');

      assert.equal((await api.sendEmail(acme!.organization_id, EMAIL)).status, 200);
      const ist = await primaryIst(api, globex!.organization_id, hank.email_address);
      const sms = await api.sendSms(globex!.organization_id, hank.member_id, {
        intermediate_session_token: ist,
      });
      assert.equal(sms.status, 200, JSON.stringify(sms.body));
      const discovery = await api.post('/v1/b2b/otps/email/discovery/send', {
        email_address: 'sam@example.com',
      });
      assert.equal(discovery.status, 200);
      const codes = [
        api.lastCode(EMAIL),
        api.lastCode(hank.email_address),
        api.lastCode(hank.mfa_phone_number),
        api.lastCode('sam@example.com'),
      ];
      await api.emulator.close();
      const pending = await readFile(file, 'utf8');
      for (const code of codes) assert.equal(holds(pending, code), false, `${code} in the file`);

      const used = await api.authenticateEmail(acme!.organization_id, EMAIL, codes[0]!);
      assert.equal(used.status, 200);
      await api.emulator.close();
      const after = await readFile(file, 'utf8');
      assert.ok(after.includes(used.body.member_session.member_session_id), 'the file was written');
      for (const code of codes) assert.equal(holds(after, code), false, `${code} in the file`);
    } finally {
      await dir.remove();
    }
  });

  it('keeps only an HMAC-SHA256 of each code, under a per-emulator key, bound to channel, subject and destination', () => {
    const store = freshCodes();
    const { code } = store.issue('email', SUBJECT, EMAIL, 10 * MINUTE);
    const inside = store as unknown as CodesInside;
    const record = inside.codes.get(`email:${SUBJECT}`);
    assert.ok(record);
    assert.ok(Buffer.isBuffer(record.mac));
    assert.equal(record.mac.length, 32);
    const expected = createHmac('sha256', inside.key)
      .update(`email:${SUBJECT}:${EMAIL}`)
      .update('\0')
      .update(code)
      .digest();
    assert.deepEqual(record.mac, expected);
    assert.equal(inside.key.length, 32);
    assert.notDeepEqual((freshCodes() as unknown as CodesInside).key, inside.key);
    const everything = inspect(store, { depth: Infinity, showHidden: true, maxArrayLength: null });
    assert.equal(holds(everything, code), false, 'the code is nowhere in the store');
  });

  it('compares a submitted code with timingSafeEqual on two 32-byte MACs, right or wrong', () => {
    const spy = mock.method(crypto, 'timingSafeEqual');
    syncBuiltinESMExports();
    try {
      const store = freshCodes();
      const { code } = store.issue('sms', SUBJECT, '+15555550100', 2 * MINUTE);
      const wrong = code === '000000' ? '000001' : '000000';
      assert.throws(() => store.use('sms', SUBJECT, '+15555550100', wrong), {
        status: 404,
        errorType: 'otp_code_not_found',
      });
      assert.equal(spy.mock.callCount(), 1, 'a wrong code is compared in constant time');
      store.use('sms', SUBJECT, '+15555550100', code);
      assert.equal(spy.mock.callCount(), 2, 'the right code too');
      for (const call of spy.mock.calls) {
        const [a, b] = call.arguments as [Buffer, Buffer];
        assert.equal(a.length, 32);
        assert.equal(b.length, 32);
      }
    } finally {
      spy.mock.restore();
      syncBuiltinESMExports();
    }
  });
});
