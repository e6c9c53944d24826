import { expect, fixture, html } from '@open-wc/testing';
import '../../../src/index.js';
import type { OtpEmailAuth } from '../../../src/index.js';
import {
  browserCookies,
  cleanUp,
  E2E_TIMEOUT,
  emailAuth,
  freshBrowser,
  latestCode,
  newEmail,
  organization,
  submitCode,
  submitEmail,
  tokensVisibleToScripts,
} from './support.js';

describe('e2e: email OTP login against the gateway and the emulator', function () {
  this.timeout(E2E_TIMEOUT);
  beforeEach(freshBrowser);
  afterEach(cleanUp);

  it('signs a new member in with the code from the outbox, tokens out of reach of scripts', async () => {
    const org = await organization('OPTIONAL');
    const email = newEmail(org);
    const el = await emailAuth(org);

    expect(await submitEmail(el, email)).to.include({ channel: 'email', to: email });
    await expect(el).to.be.accessible();

    const code = await latestCode(email, 'email');
    const detail = await submitCode(el, code, 'otp-session-created');

    expect(detail.member.email_address).to.equal(email);
    expect(detail.member.status).to.equal('active');
    expect(detail.organization.organization_id).to.equal(org.organization_id);
    expect(detail.member_session!.authentication_factors[0]).to.include({
      type: 'email_otp',
      delivery_method: 'email',
    });
    const serialized = JSON.stringify(detail);
    for (const field of ['session_token', 'session_jwt', 'intermediate_session_token']) {
      expect(serialized, field).not.to.contain(field);
    }
    expect(tokensVisibleToScripts()).to.equal(false);

    const cookies = (await browserCookies()).filter((c) => c.name.startsWith('otp_'));
    expect(cookies.map((c) => c.name).sort()).to.deep.equal(['otp_session', 'otp_session_jwt']);
    for (const cookie of cookies) expect(cookie, cookie.name).to.include({ httpOnly: true });

    const session = await fetch('/api/session', { headers: { 'x-otp-auth': '1' } });
    expect(session.status).to.equal(200);
    expect((await session.json()).member.email_address).to.equal(email);
  });

  it('shows a wrong code as an error and accepts the right one after it', async () => {
    const org = await organization('OPTIONAL');
    const email = newEmail(org);
    const el = await fixture<OtpEmailAuth>(
      html`<otp-email-auth organization-id=${org.organization_id} email=${email}></otp-email-auth>`,
    );
    await submitEmail(el, ''); // prefilled: nothing to add
    const code = await latestCode(email, 'email');
    const wrong = [...code].map((d) => (Number(d) + 1) % 10).join('');

    const failed = await submitCode(el, wrong, 'otp-error');
    expect(failed.error.error_type).to.equal('otp_code_not_found');
    await expect(el).to.be.accessible();

    const created = await submitCode(el, code, 'otp-session-created');
    expect(created.member.email_address).to.equal(email);
  });
});
