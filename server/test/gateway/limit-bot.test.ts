// The beforeSend hook: a bot check that runs before any code is sent and can refuse the send.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import type { SendAttempt } from '../../src/gateway/limit/index.js';
import { limitedGateway } from './limit-support.js';
import { SMS_SEND, apiRequest, mfaPendingBody, json, setup } from './support.js';

/** A bot check that wants the header a page would add after a challenge. */
function botCheck(seen: SendAttempt[] = []) {
  return (request: Request, attempt: SendAttempt) => {
    seen.push(attempt);
    if (request.headers.get('x-bot-token') !== 'human') {
      return Response.json(
        { error_type: 'captcha_failed', error_message: 'Please complete the challenge.' },
        { status: 403 },
      );
    }
    return undefined;
  };
}

describe('beforeSend (bot check)', () => {
  it('refuses a send it rejects, in Stytch’s shape, without calling Stytch', async () => {
    const seen: SendAttempt[] = [];
    const { send, calls } = limitedGateway({ beforeSend: botCheck(seen) });
    const refused = await send('Ada@Example.com', '203.0.113.7');
    assert.equal(refused.status, 403);
    const body = await refused.json();
    assert.equal(body.status_code, 403);
    assert.equal(body.error_type, 'captcha_failed');
    assert.equal(body.error_message, 'Please complete the challenge.');
    assert.match(body.request_id, /^request-id-/);
    assert.equal(calls.length, 0);
    assert.equal(seen.length, 1);
    assert.equal(seen[0].channel, 'email');
    assert.equal(seen[0].identifier, 'ada@example.com');
    assert.equal(seen[0].clientAddress, '203.0.113.7');
    assert.equal(seen[0].body.email_address, 'Ada@Example.com');
  });

  it('lets a send it accepts through', async () => {
    const { send, calls } = limitedGateway({ beforeSend: botCheck() });
    const response = await send('ada@example.com', '203.0.113.7', { 'x-bot-token': 'human' });
    assert.equal(response.status, 200);
    assert.equal(calls.length, 1);
  });

  it('does not run for authenticates', async () => {
    const seen: SendAttempt[] = [];
    const { authenticate } = limitedGateway({ beforeSend: botCheck(seen) });
    assert.equal((await authenticate('ada@example.com', '203.0.113.7')).status, 200);
    assert.equal(seen.length, 0);
  });

  it('runs for SMS sends, with the phone number as identifier', async () => {
    const seen: SendAttempt[] = [];
    const { gateway, calls } = setup({ beforeSend: botCheck(seen) }, () =>
      json(200, mfaPendingBody()),
    );
    const response = await gateway(
      apiRequest(SMS_SEND, {
        body: {
          organization_id: 'organization-test-1',
          member_id: 'member-test-1',
          mfa_phone_number: '+15555550123',
        },
        cookie: 'otp_ist=ist-secret-pending; __Host-otp_ist=ist-secret-pending',
      }),
    );
    assert.equal(response.status, 403);
    assert.equal(calls.length, 0);
    assert.equal(seen[0]?.channel, 'sms');
    assert.equal(seen[0]?.identifier, '+15555550123');
  });

  it('keeps refused bots from using up a member’s sends', async () => {
    const { send } = limitedGateway({ beforeSend: botCheck() });
    for (let i = 0; i < 20; i++) {
      assert.equal((await send('ada@example.com', `198.51.100.${i}`)).status, 403);
    }
    const human = await send('ada@example.com', '192.0.2.10', { 'x-bot-token': 'human' });
    assert.equal(human.status, 200);
  });

  it('passes on Retry-After and falls back to 403 and a generic message for other answers', async () => {
    const { send } = limitedGateway({
      beforeSend: () =>
        new Response('slow down', { status: 200, headers: { 'retry-after': '42' } }),
    });
    const refused = await send('ada@example.com', '203.0.113.7');
    assert.equal(refused.status, 403);
    assert.equal(refused.headers.get('retry-after'), '42');
    const body = await refused.json();
    assert.equal(body.error_type, 'bot_check_failed');
    assert.equal(typeof body.error_message, 'string');
  });

  it('runs after the per-client limit: a flood is refused before the bot check is asked', async () => {
    let asked = 0;
    const { send } = limitedGateway({ beforeSend: () => void asked++ });
    for (let i = 0; i < 40; i++) await send(`u${i}@example.com`, '203.0.113.7');
    assert.equal(asked, 30);
  });
});
