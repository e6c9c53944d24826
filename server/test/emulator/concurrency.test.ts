import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { USER_LOCK_DEFAULT_THRESHOLD as LOCK_THRESHOLD } from '../../src/emulator/constants.js';
import { bobWithSmsSent, MFA_PHONE, setupOrgs } from './support.js';

const statuses = (replies: { status: number }[]) => replies.map((r) => r.status).sort();

describe('check-then-use is atomic', () => {
  it('two simultaneous email authenticates with the same code: exactly one succeeds', async () => {
    const { api, optional } = await setupOrgs();
    await api.sendEmail(optional.organization_id, 'ada@optional.test');
    const code = api.lastCode('ada@optional.test');
    const replies = await Promise.all([
      api.authenticateEmail(optional.organization_id, 'ada@optional.test', code),
      api.authenticateEmail(optional.organization_id, 'ada@optional.test', code),
    ]);
    assert.deepEqual(statuses(replies), [200, 401]);
  });

  it('ten simultaneous submits of one code: one session only', async () => {
    const { api, optional, ada } = await setupOrgs();
    await api.sendEmail(optional.organization_id, 'ada@optional.test');
    const code = api.lastCode('ada@optional.test');
    const replies = await Promise.all(
      Array.from({ length: 10 }, () =>
        api.authenticateEmail(optional.organization_id, 'ada@optional.test', code),
      ),
    );
    assert.equal(replies.filter((r) => r.status === 200).length, 1);
    const sessions = await api.get(
      `/v1/b2b/sessions?organization_id=${optional.organization_id}&member_id=${ada.member_id}`,
    );
    assert.equal(sessions.body.member_sessions.length, 1);
  });

  it('one discovery IST exchanged into two organizations at once: exactly one session', async () => {
    const { api, optional, required } = await setupOrgs();
    await api.createMember(required.organization_id, 'ada@optional.test');
    await api.put(`/v1/b2b/organizations/${required.organization_id}`, { mfa_policy: 'OPTIONAL' });
    const found = await api.discover('ada@optional.test');
    const replies = await Promise.all(
      [optional, required].map((org) =>
        api.post('/v1/b2b/discovery/intermediate_sessions/exchange', {
          intermediate_session_token: found.intermediate_session_token,
          organization_id: org.organization_id,
        }),
      ),
    );
    assert.deepEqual(statuses(replies), [200, 404]);
  });

  it('two simultaneous SMS authenticates with the same IST and code: exactly one succeeds', async () => {
    const { api, required, bob, ist } = await bobWithSmsSent();
    const code = api.lastCode(MFA_PHONE);
    const replies = await Promise.all([
      api.authenticateSms(required.organization_id, bob.member_id, code, {
        intermediate_session_token: ist,
      }),
      api.authenticateSms(required.organization_id, bob.member_id, code, {
        intermediate_session_token: ist,
      }),
    ]);
    assert.equal(replies.filter((r) => r.status === 200).length, 1);
  });

  it('one IST used by two different valid requests at once: exactly one succeeds', async () => {
    // SMS authenticate and email authenticate each hold a valid code of their own; both consume the IST.
    const { api, required, bob, ist } = await bobWithSmsSent();
    await api.sendEmail(required.organization_id, 'bob@required.test');
    const replies = await Promise.all([
      api.authenticateSms(required.organization_id, bob.member_id, api.lastCode(MFA_PHONE), {
        intermediate_session_token: ist,
      }),
      api.authenticateEmail(
        required.organization_id,
        'bob@required.test',
        api.lastCode('bob@required.test'),
        {
          intermediate_session_token: ist,
        },
      ),
    ]);
    assert.deepEqual(statuses(replies), [200, 404]);
    assert.equal(
      replies.find((r) => r.status === 404)!.body.error_type,
      'intermediate_session_not_found',
    );
  });

  it('fifty simultaneous wrong codes: at most the limit are judged, the rest are locked out', async () => {
    const { api, optional } = await setupOrgs();
    await api.sendEmail(optional.organization_id, 'ada@optional.test');
    const code = api.lastCode('ada@optional.test');
    const wrong = String((Number(code) + 1) % 1e6).padStart(6, '0');
    const replies = await Promise.all(
      Array.from({ length: 50 }, () =>
        api.authenticateEmail(optional.organization_id, 'ada@optional.test', wrong),
      ),
    );
    const judged = replies.filter((r) => r.status === 404).length;
    assert.equal(judged, LOCK_THRESHOLD - 1);
    assert.equal(replies.filter((r) => r.status === 429).length, 50 - judged);
    assert.equal(
      (await api.authenticateEmail(optional.organization_id, 'ada@optional.test', code)).status,
      429,
    );
  });
});
