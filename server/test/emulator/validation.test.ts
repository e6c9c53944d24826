import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { MAX_BODY_BYTES } from '../../src/emulator/constants.js';
import { assertStytchError, setupOrgs } from './support.js';

const BAD_CODES: [string, unknown][] = [
  ['letters inside', '12a456'],
  ['empty', ''],
  ['null', null],
  ['a space', '123 456'],
  ['surrounding whitespace', ' 123456\n'],
  ['a dash', '123-456'],
  ['5 digits', '12345'],
  ['7 digits', '1234567'],
  ['a 10 kB string', '1'.repeat(10_000)],
  ['a JSON number', 123456],
  ['Arabic-Indic digits', '١٢٣٤٥٦'],
  ['full-width digits', '１２３４５６'],
  ['hex', '0x1E240'],
  ['exponent', '1e5'],
  ['trailing letters', '123abc'],
  ['an array', ['123456']],
  ['an object', { code: '123456' }],
  ['a boolean', true],
];

describe('bad input gets a Stytch-shaped 400 and changes nothing', () => {
  for (const [label, code] of BAD_CODES) {
    it(`code as ${label}`, async () => {
      const { api, optional } = await setupOrgs();
      await api.sendEmail(optional.organization_id, 'ada@optional.test');
      const valid = api.lastCode('ada@optional.test');
      const reply = await api.post('/v1/b2b/otps/email/authenticate', {
        organization_id: optional.organization_id,
        email_address: 'ada@optional.test',
        code,
      });
      assert.equal(reply.status, 400, JSON.stringify(reply.body).slice(0, 200));
      assert.ok(['invalid_code', 'bad_request'].includes(reply.body.error_type));
      assert.match(reply.body.error_message, /code/);
      // Not counted as a failed attempt and the real code still works.
      assert.equal(
        (await api.authenticateEmail(optional.organization_id, 'ada@optional.test', valid)).status,
        200,
      );
    });
  }

  it('missing code is a 400 naming the field', async () => {
    const { api, optional } = await setupOrgs();
    const reply = await api.post('/v1/b2b/otps/email/authenticate', {
      organization_id: optional.organization_id,
      email_address: 'ada@optional.test',
    });
    assertStytchError(reply, 400, 'bad_request');
    assert.match(reply.body.error_message, /code is required/);
  });

  for (const email of [
    'not-an-email',
    'a@b',
    'a b@c.test',
    '<script>@x.test',
    'ä@x.test',
    `${'a'.repeat(250)}@x.test`,
    42,
  ]) {
    it(`email_address ${JSON.stringify(email).slice(0, 30)} is rejected`, async () => {
      const { api, optional } = await setupOrgs();
      const reply = await api.post('/v1/b2b/otps/email/login_or_signup', {
        organization_id: optional.organization_id,
        email_address: email,
      });
      assert.equal(reply.status, 400);
      assert.ok(['invalid_email', 'bad_request'].includes(reply.body.error_type));
      assert.equal(api.emulator.outbox().length, 0);
    });
  }

  for (const phone of [
    '5555550100',
    '+0555550100',
    '+1 555 555 0100',
    '+1555',
    '+1555555010012345',
    '+1５５５５５５０１００',
  ]) {
    it(`mfa_phone_number ${phone} is not E.164`, async () => {
      const { api, optional, ada } = await setupOrgs();
      const reply = await api.sendSms(optional.organization_id, ada.member_id, {
        mfa_phone_number: phone,
      });
      assertStytchError(reply, 400, 'invalid_phone_number');
      assert.equal(api.emulator.outbox().length, 0);
    });
  }

  it('missing and mistyped fields name the field', async () => {
    const { api, optional } = await setupOrgs();
    const missing = await api.post('/v1/b2b/otps/email/login_or_signup', {
      email_address: 'ada@optional.test',
    });
    assertStytchError(missing, 400, 'bad_request');
    assert.match(missing.body.error_message, /organization_id is required/);
    const wrongType = await api.post('/v1/b2b/otps/email/login_or_signup', {
      organization_id: 7,
      email_address: 'ada@optional.test',
    });
    assertStytchError(wrongType, 400, 'bad_request');
    assert.match(wrongType.body.error_message, /organization_id must be a string/);
    const locale = await api.sendEmail(optional.organization_id, 'ada@optional.test', {
      locale: 'xx',
    });
    assertStytchError(locale, 400, 'invalid_locale');
  });

  for (const [label, raw] of [
    ['malformed JSON', '{"organization_id": '],
    ['an array at the root', '[{"organization_id":"x"}]'],
    ['a string at the root', '"hello"'],
    ['null at the root', 'null'],
    ['invalid UTF-8', new Uint8Array([0x7b, 0xff, 0xfe, 0x7d])],
  ] as const) {
    it(`a body that is ${label} is a 400`, async () => {
      const { api } = await setupOrgs();
      const reply = await api.post('/v1/b2b/otps/email/login_or_signup', undefined, {
        raw,
        headers: { 'content-type': 'application/json' },
      });
      assertStytchError(reply, 400, 'bad_request');
    });
  }

  it('a body over the size limit is a 413 (declared length)', async () => {
    const { api, optional } = await setupOrgs();
    const reply = await api.sendEmail(optional.organization_id, 'ada@optional.test', {
      padding: 'x'.repeat(MAX_BODY_BYTES),
    });
    assertStytchError(reply, 413, 'payload_too_large');
    assert.equal(api.emulator.outbox().length, 0);
  });

  it('a streamed body over the size limit is a 413 (no length declared)', async () => {
    const { api } = await setupOrgs();
    const chunk = new TextEncoder().encode('x'.repeat(16 * 1024));
    let sent = 0;
    const stream = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (sent++ < 10) controller.enqueue(chunk);
        else controller.close();
      },
    });
    const response = await api.emulator.fetch(
      new Request('http://emulator.test/v1/b2b/otps/email/login_or_signup', {
        method: 'POST',
        headers: {
          authorization: `Basic ${Buffer.from(`${api.emulator.projectId}:${api.emulator.secret}`).toString('base64')}`,
        },
        body: stream,
        duplex: 'half',
      } as RequestInit),
    );
    assert.equal(response.status, 413);
    assert.ok(sent < 10, 'stopped reading early');
  });

  it('an unknown route is a JSON 404 route_not_found', async () => {
    const { api } = await setupOrgs();
    assertStytchError(await api.post('/v1/b2b/otps/whatsapp/send', {}), 404, 'route_not_found');
    assertStytchError(await api.get('/v1/b2b/otps/email/login_or_signup'), 404, 'route_not_found');
    assertStytchError(await api.get('/nothing-here', { auth: false }), 404, 'route_not_found');
  });
});
