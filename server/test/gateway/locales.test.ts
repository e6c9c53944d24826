// The `locale` of each endpoint: what Stytch accepts there passes, what it refuses is a 400 at the
// gateway (the emulator, like Stytch, would refuse it further on).
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { EMAIL_LOCALES, SMS_LOCALES } from '../../src/shared/locales.js';
import { EMAIL_AUTH, EMAIL_LOGIN, SMS_SEND, VALID_BODIES, apiRequest, setup } from './support.js';

const IST = '__Host-otp_ist=ist-from-cookie';

async function send(path: string, locale: string) {
  const { gateway, calls } = setup();
  const body = { ...VALID_BODIES[path], locale };
  const response = await gateway(apiRequest(path, { body, cookie: IST }));
  return { status: response.status, forwarded: calls[0]?.body as { locale?: string } | undefined };
}

const cases: [path: string, accepted: readonly string[]][] = [
  [EMAIL_LOGIN, EMAIL_LOCALES],
  [EMAIL_AUTH, EMAIL_LOCALES],
  [SMS_SEND, SMS_LOCALES],
];

describe('gateway locales', () => {
  for (const [path, accepted] of cases) {
    const name = path.split('/b2b/')[1];
    it(`${name}: forwards each locale Stytch accepts there, refuses the others`, async () => {
      for (const locale of SMS_LOCALES) {
        const { status, forwarded } = await send(path, locale);
        if (accepted.includes(locale)) {
          assert.equal(status, 200, `${locale} accepted`);
          assert.equal(forwarded?.locale, locale);
        } else {
          assert.equal(status, 400, `${locale} refused`);
          assert.equal(forwarded, undefined);
        }
      }
    });
  }
});
