// Issue 8, item 4: SMS toll fraud. A new MFA phone number must be in an allowed region (default
// US and Canada, as on Stytch) before any SMS is sent.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { createGateway } from '../../src/gateway/index.js';
import { SMS_SEND, VALID_BODIES, apiRequest, setup } from './support.js';

async function send(phone: unknown, options = {}) {
  const { gateway, calls } = setup(options);
  const body = { ...VALID_BODIES[SMS_SEND], mfa_phone_number: phone };
  const response = await gateway(apiRequest(SMS_SEND, { body, cookie: '__Host-otp_ist=ist-1' }));
  return { response, body: await response.json(), calls };
}

describe('gateway SMS countries', () => {
  for (const phone of ['+14155550123', '+14165550123', '+15555550123', '+16135550199']) {
    it(`sends to ${phone} by default (US, Canada)`, async () => {
      const { response, calls } = await send(phone);
      assert.equal(response.status, 200);
      assert.equal(calls[0].body.mfa_phone_number, phone);
    });
  }

  for (const phone of [
    '+999999999999999',
    '+447912345678',
    '+18765551234', // Jamaica shares +1
    '+12425551234', // Bahamas
    '+882345678901',
  ]) {
    it(`refuses ${phone} with 400 before any send`, async () => {
      const { response, body, calls } = await send(phone);
      assert.equal(response.status, 400);
      assert.equal(body.error_type, 'invalid_phone_number_country_code');
      assert.match(body.error_message, /US, CA/);
      assert.equal(calls.length, 0);
    });
  }

  it('refuses what is not E.164 with invalid_phone_number', async () => {
    for (const phone of ['4155550123', '+1 415 555 0123', 14155550123, '+0155550123', '']) {
      const { response, body, calls } = await send(phone);
      assert.equal(response.status, 400, String(phone));
      assert.equal(body.error_type, 'invalid_phone_number', String(phone));
      assert.equal(calls.length, 0);
    }
  });

  it('follows a configured allowlist', async () => {
    const options = { smsCountries: ['GB', 'FR'] };
    assert.equal((await send('+447912345678', options)).response.status, 200);
    assert.equal((await send('+33612345678', options)).response.status, 200);
    const us = await send('+14155550123', options);
    assert.equal(us.response.status, 400);
    assert.match(us.body.error_message, /GB, FR/);
  });

  it('refuses unknown region codes in the configuration', () => {
    assert.throws(
      () => createGateway({ projectId: 'project-test-x', secret: 's', smsCountries: ['XX'] }),
      /smsCountries/,
    );
  });

  it('leaves resends to the enrolled phone (no mfa_phone_number) alone', async () => {
    const { response, calls } = await send(undefined);
    assert.equal(response.status, 200);
    assert.equal('mfa_phone_number' in calls[0].body, false);
  });
});
