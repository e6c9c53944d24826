import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { MINUTE, setupOrgs } from './support.js';

describe('dev outbox', () => {
  it('returns every message as JSON, newest last, with the documented fields', async () => {
    const { api, optional, ada } = await setupOrgs();
    await api.sendEmail(optional.organization_id, 'ada@optional.test');
    api.clock.advance(MINUTE);
    const login = await api.session(optional.organization_id, 'ada@optional.test');
    await api.sendSms(optional.organization_id, ada.member_id, {
      mfa_phone_number: '+15555550111',
      session_token: login.session_token,
    });

    const reply = await api.get('/__dev/outbox', {
      auth: false,
      headers: { accept: 'application/json' },
    });
    assert.equal(reply.status, 200);
    assert.equal(reply.headers.get('cache-control'), 'no-store');
    const { messages } = reply.body;
    assert.deepEqual(
      messages.map((m: { channel: string; to: string }) => `${m.channel}:${m.to}`),
      ['email:ada@optional.test', 'email:ada@optional.test', 'sms:+15555550111'],
    );
    const [first, , sms] = messages;
    assert.deepEqual(Object.keys(first).sort(), [
      'channel',
      'code',
      'expires_at',
      'member_id',
      'organization_id',
      'sent_at',
      'to',
    ]);
    assert.equal(first.sent_at, new Date(api.clock.now() - MINUTE).toISOString());
    assert.equal(first.expires_at, new Date(api.clock.now() + 9 * MINUTE).toISOString());
    assert.equal(sms.member_id, ada.member_id);
    assert.equal(sms.organization_id, optional.organization_id);
    assert.deepEqual(messages, api.emulator.outbox());
  });

  it('prints each message through log, code included', async () => {
    const { api, optional } = await setupOrgs();
    await api.sendEmail(optional.organization_id, 'ada@optional.test');
    const code = api.lastCode('ada@optional.test');
    const line = api.lines.find((l) => l.startsWith('[outbox]'));
    assert.ok(line);
    assert.ok(line.includes('ada@optional.test') && line.includes(code), line);
  });

  it('never prints session tokens or ISTs', async () => {
    const { api, optional, required } = await setupOrgs();
    const login = await api.session(optional.organization_id, 'ada@optional.test');
    const mfa = await api.emailLogin(required.organization_id, 'bob@required.test');
    const log = api.lines.join('\n');
    assert.ok(!log.includes(login.session_token));
    assert.ok(!log.includes(login.session_jwt));
    assert.ok(!log.includes(mfa.body.intermediate_session_token));
  });

  it('serves a readable, auto-refreshing HTML page to browsers with every value escaped', async () => {
    const { api, optional } = await setupOrgs();
    await api.createMember(optional.organization_id, "o'hara&sons@optional.test");
    await api.sendEmail(optional.organization_id, "o'hara&sons@optional.test");
    const reply = await api.get('/__dev/outbox', {
      auth: false,
      headers: { accept: 'text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8' },
    });
    assert.equal(reply.status, 200);
    assert.match(reply.headers.get('content-type')!, /^text\/html/);
    const html: string = reply.body;
    assert.match(html, /<meta http-equiv="refresh" content="\d+">/);
    assert.ok(html.includes('o&#39;hara&amp;sons@optional.test'));
    assert.ok(!html.includes("o'hara&sons"));
    assert.ok(html.includes(api.lastCode("o'hara&sons@optional.test")));
    assert.match(html, /Local development only/);
    const csp = reply.headers.get('content-security-policy')!;
    assert.match(csp, /default-src 'none'/);
    assert.match(csp, /frame-ancestors 'none'/);
    assert.doesNotMatch(csp, /unsafe-inline/);
    const nonce = /style-src 'nonce-([^']+)'/.exec(csp)![1];
    assert.ok(html.includes(`<style nonce="${nonce}">`));
  });

  it('shows an empty state in HTML and JSON', async () => {
    const { api } = await setupOrgs();
    assert.deepEqual((await api.get('/__dev/outbox', { auth: false })).body, { messages: [] });
    const html = await api.get('/__dev/outbox', { auth: false, headers: { accept: 'text/html' } });
    assert.match(html.body, /No messages yet/);
  });

  it('DELETE clears it', async () => {
    const { api, optional } = await setupOrgs();
    await api.sendEmail(optional.organization_id, 'ada@optional.test');
    const code = api.lastCode('ada@optional.test');
    const cleared = await api.request('DELETE', '/__dev/outbox', undefined, { auth: false });
    assert.equal(cleared.status, 200);
    assert.deepEqual(api.emulator.outbox(), []);
    assert.deepEqual((await api.get('/__dev/outbox', { auth: false })).body, { messages: [] });
    // Only the outbox is cleared: the code still works.
    assert.equal(
      (await api.authenticateEmail(optional.organization_id, 'ada@optional.test', code)).status,
      200,
    );
  });
});
