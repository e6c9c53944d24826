import { expect, fixture, html } from '@open-wc/testing';
import '../../../src/index.js';
import type { OtpEmailAuth, OtpSmsStepup } from '../../../src/index.js';
import {
  cleanUp,
  E2E_TIMEOUT,
  emailAuth,
  emulatorMember,
  freshBrowser,
  latestCode,
  logout,
  messagesTo,
  newEmail,
  newPhone,
  organization,
  type SeedOrganization,
  submitCode,
  submitEmail,
  submitPhone,
  tokensVisibleToScripts,
} from './support.js';

/** Email step of a login that needs MFA: resolves with the element and `otp-mfa-required`'s detail. */
async function emailStep(org: SeedOrganization, email: string) {
  const el = await emailAuth(org);
  await submitEmail(el, email);
  const mfa = await submitCode(el, await latestCode(email, 'email'), 'otp-mfa-required');
  return { el, mfa };
}

function stepup(el: OtpEmailAuth) {
  return el.shadowRoot!.querySelector('otp-sms-stepup')!;
}

describe('e2e: SMS one-time codes against the gateway and the emulator', function () {
  this.timeout(E2E_TIMEOUT);
  beforeEach(freshBrowser);
  afterEach(cleanUp);

  it('enrolls a new member of a REQUIRED_FOR_ALL organization, then signs in with the SMS sent at once', async () => {
    const org = await organization('REQUIRED_FOR_ALL');
    const email = newEmail(org);
    const phone = newPhone();

    // First login: email code, phone enrollment, SMS code.
    const first = await emailStep(org, email);
    expect(first.mfa.smsSent).to.equal(false);
    expect(first.mfa.mfaRequired.secondary_auth_initiated).to.equal(null);
    await expect(first.el).to.be.accessible();
    expect(await submitPhone(first.el, phone)).to.include({ channel: 'sms' });
    await expect(first.el).to.be.accessible();
    const detail = await submitCode(
      stepup(first.el),
      await latestCode(phone, 'sms'),
      'otp-session-created',
    );
    expect(
      detail.member_session!.authentication_factors.map((f: { type: string }) => f.type),
    ).to.have.members(['email_otp', 'otp']);
    expect(tokensVisibleToScripts()).to.equal(false);
    const member = await emulatorMember(org.organization_id, detail.member.member_id);
    expect(member).to.include({
      mfa_enrolled: true,
      mfa_phone_number: phone,
      mfa_phone_number_verified: true,
    });

    // Second login: the server texts the code right after the email step; nothing is sent twice.
    await logout();
    const smsBefore = (await messagesTo(phone, 'sms')).length;
    const second = await emailStep(org, email);
    expect(second.mfa.smsSent).to.equal(true);
    const code = await latestCode(phone, 'sms', smsBefore);
    const again = await submitCode(stepup(second.el), code, 'otp-session-created');
    expect(again.member.email_address).to.equal(email);
    expect((await messagesTo(phone, 'sms')).length).to.equal(smsBefore + 1);
  });

  it('steps up an OPTIONAL-organization session with SMS and enrolls, so the next login asks for SMS', async () => {
    const org = await organization('OPTIONAL');
    const email = newEmail(org);
    const phone = newPhone();

    const login = await emailAuth(org);
    await submitEmail(login, email);
    const { member } = await submitCode(
      login,
      await latestCode(email, 'email'),
      'otp-session-created',
    );

    const el = await fixture<OtpSmsStepup>(
      html`<otp-sms-stepup
        mode="step-up"
        set-mfa-enrollment="enroll"
        organization-id=${org.organization_id}
        member-id=${member.member_id}
        .member=${member}
      ></otp-sms-stepup>`,
    );
    await expect(el).to.be.accessible();
    await submitPhone(el, phone);
    const stepped = await submitCode(el, await latestCode(phone, 'sms'), 'otp-step-up-complete');
    expect(
      stepped.member_session.authentication_factors.map((f: { type: string }) => f.type),
    ).to.have.members(['email_otp', 'otp']);
    expect(JSON.stringify(stepped)).not.to.contain('session_token');
    expect(await emulatorMember(org.organization_id, member.member_id)).to.include({
      mfa_enrolled: true,
      mfa_phone_number_verified: true,
    });

    await logout();
    const next = await emailStep(org, email);
    expect(next.mfa.smsSent).to.equal(true);
  });
  it('lets the host place the SMS step with mfa="event", as the README shows', async () => {
    const org = await organization('REQUIRED_FOR_ALL');
    const email = newEmail(org);
    const phone = newPhone();
    const page = await fixture<HTMLElement>(
      html`<div>
        <otp-email-auth organization-id=${org.organization_id} mfa="event"></otp-email-auth>
        <otp-sms-stepup hidden></otp-sms-stepup>
      </div>`,
    );
    const login = page.querySelector('otp-email-auth')!;
    const sms = page.querySelector('otp-sms-stepup')!;
    page.addEventListener('otp-mfa-required', ({ detail }) => {
      sms.organizationId = detail.organization.organization_id;
      sms.member = detail.member;
      sms.organization = detail.organization;
      sms.mfaRequired = detail.mfaRequired;
      sms.hidden = false;
    });

    await submitEmail(login, email);
    await submitCode(login, await latestCode(email, 'email'), 'otp-mfa-required');
    expect(login.shadowRoot!.querySelector('otp-sms-stepup')).to.equal(null);

    await submitPhone(sms, phone);
    await expect(sms).to.be.accessible();
    const created = await submitCode(sms, await latestCode(phone, 'sms'), 'otp-session-created');
    expect(created.member.email_address).to.equal(email);
    expect(tokensVisibleToScripts()).to.equal(false);
  });
});
