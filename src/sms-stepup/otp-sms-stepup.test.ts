import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../define/sms-stepup.js';
import type { OtpSmsStepup } from './otp-sms-stepup.js';
import type { OtpCodeField } from '../code-field/otp-code-field.js';
import type { Member, MfaRequired } from '../client/types.js';
import {
  enrolled,
  FakeOtpApi,
  MASKED,
  member,
  MEMBER_ID,
  memberSession,
  notSent,
  ORG_ID,
  organization,
  otpError,
  PHONE,
  smsAuthenticateResponse,
  smsSendResponse,
  smsSent,
} from '../../test/browser/support/fake-api.js';
import {
  alertText,
  find,
  focusLandsOn,
  get,
  heading,
  record,
  settle,
  statusText,
  text,
  trackRejections,
  typeInto,
  waitUntil,
} from '../../test/browser/support/dom.js';
import { FakeClock } from '../../test/browser/support/fake-clock.js';

const EVENTS = [
  'otp-code-sent',
  'otp-session-created',
  'otp-step-up-complete',
  'otp-restart',
  'otp-error',
];

interface Setup {
  member?: Member;
  mfaRequired?: MfaRequired;
  api?: FakeOtpApi;
  props?: Partial<OtpSmsStepup>;
}

async function setup({ member: m, mfaRequired, api = new FakeOtpApi(), props = {} }: Setup) {
  const el = document.createElement('otp-sms-stepup');
  Object.assign(el, { client: api, member: m, organization: organization(), mfaRequired }, props);
  const events = record(el, ...EVENTS);
  const wrapper = await fixture<HTMLElement>(html`<div></div>`);
  wrapper.append(el);
  await el.updateComplete;
  return { el, api, events };
}

const codeField = (el: OtpSmsStepup) => get<OtpCodeField>(el, 'otp-code-field');
const phoneInput = (el: OtpSmsStepup) => get<HTMLInputElement>(el, 'input[type=tel]');
const country = (el: OtpSmsStepup) => get<HTMLSelectElement>(el, 'select');
const codeStep = (el: OtpSmsStepup) =>
  focusLandsOn((a) => a?.id === 'input' && !!find(el, 'otp-code-field'), 'the code input');

describe('otp-sms-stepup', () => {
  let rejections: ReturnType<typeof trackRejections>;
  beforeEach(() => (rejections = trackRejections()));
  afterEach(() => rejections.check());

  describe('after primary login', () => {
    it('goes straight to the code when the server already sent the SMS', async () => {
      const { el, api, events } = await setup({ member: enrolled, mfaRequired: smsSent });
      await codeStep(el);
      expect(api.calls, 'no second send').to.deep.equal([]);
      expect(heading(el)).to.equal('Check your phone');
      expect(text(get(el, 'form > p[part=hint]'))).to.equal(`We sent a code to ${MASKED}.`);
      expect(codeField(el).hint).to.equal('Enter the 6-digit code. The code expires in 2 minutes.');
      expect(events.map((e) => e.type)).to.deep.equal(['otp-code-sent']);
      expect(events[0].detail).to.deep.equal({
        channel: 'sms',
        to: MASKED,
        expiresInSeconds: 120,
        memberId: MEMBER_ID,
        organizationId: ORG_ID,
      });
      expect(get(el, '[part=secondary-button]').getAttribute('aria-disabled')).to.equal('true');
      await expect(el).to.be.accessible();
    });

    it('resends without a phone number, in the SMS locale', async () => {
      const { el, api, events } = await setup({
        member: enrolled,
        mfaRequired: smsSent,
        props: { resendCooldown: 0, locale: 'zh-Hans-CN' },
      });
      await codeStep(el);
      api.on('smsSend', smsSendResponse());
      const resend = get(el, '[part=secondary-button]');
      await waitUntil(() => text(resend) !== 'Send a new code', 'the zh-Hans catalog loaded');
      resend.click();
      await waitUntil(() => /^已于 .+ 向 \+•+0123 发送新的验证码。/.test(statusText(el)));
      expect(api.bodies('smsSend')).to.deep.equal([
        { organization_id: ORG_ID, member_id: MEMBER_ID, locale: 'zh-Hans' },
      ]);
      expect(events.filter((e) => e.type === 'otp-code-sent')).to.have.length(2);
    });

    it('sends the SMS first when the member has a phone but none was sent', async () => {
      const api = new FakeOtpApi().on('smsSend', smsSendResponse());
      const { el, events } = await setup({ member: enrolled, mfaRequired: notSent, api });
      await codeStep(el);
      expect(api.bodies('smsSend')).to.deep.equal([
        { organization_id: ORG_ID, member_id: MEMBER_ID },
      ]);
      expect(events.map((e) => e.type)).to.deep.equal(['otp-code-sent']);
      expect(events[0].detail.to).to.equal(MASKED);
    });

    it('authenticates with the exact body (no session length unless set) and fires otp-session-created', async () => {
      const { el, api, events } = await setup({ member: enrolled, mfaRequired: smsSent });
      await codeStep(el);
      api.on('smsAuthenticate', smsAuthenticateResponse());
      await sendKeys({ type: '123456' });
      await waitUntil(() => events.some((e) => e.type === 'otp-session-created'));
      expect(api.bodies('smsAuthenticate')).to.deep.equal([
        {
          organization_id: ORG_ID,
          member_id: MEMBER_ID,
          code: '123456',
        },
      ]);
      const created = events.find((e) => e.type === 'otp-session-created')!;
      expect(created.detail).to.deep.equal({
        member: member({ mfa_phone_number: PHONE, mfa_phone_number_verified: true }),
        organization: organization(),
        member_session: memberSession(['email_otp', 'otp']),
      });
      expect(events.map((e) => e.type)).to.not.include('otp-step-up-complete');
      await focusLandsOn((a) => a?.localName === 'h2', 'the heading');
      expect(heading(el)).to.equal('You are signed in.');
      await expect(el).to.be.accessible();
    });

    it('passes tokens through only when present, and set-mfa-enrollment', async () => {
      const { el, api, events } = await setup({
        member: enrolled,
        mfaRequired: smsSent,
        props: { setMfaEnrollment: 'enroll', sessionDurationMinutes: 30 },
      });
      await codeStep(el);
      api.on('smsAuthenticate', smsAuthenticateResponse({ session_jwt: 'jwt-1' }));
      await sendKeys({ type: '123456' });
      await waitUntil(() => events.some((e) => e.type === 'otp-session-created'));
      expect(api.bodies('smsAuthenticate')[0]).to.deep.equal({
        organization_id: ORG_ID,
        member_id: MEMBER_ID,
        code: '123456',
        session_duration_minutes: 30,
        set_mfa_enrollment: 'enroll',
      });
      const detail = events.find((e) => e.type === 'otp-session-created')!.detail;
      expect(detail.session_jwt).to.equal('jwt-1');
      expect(detail).to.not.have.property('session_token');
    });

    it('uses the mfa_required phone when only member-id is known', async () => {
      const api = new FakeOtpApi().on('smsSend', smsSendResponse());
      const { el } = await setup({
        mfaRequired: { ...notSent, member_options: smsSent.member_options },
        props: { memberId: MEMBER_ID, organizationId: ORG_ID },
        api,
      });
      await codeStep(el);
      expect(api.bodies('smsSend')).to.deep.equal([
        { organization_id: ORG_ID, member_id: MEMBER_ID },
      ]);
    });
  });

  describe('enrollment', () => {
    it('asks for a phone number when the member has none', async () => {
      const { el, api } = await setup({ member: member(), mfaRequired: notSent });
      await focusLandsOn((a) => a?.id === 'phone', 'the phone input');
      expect(heading(el)).to.equal('Add a phone number');
      expect(text(get(el, 'label[for=country]'))).to.equal('Country code');
      expect(text(get(el, 'label[for=phone]'))).to.equal('Mobile number');
      expect(phoneInput(el).autocomplete).to.equal('tel-national');
      expect(country(el).value, 'region of the default locale').to.equal('US');
      const us = [...country(el).options].find((o) => o.value === 'US')!;
      expect(text(us)).to.equal('United States (+1)');
      expect(api.calls).to.deep.equal([]);
      await expect(el).to.be.accessible();
    });

    it('validates the number before sending', async () => {
      const { el, api } = await setup({ member: member(), mfaRequired: notSent });
      await focusLandsOn((a) => a?.id === 'phone', 'the phone input');
      await sendKeys({ press: 'Enter' });
      await settle(el);
      expect(alertText(el)).to.equal('Enter your mobile number.');
      await typeInto(phoneInput(el), '12-34');
      await sendKeys({ press: 'Enter' });
      await settle(el);
      expect(alertText(el)).to.equal(
        'Enter a valid mobile number: choose the country code, then the number.',
      );
      expect(phoneInput(el).getAttribute('aria-invalid')).to.equal('true');
      expect(phoneInput(el).value, 'input kept').to.equal('12-34');
      expect(api.calls).to.deep.equal([]);
      await expect(el).to.be.accessible();
    });

    it('sends the E.164 number built from the chosen country', async () => {
      const { el, api, events } = await setup({
        member: member(),
        mfaRequired: notSent,
        props: { locale: 'fr' },
      });
      await focusLandsOn((a) => a?.id === 'phone', 'the phone input');
      expect(country(el).value, 'region of the locale').to.equal('FR');
      expect(text([...country(el).options].find((o) => o.value === 'FR')!)).to.equal(
        'France (+33)',
      );
      country(el).value = 'GB';
      country(el).dispatchEvent(new Event('change'));
      api.on('smsSend', smsSendResponse({ mfa_phone_number: '+447912345678' }));
      await typeInto(phoneInput(el), '07912 345678');
      await sendKeys({ press: 'Enter' });
      await codeStep(el);
      expect(api.bodies('smsSend')).to.deep.equal([
        {
          organization_id: ORG_ID,
          member_id: MEMBER_ID,
          mfa_phone_number: '+447912345678',
          locale: 'fr',
        },
      ]);
      expect(text(get(el, 'form > p[part=hint]')), 'one masked form').to.equal(
        'Nous avons envoyé un code à +••••••••5678.',
      );
      expect(events[0].detail.to).to.equal('+••••••••5678');
    });

    it('takes an international number typed with +', async () => {
      const { el, api } = await setup({ member: member(), mfaRequired: notSent });
      api.on('smsSend', smsSendResponse());
      await focusLandsOn((a) => a?.id === 'phone', 'the phone input');
      await typeInto(phoneInput(el), '+49 (151) 2345-6789');
      await sendKeys({ press: 'Enter' });
      await codeStep(el);
      expect((api.bodies('smsSend')[0] as { mfa_phone_number: string }).mfa_phone_number).to.equal(
        '+4915123456789',
      );
    });

    it('asks again for an unverified phone, prefilled', async () => {
      const unverified = member({ mfa_phone_number: '+33612345678' });
      const { el, api } = await setup({ member: unverified, mfaRequired: notSent });
      await focusLandsOn((a) => a?.id === 'phone', 'the phone input');
      expect(country(el).value).to.equal('FR');
      expect(phoneInput(el).value).to.equal('612345678');
      expect(api.calls).to.deep.equal([]);
    });

    it('shows the server error for an invalid or taken number, input kept', async () => {
      const { el, api, events } = await setup({ member: member(), mfaRequired: notSent });
      await focusLandsOn((a) => a?.id === 'phone', 'the phone input');
      api.on('smsSend', otpError('invalid_phone_number', 400));
      await typeInto(phoneInput(el), '2016547890');
      await sendKeys({ press: 'Enter' });
      await waitUntil(() => alertText(el));
      expect(alertText(el)).to.equal('This phone number is not valid. Check it and try again.');
      expect(phoneInput(el).getAttribute('aria-invalid')).to.equal('true');
      expect(phoneInput(el).value).to.equal('2016547890');
      expect(events[0].detail.step).to.equal('phone');
      expect(events[0].detail.action).to.equal('sms-send');

      api.on('smsSend', otpError('duplicate_member_phone_number', 400));
      await sendKeys({ press: 'Enter' });
      await waitUntil(() => alertText(el).includes('already in use'));
      expect(alertText(el)).to.equal('This phone number is already in use. Use another number.');
      await expect(el).to.be.accessible();
    });
  });

  describe('step-up', () => {
    it('sends, authenticates with the session and fires otp-step-up-complete', async () => {
      const api = new FakeOtpApi().on('smsSend', smsSendResponse());
      const { el, events } = await setup({ member: enrolled, api, props: { mode: 'step-up' } });
      await codeStep(el);
      expect(heading(el)).to.equal('Confirm it is you');
      expect(api.bodies('smsSend')).to.deep.equal([
        { organization_id: ORG_ID, member_id: MEMBER_ID },
      ]);
      await expect(el).to.be.accessible();
      api.on('smsAuthenticate', smsAuthenticateResponse({ session_token: 'not-for-events' }));
      await sendKeys({ type: '123456' });
      await waitUntil(() => events.some((e) => e.type === 'otp-step-up-complete'));
      const done = events.find((e) => e.type === 'otp-step-up-complete')!;
      expect(done.detail).to.deep.equal({
        member: member({ mfa_phone_number: PHONE, mfa_phone_number_verified: true }),
        organization: organization(),
        member_session: memberSession(['email_otp', 'otp']),
      });
      expect(done.bubbles && done.composed).to.be.true;
      expect(events.map((e) => e.type)).to.not.include('otp-session-created');
      await focusLandsOn((a) => a?.localName === 'h2', 'the heading');
      expect(heading(el)).to.equal('Verified.');
    });

    it('loads the member from the session when none is given', async () => {
      const api = new FakeOtpApi()
        .on('session', {
          request_id: 'r',
          status_code: 200,
          member: enrolled,
          organization: organization(),
          member_session: memberSession(),
        })
        .on('smsSend', smsSendResponse());
      const { el } = await setup({ api, props: { mode: 'step-up' } });
      await codeStep(el);
      expect(api.calls.map((c) => c.method)).to.deep.equal(['session', 'smsSend']);
      expect(api.bodies('smsSend')).to.deep.equal([
        { organization_id: ORG_ID, member_id: MEMBER_ID },
      ]);
    });

    it('ends at "start again" when the session is gone', async () => {
      const api = new FakeOtpApi().on('smsSend', otpError('session_not_found', 401));
      const { el, events } = await setup({ member: enrolled, api, props: { mode: 'step-up' } });
      await waitUntil(() => alertText(el));
      expect(alertText(el)).to.equal('Your session has ended. Please sign in again.');
      await focusLandsOn((a) => a?.localName === 'button', 'Start again');
      get(el, '[part=button]').click();
      await settle(el);
      expect(events.filter((e) => e.type === 'otp-restart').map((e) => e.detail)).to.deep.equal([
        { reason: 'session_not_found' },
      ]);
    });
  });

  describe('errors', () => {
    it('keeps the form usable after a wrong code', async () => {
      const { el, api, events } = await setup({ member: enrolled, mfaRequired: smsSent });
      await codeStep(el);
      api.on('smsAuthenticate', otpError('otp_code_not_found', 404));
      await sendKeys({ type: '654321' });
      await waitUntil(() => codeField(el).error);
      expect(codeField(el).error).to.equal('That code is not right. Check it and try again.');
      expect(codeField(el).value).to.equal('');
      await focusLandsOn((a) => a?.id === 'input', 'the code input');
      expect(events.at(-1)!.detail.action).to.equal('sms-authenticate');
      await expect(el).to.be.accessible();
      api.on('smsAuthenticate', smsAuthenticateResponse());
      await sendKeys({ type: '123456' });
      await waitUntil(() => events.some((e) => e.type === 'otp-session-created'));
    });

    it('offers a new code at once after an expired code', async () => {
      const { el, api } = await setup({ member: enrolled, mfaRequired: smsSent });
      await codeStep(el);
      api.on('smsAuthenticate', otpError('unable_to_auth_otp_code', 401));
      await sendKeys({ type: '123456' });
      await waitUntil(() => codeField(el).error);
      expect(codeField(el).error).to.equal(
        'This code has expired or was already used. Request a new one.',
      );
      const resend = get(el, 'form > [part=button]');
      expect(text(resend), 'resend is the primary action').to.equal('Send a new code');
      expect(resend.getAttribute('aria-disabled')).to.equal('false');
      api.on('smsSend', smsSendResponse());
      resend.click();
      await waitUntil(() => api.bodies('smsSend').length === 1);
    });

    it('waits out a 429 Retry-After before the first code, announced once', async () => {
      const clock = new FakeClock();
      const api = new FakeOtpApi().on(
        'smsSend',
        otpError('too_many_requests', 429, { retryAfter: 1 }),
      );
      const { el } = await setup({ member: enrolled, mfaRequired: notSent, api, props: { clock } });
      await waitUntil(() => alertText(el));
      expect(alertText(el)).to.match(/^Too many attempts\. Try again at .+\.$/);
      const countdown = get(el, '[role=alert] + [part=hint]');
      expect(countdown.hasAttribute('aria-hidden')).to.be.false;
      expect(text(countdown)).to.equal('Try again in 1 s');
      const button = get(el, '[part=button]');
      expect(button.getAttribute('aria-disabled')).to.equal('true');
      button.click();
      await waitUntil(() => statusText(el) === 'Too many attempts. Try again in 1 s.', 'why');
      expect(api.calls).to.have.length(1);
      await expect(el).to.be.accessible();
      clock.advance(1000);
      await waitUntil(() => statusText(el) === 'You can try again now.');
      expect(button.getAttribute('aria-disabled')).to.equal('false');
      api.on('smsSend', smsSendResponse());
      button.click();
      await codeStep(el);
      expect(api.bodies('smsSend')).to.have.length(2);
    });

    it('offers a retry after a network failure while sending', async () => {
      const api = new FakeOtpApi().on('smsSend', otpError('network_error', 0));
      const { el } = await setup({ member: enrolled, mfaRequired: notSent, api });
      await waitUntil(() => alertText(el));
      expect(alertText(el)).to.equal(
        'We could not reach the server. Check your connection and try again.',
      );
      api.on('smsSend', smsSendResponse());
      get(el, '[part=button]').click();
      await codeStep(el);
    });

    it('sends the member back to the start when the pending login expired', async () => {
      const { el, api, events } = await setup({ member: enrolled, mfaRequired: smsSent });
      await codeStep(el);
      api.on('smsAuthenticate', otpError('intermediate_session_not_found', 404));
      await sendKeys({ type: '123456' });
      await waitUntil(() => alertText(el));
      expect(alertText(el)).to.equal('Your sign-in has expired. Please start again.');
      expect(find(el, 'otp-code-field')).to.equal(null);
      await focusLandsOn((a) => a?.localName === 'button', 'Start again');
      await expect(el).to.be.accessible();
      await sendKeys({ press: 'Enter' });
      await waitUntil(() => events.some((e) => e.type === 'otp-restart'));
      const restart = events.find((e) => e.type === 'otp-restart')!;
      expect(restart.detail).to.deep.equal({ reason: 'intermediate_session_not_found' });
      expect(restart.bubbles && restart.composed).to.be.true;
    });
  });
});
