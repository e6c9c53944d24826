import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../define/email-auth.js';
import '../define/provider.js';
import type { OtpEmailAuth } from './otp-email-auth.js';
import type { OtpCodeField } from '../code-field/otp-code-field.js';
import { registerLocale } from '../i18n/locales.js';
import { en } from '../i18n/en.js';
import {
  Deferred,
  EMAIL,
  FakeOtpApi,
  MEMBER_ID,
  ORG_ID,
  emailAuthenticateResponse,
  loginOrSignupResponse,
  member,
  memberSession,
  organization,
  otpError,
  smsAuthenticateResponse,
  smsSendResponse,
} from '../../test/browser/support/fake-api.js';
import {
  alertText,
  deepActiveElement,
  find,
  focusLandsOn,
  get,
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
  'otp-mfa-required',
  'otp-error',
  'otp-restart',
];

async function setup(api = new FakeOtpApi(), attrs: Partial<OtpEmailAuth> = {}) {
  const el = await fixture<OtpEmailAuth>(
    html`<otp-email-auth organization-id=${ORG_ID} .client=${api}></otp-email-auth>`,
  );
  Object.assign(el, attrs);
  await el.updateComplete;
  return { el, api, events: record(el, ...EVENTS) };
}

const emailInput = (el: OtpEmailAuth) => get<HTMLInputElement>(el, 'input[type=email]');
const codeField = (el: OtpEmailAuth) => get<OtpCodeField>(el, 'otp-code-field');
const submit = (el: OtpEmailAuth) => get<HTMLButtonElement>(el, 'button[type=submit]');

/** Types the email and presses Enter; resolves once the code step is shown. */
async function toCodeStep(el: OtpEmailAuth, api: FakeOtpApi, email = EMAIL) {
  api.on('emailLoginOrSignup', loginOrSignupResponse());
  await typeInto(emailInput(el), email);
  await sendKeys({ press: 'Enter' });
  await waitUntil(() => find(el, 'otp-code-field'), 'code step');
  await focusLandsOn((a) => a?.id === 'input', 'the code input');
}

describe('otp-email-auth', () => {
  let rejections: ReturnType<typeof trackRejections>;
  beforeEach(() => (rejections = trackRejections()));
  afterEach(() => rejections.check());

  describe('email step', () => {
    it('shows a labelled email form and is accessible', async () => {
      const { el } = await setup();
      expect(text(get(el, '[part=heading]'))).to.equal('Sign in');
      expect(text(get(el, 'label[for=email]'))).to.equal('Work email');
      expect(emailInput(el).autocomplete).to.equal('email');
      expect(text(submit(el))).to.equal('Continue');
      await expect(el).to.be.accessible();
    });

    it('prefills the email attribute', async () => {
      const el = await fixture<OtpEmailAuth>(
        html`<otp-email-auth organization-id=${ORG_ID} email="grace@example.com"></otp-email-auth>`,
      );
      expect(emailInput(el).value).to.equal('grace@example.com');
    });

    it('sends login_or_signup with the exact body and fires otp-code-sent', async () => {
      const { el, api, events } = await setup();
      await toCodeStep(el, api);
      expect(api.calls.map((c) => c.method)).to.deep.equal(['emailLoginOrSignup']);
      expect(api.bodies('emailLoginOrSignup')).to.deep.equal([
        { organization_id: ORG_ID, email_address: EMAIL },
      ]);
      expect(events.map((e) => e.type)).to.deep.equal(['otp-code-sent']);
      expect(events[0].detail).to.deep.equal({
        channel: 'email',
        to: EMAIL,
        expiresInSeconds: 600,
        memberId: MEMBER_ID,
        organizationId: ORG_ID,
      });
      expect(events[0].bubbles && events[0].composed).to.be.true;
    });

    it('rejects an empty or malformed email without a request, keeping focus', async () => {
      const { el, api } = await setup();
      submit(el).click();
      await settle(el);
      expect(alertText(el)).to.equal('Enter your email address.');
      expect(emailInput(el).getAttribute('aria-invalid')).to.equal('true');
      await typeInto(emailInput(el), 'not-an-email');
      expect(alertText(el), 'typing clears the error').to.equal('');
      await sendKeys({ press: 'Enter' });
      await settle(el);
      expect(alertText(el)).to.equal('Enter an email address like name@example.com.');
      expect(deepActiveElement()).to.equal(emailInput(el));
      expect(api.calls).to.deep.equal([]);
      await expect(el).to.be.accessible();
    });

    it('keeps the typed email after a failed send and lets the member retry', async () => {
      const { el, api, events } = await setup();
      api.on('emailLoginOrSignup', otpError('network_error', 0));
      await typeInto(emailInput(el), EMAIL);
      await sendKeys({ press: 'Enter' });
      await waitUntil(() => alertText(el));
      expect(alertText(el)).to.equal(
        'We could not reach the server. Check your connection and try again.',
      );
      expect(emailInput(el).value).to.equal(EMAIL);
      expect(events.map((e) => e.type)).to.deep.equal(['otp-error']);
      expect(events[0].detail.step).to.equal('email');
      expect(events[0].detail.action).to.equal('email-send');
      expect(events[0].detail.error.error_type).to.equal('network_error');
      await expect(el).to.be.accessible();

      api.on('emailLoginOrSignup', loginOrSignupResponse());
      submit(el).click();
      await waitUntil(() => find(el, 'otp-code-field'));
      expect(api.bodies('emailLoginOrSignup')).to.have.length(2);
    });

    it('sends the locale Stytch accepts for email, and the code lifetime when set', async () => {
      const { el, api, events } = await setup(new FakeOtpApi(), {
        locale: 'pt-BR',
        codeExpirationMinutes: 5,
      });
      await toCodeStep(el, api);
      expect(api.bodies('emailLoginOrSignup')).to.deep.equal([
        {
          organization_id: ORG_ID,
          email_address: EMAIL,
          locale: 'pt-br',
          login_expiration_minutes: 5,
          signup_expiration_minutes: 5,
        },
      ]);
      expect(events[0].detail.expiresInSeconds).to.equal(300);
      expect(text(get(el, '[part~=code-field]').shadowRoot!.querySelector('#hint'))).to.contain(
        'O código expira em 5 minutos.',
      );
    });

    it('leaves out a locale Stytch email does not support', async () => {
      const { el, api } = await setup(new FakeOtpApi(), { locale: 'de-DE' });
      await toCodeStep(el, api);
      expect(api.bodies('emailLoginOrSignup')).to.deep.equal([
        { organization_id: ORG_ID, email_address: EMAIL },
      ]);
    });
  });

  describe('code step', () => {
    it('says where the code went, focuses the field and is accessible', async () => {
      const { el, api } = await setup();
      await toCodeStep(el, api);
      expect(text(get(el, '[part=heading]'))).to.equal('Check your email');
      expect(text(get(el, 'form > p[part=hint]'))).to.equal(`We sent a code to ${EMAIL}.`);
      expect(codeField(el).hint).to.equal(
        'Enter the 6-digit code. The code expires in 10 minutes.',
      );
      await waitUntil(
        () => statusText(el) === `We sent a code to ${EMAIL}. You can request a new code in 30 s.`,
      );
      await expect(el).to.be.accessible();
    });

    it('authenticates with the exact body (no session length unless set) and fires otp-session-created without tokens', async () => {
      const { el, api, events } = await setup();
      await toCodeStep(el, api);
      api.on('emailAuthenticate', emailAuthenticateResponse());
      await sendKeys({ type: '123456' });
      await waitUntil(() => events.some((e) => e.type === 'otp-session-created'));
      expect(api.bodies('emailAuthenticate')).to.deep.equal([
        {
          organization_id: ORG_ID,
          email_address: EMAIL,
          code: '123456',
        },
      ]);
      const created = events.find((e) => e.type === 'otp-session-created')!;
      expect(created.detail).to.deep.equal({
        member: member(),
        organization: organization(),
        member_session: memberSession(),
      });
      expect(created.bubbles && created.composed).to.be.true;
      await focusLandsOn((a) => a?.localName === 'h2', 'the signed-in heading');
      expect(text(get(el, '[part=heading]'))).to.equal('You are signed in.');
      await expect(el).to.be.accessible();
    });

    it('passes tokens through only when the gateway exposed them', async () => {
      const { el, api, events } = await setup();
      await toCodeStep(el, api);
      const tokens = { session_token: 'st-1', session_jwt: 'jwt-1' };
      api.on('emailAuthenticate', emailAuthenticateResponse({ tokens }));
      await sendKeys({ type: '123456' });
      await waitUntil(() => events.some((e) => e.type === 'otp-session-created'));
      expect(events.find((e) => e.type === 'otp-session-created')!.detail).to.deep.equal({
        member: member(),
        organization: organization(),
        member_session: memberSession(),
        ...tokens,
      });
    });

    it('sends session-duration-minutes and the email locale with authenticate', async () => {
      const { el, api } = await setup(new FakeOtpApi(), {
        sessionDurationMinutes: 240,
        locale: 'pt-PT',
      });
      await toCodeStep(el, api);
      api.on('emailAuthenticate', emailAuthenticateResponse());
      await sendKeys({ type: '123456' });
      await waitUntil(() => api.bodies('emailAuthenticate').length);
      expect(api.bodies('emailAuthenticate')[0]).to.deep.equal({
        organization_id: ORG_ID,
        email_address: EMAIL,
        code: '123456',
        session_duration_minutes: 240,
        locale: 'pt-br',
      });
    });

    it('keeps the form usable after a wrong code: error shown, code cleared, field focused', async () => {
      const { el, api, events } = await setup();
      await toCodeStep(el, api);
      api.on('emailAuthenticate', otpError('otp_code_not_found', 404));
      await sendKeys({ type: '654321' });
      await waitUntil(() => codeField(el).error);
      expect(codeField(el).error).to.equal('That code is not right. Check it and try again.');
      const fieldAlert = codeField(el).shadowRoot!.querySelector('[role=alert]');
      expect(text(fieldAlert)).to.equal('That code is not right. Check it and try again.');
      expect(codeField(el).value).to.equal('');
      await focusLandsOn((a) => a?.id === 'input', 'the code input');
      const errors = events.filter((e) => e.type === 'otp-error');
      expect(errors).to.have.length(1);
      expect(errors[0].detail.step).to.equal('code');
      expect(errors[0].detail.action).to.equal('email-authenticate');
      expect(errors[0].detail.error.error_type).to.equal('otp_code_not_found');
      await expect(el).to.be.accessible();

      api.on('emailAuthenticate', emailAuthenticateResponse());
      await sendKeys({ type: '123456' });
      await waitUntil(() => events.some((e) => e.type === 'otp-session-created'));
      expect(
        api.bodies('emailAuthenticate').map((b) => (b as { code: string }).code),
      ).to.deep.equal(['654321', '123456']);
    });

    it('keeps the code after a network failure so the member can retry', async () => {
      const { el, api, events } = await setup();
      await toCodeStep(el, api);
      api.on('emailAuthenticate', otpError('timeout', 0));
      await sendKeys({ type: '123456' });
      await waitUntil(() => alertText(el));
      expect(alertText(el)).to.equal('The server took too long to answer. Please try again.');
      expect(codeField(el).value).to.equal('123456');
      api.on('emailAuthenticate', emailAuthenticateResponse());
      submit(el).click();
      await waitUntil(() => events.some((e) => e.type === 'otp-session-created'));
    });

    it('checks the code length before sending', async () => {
      const { el, api } = await setup();
      await toCodeStep(el, api);
      await sendKeys({ type: '12345' });
      await sendKeys({ press: 'Enter' });
      await waitUntil(() => codeField(el).error);
      expect(codeField(el).error).to.equal('The code has 6 digits; you entered 5.');
      expect(api.bodies('emailAuthenticate')).to.deep.equal([]);
    });

    it('sends one request for Enter + click + auto-submit', async () => {
      const { el, api, events } = await setup();
      await toCodeStep(el, api);
      const pending = new Deferred();
      api.on('emailAuthenticate', pending);
      await sendKeys({ type: '123456' }); // auto-submit on completion
      await sendKeys({ press: 'Enter' });
      submit(el).click();
      get<HTMLFormElement>(el, 'form').requestSubmit();
      await settle(el);
      expect(api.bodies('emailAuthenticate')).to.have.length(1);
      expect(get(el, 'form').getAttribute('aria-busy')).to.equal('true');
      pending.resolve(emailAuthenticateResponse());
      await waitUntil(() => events.some((e) => e.type === 'otp-session-created'));
      expect(api.bodies('emailAuthenticate')).to.have.length(1);
    });

    it('offers an immediate resend, as the primary action, after an expired code', async () => {
      const { el, api } = await setup();
      await toCodeStep(el, api);
      expect(get(el, '[part=secondary-button]').getAttribute('aria-disabled')).to.equal('true');
      api.on('emailAuthenticate', otpError('unable_to_auth_otp_code', 401));
      await sendKeys({ type: '123456' });
      await waitUntil(() => codeField(el).error);
      expect(codeField(el).error).to.equal(
        'This code has expired or was already used. Request a new one.',
      );
      const resend = get(el, 'form > [part=button]');
      expect(text(resend)).to.equal('Send a new code');
      expect(resend.getAttribute('aria-disabled')).to.equal('false');
    });

    it('goes back to the email step with the email kept', async () => {
      const { el, api } = await setup();
      await toCodeStep(el, api);
      get(el, '[part=link]').click();
      await focusLandsOn((a) => a?.id === 'email', 'the email input');
      expect(emailInput(el).value).to.equal(EMAIL);
      expect(find(el, 'otp-code-field')).to.equal(null);
      await expect(el).to.be.accessible();
    });
  });

  describe('requests', () => {
    it('ignores a response that arrives after organization-id changed', async () => {
      const { el, api, events } = await setup();
      await toCodeStep(el, api);
      const pending = new Deferred();
      api.on('emailAuthenticate', pending);
      await sendKeys({ type: '123456' });
      await waitUntil(() => api.bodies('emailAuthenticate').length === 1);
      const { signal } = api.calls[1];
      el.setAttribute('organization-id', 'organization-test-0002');
      pending.resolve(emailAuthenticateResponse());
      await settle(el);
      expect(signal!.aborted).to.be.true;
      expect(events.map((e) => e.type)).to.deep.equal(['otp-code-sent']);
      await focusLandsOn((a) => a?.id === 'email', 'the email input');
      expect(emailInput(el).value, 'back at the email step, email kept').to.equal(EMAIL);

      api.on('emailLoginOrSignup', loginOrSignupResponse());
      await sendKeys({ press: 'Enter' });
      await waitUntil(() => api.bodies('emailLoginOrSignup').length === 2);
      expect(api.bodies('emailLoginOrSignup')[1]).to.deep.equal({
        organization_id: 'organization-test-0002',
        email_address: EMAIL,
      });
    });

    it('handles a client that throws something other than OtpAuthError', async () => {
      const { el, api, events } = await setup();
      api.on('emailLoginOrSignup', new TypeError('boom'));
      await typeInto(emailInput(el), EMAIL);
      await sendKeys({ press: 'Enter' });
      await waitUntil(() => alertText(el));
      expect(alertText(el)).to.equal('Something went wrong. Please try again.');
      expect(events[0].detail.error.name).to.equal('OtpAuthError');
      expect(events[0].detail.error.error_type).to.equal('unexpected_response');
    });
  });

  describe('multi-factor', () => {
    const mfaRequired = {
      member_options: { mfa_phone_number: '+15555550123', totp_registration_id: '' },
      secondary_auth_initiated: 'sms_otp' as const,
    };

    it('fires a cancelable otp-mfa-required with the exact detail', async () => {
      const { el, api, events } = await setup(new FakeOtpApi(), { mfa: 'event' });
      await toCodeStep(el, api);
      const enrolled = member({
        mfa_phone_number: '+15555550123',
        mfa_phone_number_verified: true,
      });
      // The IST is never handed to the page, even when the gateway exposes tokens.
      const tokens = { intermediate_session_token: 'ist-1' };
      api.on(
        'emailAuthenticate',
        emailAuthenticateResponse({ mfa: mfaRequired, member: enrolled, tokens }),
      );
      await sendKeys({ type: '123456' });
      await waitUntil(() => events.some((e) => e.type === 'otp-mfa-required'));
      const mfa = events.find((e) => e.type === 'otp-mfa-required')!;
      expect(mfa.cancelable && mfa.bubbles && mfa.composed).to.be.true;
      expect(mfa.detail).to.deep.equal({
        member: enrolled,
        organization: organization(),
        mfaRequired,
        smsSent: true,
      });
      expect(events.map((e) => e.type)).to.not.include('otp-session-created');
      expect(find(el, 'otp-sms-stepup'), 'mfa="event" embeds nothing').to.equal(null);
      await focusLandsOn((a) => a?.localName === 'h2', 'the heading');
      expect(text(get(el, '[part=heading]'))).to.equal('One more step is needed to sign in.');
      await expect(el).to.be.accessible();
    });

    it('continues inline into the SMS code and signs in, the member typing nothing twice', async () => {
      const { el, api, events } = await setup();
      await toCodeStep(el, api);
      const enrolled = member({
        mfa_phone_number: '+15555550123',
        mfa_phone_number_verified: true,
      });
      api.on(
        'emailAuthenticate',
        emailAuthenticateResponse({ mfa: mfaRequired, member: enrolled }),
      );
      await sendKeys({ type: '123456' });
      await waitUntil(() => find(el, 'otp-sms-stepup'));
      await focusLandsOn((a) => a?.id === 'input' && !!find(el, 'otp-sms-stepup'), 'SMS input');
      const stepup = get(el, 'otp-sms-stepup');
      expect(stepup.getAttribute('part')).to.equal('sms-stepup');
      expect(text(find(stepup, '[part=heading]'))).to.equal('Check your phone');
      await expect(el).to.be.accessible();

      api.on('smsAuthenticate', smsAuthenticateResponse());
      await sendKeys({ type: '246810' });
      await waitUntil(() => events.some((e) => e.type === 'otp-session-created'));
      expect(api.calls.map((c) => c.method)).to.deep.equal([
        'emailLoginOrSignup',
        'emailAuthenticate',
        'smsAuthenticate',
      ]);
      expect(api.bodies('smsAuthenticate')).to.deep.equal([
        {
          organization_id: ORG_ID,
          member_id: MEMBER_ID,
          code: '246810',
        },
      ]);
      expect(events.map((e) => [e.type, e.detail.channel])).to.deep.equal([
        ['otp-code-sent', 'email'],
        ['otp-mfa-required', undefined],
        ['otp-code-sent', 'sms'],
        ['otp-session-created', undefined],
      ]);
      expect(events.at(-1)!.target, 'retargeted to the host').to.equal(el);
    });

    it('hands its resolved configuration to the inline SMS step, none copied by hand', async () => {
      const clock = new FakeClock();
      const api = new FakeOtpApi();
      const wrapper = await fixture<HTMLElement>(
        html`<otp-auth-provider session-duration-minutes="45" .client=${api} .clock=${clock}
          ><otp-email-auth
            organization-id=${ORG_ID}
            locale="fr"
            resend-cooldown="7"
            .messages=${{ smsCodeHeading: 'Texted' }}
          ></otp-email-auth
        ></otp-auth-provider>`,
      );
      const el = wrapper.querySelector('otp-email-auth')!;
      await el.updateComplete;
      await toCodeStep(el, api);
      api.on('emailAuthenticate', emailAuthenticateResponse({ mfa: mfaRequired }));
      await sendKeys({ type: '123456' });
      await focusLandsOn((a) => a?.id === 'input' && !!find(el, 'otp-sms-stepup'), 'SMS input');
      const stepup = get(el, 'otp-sms-stepup');
      expect(text(find(stepup, '[part=heading]')), 'own messages').to.equal('Texted');
      const cooldown = () => text(find(stepup, '[part=secondary-button] + [part=hint]'));
      expect(cooldown(), 'own resend-cooldown, own locale').to.equal('Disponible dans 7 s');
      clock.advance(7000);
      await waitUntil(() => cooldown() === '', "the provider's clock");
      api.on('smsSend', smsSendResponse());
      get(stepup, '[part=secondary-button]').click();
      await waitUntil(() => api.bodies('smsSend').length === 1);
      expect(api.bodies('smsSend')[0], 'own locale, own organization').to.deep.equal({
        organization_id: ORG_ID,
        member_id: MEMBER_ID,
        locale: 'fr',
      });
      api.on('smsAuthenticate', smsAuthenticateResponse());
      await focusLandsOn((a) => a?.id === 'input', 'SMS input');
      await sendKeys({ type: '246810' });
      await waitUntil(() => api.bodies('smsAuthenticate').length === 1);
      expect(api.bodies('smsAuthenticate')[0], "the provider's session length").to.include({
        session_duration_minutes: 45,
      });
    });

    it('returns to the email step, email kept, when the pending login expired', async () => {
      const { el, api, events } = await setup();
      await toCodeStep(el, api);
      api.on('emailAuthenticate', emailAuthenticateResponse({ mfa: mfaRequired }));
      await sendKeys({ type: '123456' });
      await waitUntil(() => find(el, 'otp-sms-stepup'));
      await focusLandsOn((a) => a?.id === 'input' && !!find(el, 'otp-sms-stepup'), 'SMS input');
      api.on('smsAuthenticate', otpError('intermediate_session_not_found', 404));
      await sendKeys({ type: '123456' });
      await focusLandsOn((a) => a?.localName === 'button', 'Start again');
      expect(alertText(get(el, 'otp-sms-stepup'))).to.equal(
        'Your sign-in has expired. Please start again.',
      );
      await sendKeys({ press: 'Enter' });
      await focusLandsOn((a) => a?.id === 'email', 'the email input');
      expect(emailInput(el).value).to.equal(EMAIL);
      expect(find(el, 'otp-sms-stepup')).to.equal(null);
      expect(events.map((e) => e.type)).to.include('otp-restart');
    });

    it('leaves MFA to the host when it cancels otp-mfa-required', async () => {
      const { el, api, events } = await setup();
      el.addEventListener('otp-mfa-required', (e) => e.preventDefault());
      await toCodeStep(el, api);
      api.on('emailAuthenticate', emailAuthenticateResponse({ mfa: mfaRequired }));
      await sendKeys({ type: '123456' });
      await waitUntil(() => events.some((e) => e.type === 'otp-mfa-required'));
      await settle(el);
      expect(find(el, 'otp-sms-stepup')).to.equal(null);
      expect(text(get(el, '[part=heading]'))).to.equal('One more step is needed to sign in.');
    });

    it('reports smsSent false when the server sent no SMS', async () => {
      const { el, api, events } = await setup(new FakeOtpApi(), { mfa: 'event' });
      await toCodeStep(el, api);
      const notEnrolled = { member_options: null, secondary_auth_initiated: null };
      api.on('emailAuthenticate', emailAuthenticateResponse({ mfa: notEnrolled }));
      await sendKeys({ type: '123456' });
      await waitUntil(() => events.some((e) => e.type === 'otp-mfa-required'));
      expect(events.find((e) => e.type === 'otp-mfa-required')!.detail.smsSent).to.be.false;
    });
  });

  describe('configuration', () => {
    it('inherits organization, locale, duration and client from <otp-auth-provider>', async () => {
      const api = new FakeOtpApi();
      const wrapper = await fixture<HTMLElement>(
        html`<otp-auth-provider
          organization-id="organization-from-provider"
          locale="es"
          session-duration-minutes="30"
          .client=${api}
          ><section><otp-email-auth></otp-email-auth></section
        ></otp-auth-provider>`,
      );
      const el = wrapper.querySelector('otp-email-auth')!;
      await el.updateComplete;
      await toCodeStep(el, api);
      expect(api.bodies('emailLoginOrSignup')).to.deep.equal([
        { organization_id: 'organization-from-provider', email_address: EMAIL, locale: 'es' },
      ]);
      api.on('emailAuthenticate', emailAuthenticateResponse());
      await sendKeys({ type: '123456' });
      await waitUntil(() => api.bodies('emailAuthenticate').length);
      expect(api.bodies('emailAuthenticate')[0]).to.deep.equal({
        organization_id: 'organization-from-provider',
        email_address: EMAIL,
        code: '123456',
        session_duration_minutes: 30,
        locale: 'es',
      });
    });

    it("prefers the element's own attributes and follows provider changes", async () => {
      const api = new FakeOtpApi();
      const provider = await fixture<HTMLElement & { organizationId?: string }>(
        html`<otp-auth-provider organization-id="organization-from-provider" .client=${api}
          ><otp-email-auth organization-id=${ORG_ID}></otp-email-auth
          ><otp-email-auth id="second"></otp-email-auth
        ></otp-auth-provider>`,
      );
      const [own, second] = provider.querySelectorAll('otp-email-auth');
      provider.setAttribute('organization-id', 'organization-changed');
      await (provider as unknown as { updateComplete: Promise<unknown> }).updateComplete;
      await second.updateComplete;
      await toCodeStep(own, api);
      await toCodeStep(second, api);
      expect(api.bodies('emailLoginOrSignup')).to.deep.equal([
        { organization_id: ORG_ID, email_address: EMAIL },
        { organization_id: 'organization-changed', email_address: EMAIL },
      ]);
    });

    it('loads a registered locale lazily and falls back to English', async () => {
      registerLocale('fr', async () => ({ ...en, emailHeading: 'Connexion' }));
      const { el } = await setup(new FakeOtpApi(), { locale: 'fr-CA' });
      await waitUntil(() => text(get(el, '[part=heading]')) === 'Connexion');
      el.locale = 'nl';
      await el.updateComplete;
      expect(text(get(el, '[part=heading]'))).to.equal('Sign in');
    });

    it('takes theme from its provider', async () => {
      const wrapper = await fixture<HTMLElement>(
        html`<otp-auth-provider theme="dark"><otp-email-auth></otp-email-auth></otp-auth-provider>`,
      );
      const el = wrapper.querySelector('otp-email-auth')!;
      await el.updateComplete;
      expect(getComputedStyle(get(el, '[part=base]')).backgroundColor).to.equal('rgb(30, 31, 34)');
    });

    it('forces a colour scheme with theme, down into the code field', async () => {
      const bg = (el: OtpEmailAuth) => getComputedStyle(get(el, '[part=base]')).backgroundColor;
      const light = await setup(new FakeOtpApi(), { theme: 'light' });
      const dark = await setup(new FakeOtpApi(), { theme: 'dark' });
      expect(bg(light.el)).to.equal('rgb(255, 255, 255)');
      expect(bg(dark.el)).to.equal('rgb(30, 31, 34)');
      await toCodeStep(dark.el, dark.api);
      const input = get(codeField(dark.el), '[part~=box]');
      expect(getComputedStyle(input).backgroundColor).to.equal('rgb(30, 31, 34)');
      dark.el.style.setProperty('--otp-color-surface', 'rgb(1, 2, 3)');
      expect(bg(dark.el)).to.equal('rgb(1, 2, 3)');
      expect(getComputedStyle(input).backgroundColor).to.equal('rgb(1, 2, 3)');
    });

    it('exposes parts for theming at every step', async () => {
      const { el, api } = await setup(new FakeOtpApi(), { theme: 'dark' });
      expect(el.getAttribute('theme')).to.equal('dark');
      for (const part of ['base', 'form', 'heading', 'label', 'input', 'button', 'status']) {
        expect(find(el, `[part~=${part}]`), part).to.not.equal(null);
      }
      await expect(el).to.be.accessible();
      await toCodeStep(el, api);
      for (const part of ['code-field', 'hint', 'secondary-button', 'link', 'button']) {
        expect(find(el, `[part~=${part}]`), part).to.not.equal(null);
      }
      expect(get(el, '[part~=code-field]').getAttribute('exportparts')).to.contain(
        'input:code-input',
      );
    });
  });
});
