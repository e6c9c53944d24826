// The input cases of the security checklist, and issue 8 item 7: every forwarded field is checked
// against its endpoint's schema (400, never a 5xx), and upstream answers are size-capped.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import {
  EMAIL_AUTH,
  EMAIL_LOGIN,
  SMS_AUTH,
  SMS_SEND,
  VALID_BODIES,
  apiRequest,
  json,
  okBody,
  setup,
} from './support.js';

const IST = '__Host-otp_ist=ist-from-cookie';

async function post(path: string, body: unknown, options = {}, rawBody?: string) {
  const { gateway, calls } = setup(options);
  const request = apiRequest(path, { body, rawBody, cookie: IST });
  const response = await gateway(request);
  return { response, body: await response.json(), calls };
}

const BAD_CODES: [string, unknown][] = [
  ['a JSON number', 123456],
  ['a number with a leading zero lost', 12345],
  ['full-width digits', '１２３４５６'],
  ['Arabic-Indic digits', '١٢٣٤٥٦'],
  ['1e5', '1e5'],
  ['hex', '0x1E240'],
  ['letters', '12a456'],
  ['trailing letters', '123abc'],
  ['inner space', '123 456'],
  ['padding and newline', ' 123456\n'],
  ['a dash', '123-456'],
  ['5 digits', '12345'],
  ['7 digits', '1234567'],
  ['empty', ''],
  ['null', null],
  ['10 000 characters', '1'.repeat(10_000)],
  ['an array', ['123456']],
  ['an object', { code: '123456' }],
];

describe('gateway input: codes', () => {
  for (const path of [EMAIL_AUTH, SMS_AUTH]) {
    for (const [label, code] of BAD_CODES) {
      it(`${path.split('/otps/')[1]}: refuses a code that is ${label} with 400, forwarding nothing`, async () => {
        const { response, body, calls } = await post(path, { ...VALID_BODIES[path], code });
        assert.equal(response.status, 400);
        assert.equal(body.error_type, 'invalid_code');
        assert.match(body.error_message, /^code /);
        assert.equal(calls.length, 0);
      });
    }

    it(`${path.split('/otps/')[1]}: refuses a missing code`, async () => {
      const rest: Record<string, unknown> = { ...VALID_BODIES[path] };
      delete rest.code;
      const { response, calls } = await post(path, rest);
      assert.equal(response.status, 400);
      assert.equal(calls.length, 0);
    });
  }
});

describe('gateway input: bodies', () => {
  for (const [label, raw] of [
    ['an array at the root', '[{"organization_id":"o","email_address":"a@b"}]'],
    ['a string at the root', '"hello"'],
    ['null', 'null'],
    ['malformed JSON', '{"organization_id":'],
    ['empty', ''],
  ]) {
    it(`refuses a body that is ${label} with 400 bad_request`, async () => {
      const { response, body, calls } = await post(EMAIL_LOGIN, undefined, {}, raw);
      assert.equal(response.status, 400);
      assert.equal(body.error_type, 'bad_request');
      assert.equal(calls.length, 0);
    });
  }

  it('takes neither session argument from the browser, and injects exactly one', async () => {
    const tokens = { session_token: 'browser-st', intermediate_session_token: 'browser-ist' };
    const { gateway, calls } = setup();
    const cookie = `${IST}; __Host-otp_session=st-from-cookie`;
    const body = { ...VALID_BODIES[SMS_AUTH], ...tokens, session_jwt: 'browser-jwt' };
    const response = await gateway(apiRequest(SMS_AUTH, { body, cookie }));
    assert.equal(response.status, 200);
    const sent = calls[0].body;
    assert.equal(sent.intermediate_session_token, 'ist-from-cookie');
    assert.equal('session_token' in sent, false);
    assert.equal('session_jwt' in sent, false);
  });
});

/**
 * `body` as JSON text with `field` set to `[[[…"x"…]]]`, `depth` levels deep: written by hand,
 * since JSON.stringify itself overflows the stack on such values (as the old gateway did).
 */
function withDeepField(body: object, field: string, depth: number): string {
  const deep = '['.repeat(depth) + '"x"' + ']'.repeat(depth);
  return JSON.stringify({ ...body, [field]: 'DEEP' }).replace('"DEEP"', deep);
}

describe('gateway input: every forwarded field against its schema (item 7)', () => {
  const endpoints = [EMAIL_LOGIN, EMAIL_AUTH, SMS_SEND, SMS_AUTH];

  for (const path of endpoints) {
    it(`${path.split('/otps/')[1]}: a field nested 5000 levels deep is a 400, not a 502`, async () => {
      for (const field of Object.keys(VALID_BODIES[path])) {
        const raw = withDeepField(VALID_BODIES[path], field, 5000);
        const { response, body: answer, calls } = await post(path, undefined, {}, raw);
        assert.equal(response.status, 400, field);
        assert.match(answer.error_message, new RegExp(`^${field} `));
        assert.equal(calls.length, 0, field);
      }
    });
  }

  it('drops an unknown deep field unread and forwards the rest', async () => {
    const raw = withDeepField(VALID_BODIES[EMAIL_LOGIN], 'extra', 5000);
    const { response, calls } = await post(EMAIL_LOGIN, undefined, {}, raw);
    assert.equal(response.status, 200);
    assert.deepEqual(calls[0].body, VALID_BODIES[EMAIL_LOGIN]);
  });

  for (const [field, value] of [
    ['organization_id', 'org id with spaces'],
    ['organization_id', 'x'.repeat(129)],
    ['organization_id', 'org\u202eevil'],
    ['email_address', 'not-an-email'],
    ['email_address', `${'a'.repeat(250)}@b.co`],
    ['email_address', 42],
    ['locale', 'xx'],
    ['locale', ['en']],
    ['login_template_id', { id: 1 }],
    ['login_expiration_minutes', '10'],
  ] as const) {
    it(`login_or_signup: refuses ${field} = ${JSON.stringify(value).slice(0, 40)}`, async () => {
      const { response, calls } = await post(EMAIL_LOGIN, {
        ...VALID_BODIES[EMAIL_LOGIN],
        [field]: value,
      });
      assert.equal(response.status, 400);
      assert.equal(calls.length, 0);
    });
  }

  for (const [field, value] of [
    ['member_id', 123],
    ['set_mfa_enrollment', 'maybe'],
    ['session_duration_minutes', '60'],
  ] as const) {
    it(`sms/authenticate: refuses ${field} = ${JSON.stringify(value)}`, async () => {
      const { response, calls } = await post(SMS_AUTH, {
        ...VALID_BODIES[SMS_AUTH],
        [field]: value,
      });
      assert.equal(response.status, 400);
      assert.equal(calls.length, 0);
    });
  }
});

describe('gateway upstream answer size (item 7)', () => {
  const big = okBody({ padding: 'x'.repeat(300_000) });

  it('answers 502 for an upstream answer over maxUpstreamBytes (declared or streamed)', async () => {
    const streamed = () =>
      new Response(
        new ReadableStream({
          start(controller) {
            controller.enqueue(new TextEncoder().encode(JSON.stringify(big)));
            controller.close();
          },
        }),
        { status: 200, headers: { 'content-type': 'application/json' } },
      );
    for (const responder of [() => json(200, big), streamed]) {
      const { gateway } = setup({}, responder);
      const response = await gateway(apiRequest(EMAIL_LOGIN, { body: VALID_BODIES[EMAIL_LOGIN] }));
      assert.equal(response.status, 502);
      assert.equal((await response.json()).error_type, 'upstream_unavailable');
    }
  });

  it('follows a configured maxUpstreamBytes', async () => {
    const { gateway } = setup({ maxUpstreamBytes: 1_000_000 }, () => json(200, big));
    const response = await gateway(apiRequest(EMAIL_LOGIN, { body: VALID_BODIES[EMAIL_LOGIN] }));
    assert.equal(response.status, 200);
  });
});
