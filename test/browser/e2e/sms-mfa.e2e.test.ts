import { expect, fixture, html, oneEvent } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../../src/index.js';
import type { OtpEmailAuth, OtpSmsStepup } from '../../../src/index.js';
import {
  emulatorMember,
  latestCode,
  logout,
  messagesTo,
  newEmail,
  newPhone,
  organization,
  tokensVisibleToScripts,
  typeInto,
  type SeedOrganization,
} from './support.js';

const CODE_INPUT = 'input[autocomplete=one-time-code]';

async function emailStep(org: SeedOrganization, email: string) {
  const el = await fixture<OtpEmailAuth>(
    html`<otp-email-auth organization-id=${org.organization_id}></otp-email-auth>`,
  );
  const sent = oneEvent(el, 'otp-code-sent');
  await typeInto(el.shadowRoot!, 'input[type=email]', email);
  await sendKeys({ press: 'Enter' });
  await sent;
  const mfa = oneEvent(el, 'otp-mfa-required');
  await typeInto(el.shadowRoot!, CODE_INPUT, await latestCode(email, 'email'));
  return { el, mfa: (await mfa).detail };
}

function stepup(el: OtpEmailAuth) {
  return el.shadowRoot!.querySelector('otp-sms-stepup')!;
}

describe('e2e: SMS one-time codes against the gateway and the emulator', () => {
  beforeEach(logout);
  afterEach(logout);

  it('enrolls a new member of a REQUIRED_FOR_ALL organization, then signs in with the SMS sent at once', async () => {
    const org = await organization('REQUIRED_FOR_ALL');
    const email = newEmail(org);
    const phone = newPhone();

    // First login: email code, phone enrollment, SMS code.
    const first = await emailStep(org, email);
    expect(first.mfa.sms_sent).to.equal(false);
    expect(first.mfa.mfa_required.secondary_auth_initiated).to.equal(null);
    await expect(first.el).to.be.accessible();
    const smsSent = oneEvent(first.el, 'otp-code-sent');
    await typeInto(first.el.shadowRoot!, 'input[type=tel]', phone);
    await sendKeys({ press: 'Enter' });
    expect((await smsSent).detail).to.include({ channel: 'sms' });
    await expect(first.el).to.be.accessible();
    const created = oneEvent(first.el, 'otp-session-created');
    await typeInto(stepup(first.el).shadowRoot!, CODE_INPUT, await latestCode(phone, 'sms'));
    const { detail } = await created;
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
    expect(second.mfa.sms_sent).to.equal(true);
    const code = await latestCode(phone, 'sms', smsBefore);
    const again = oneEvent(second.el, 'otp-session-created');
    await typeInto(stepup(second.el).shadowRoot!, CODE_INPUT, code);
    expect((await again).detail.member.email_address).to.equal(email);
    expect((await messagesTo(phone, 'sms')).length).to.equal(smsBefore + 1);
  });

  it('steps up an OPTIONAL-organization session with SMS and enrolls, so the next login asks for SMS', async () => {
    const org = await organization('OPTIONAL');
    const email = newEmail(org);
    const phone = newPhone();

    const login = await fixture<OtpEmailAuth>(
      html`<otp-email-auth organization-id=${org.organization_id}></otp-email-auth>`,
    );
    const sent = oneEvent(login, 'otp-code-sent');
    await typeInto(login.shadowRoot!, 'input[type=email]', email);
    await sendKeys({ press: 'Enter' });
    await sent;
    const created = oneEvent(login, 'otp-session-created');
    await typeInto(login.shadowRoot!, CODE_INPUT, await latestCode(email, 'email'));
    const { member } = (await created).detail;

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
    const smsSent = oneEvent(el, 'otp-code-sent');
    await typeInto(el.shadowRoot!, 'input[type=tel]', phone);
    await sendKeys({ press: 'Enter' });
    await smsSent;
    const completed = oneEvent(el, 'otp-step-up-complete');
    await typeInto(el.shadowRoot!, CODE_INPUT, await latestCode(phone, 'sms'));
    const stepped = (await completed).detail;
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
    expect(next.mfa.sms_sent).to.equal(true);
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
      sms.mfaRequired = detail.mfa_required;
      sms.hidden = false;
    });

    const sent = oneEvent(login, 'otp-code-sent');
    await typeInto(login.shadowRoot!, 'input[type=email]', email);
    await sendKeys({ press: 'Enter' });
    await sent;
    const mfa = oneEvent(login, 'otp-mfa-required');
    await typeInto(login.shadowRoot!, CODE_INPUT, await latestCode(email, 'email'));
    await mfa;
    expect(login.shadowRoot!.querySelector('otp-sms-stepup')).to.equal(null);

    const smsSent = oneEvent(sms, 'otp-code-sent');
    await typeInto(sms.shadowRoot!, 'input[type=tel]', phone);
    await sendKeys({ press: 'Enter' });
    await smsSent;
    await expect(sms).to.be.accessible();
    const created = oneEvent(sms, 'otp-session-created');
    await typeInto(sms.shadowRoot!, CODE_INPUT, await latestCode(phone, 'sms'));
    expect((await created).detail.member.email_address).to.equal(email);
    expect(tokensVisibleToScripts()).to.equal(false);
  });
});
