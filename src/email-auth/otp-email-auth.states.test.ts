// The states a member meets in <otp-email-auth> (issue 9): busy, lockout, resend, expiry, ways
// back, reload, look. Countdowns run on a FakeClock; each test asserts what is seen and heard.
import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../define/email-auth.js';
import { EMAIL_STORAGE_KEY, type OtpEmailAuth } from './otp-email-auth.js';
import type { OtpCodeField } from '../code-field/otp-code-field.js';
import { en } from '../i18n/en.js';
import {
  Deferred,
  EMAIL,
  emailAuthenticateResponse,
  FakeOtpApi,
  loginOrSignupResponse,
  member,
  ORG_ID,
  otpError,
  smsAuthenticateResponse,
  smsSent,
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

async function setup(attrs: Partial<OtpEmailAuth> = {}) {
  const api = new FakeOtpApi();
  const clock = new FakeClock();
  const el = await fixture<OtpEmailAuth>(
    html`<otp-email-auth organization-id=${ORG_ID} .client=${api} .clock=${clock}
      ><img slot="logo" alt="Acme" src="data:image/gif;base64,R0lGODlhAQABAAAAACw=" />
      <p slot="success">Welcome back</p></otp-email-auth
    >`,
  );
  Object.assign(el, attrs);
  await el.updateComplete;
  return { el, api, clock, events: record(el, 'otp-code-sent', 'otp-session-created') };
}

const emailInput = (el: OtpEmailAuth) => get<HTMLInputElement>(el, 'input[type=email]');
const codeField = (el: OtpEmailAuth) => get<OtpCodeField>(el, 'otp-code-field');
const primary = (el: OtpEmailAuth) => get<HTMLButtonElement>(el, 'form > [part=button]');
const resend = (el: OtpEmailAuth) => get<HTMLButtonElement>(el, '[part=secondary-button]');
const sentTo = (el: OtpEmailAuth) => text(get(el, '#sent-to'));

const atTime = (hour: number, minute: number, second = 0) =>
  new Date(2030, 0, 1, hour, minute, second).getTime();
/** A time of day as the element writes it in English. */
const timeOfDay = (at: number) =>
  new Intl.DateTimeFormat('en', { hour: 'numeric', minute: '2-digit' }).format(at);

/** Runs `body` with `Date.now` at `at` (the time of day the element shows). */
async function withTime(at: number, body: () => Promise<unknown>) {
  const now = Date.now;
  Date.now = () => at;
  try {
    await body();
  } finally {
    Date.now = now;
  }
}

const OTHER = 'bob@example.com';

/** Empties the email field, then types `email` key by key. */
async function retype(el: OtpEmailAuth, email: string) {
  emailInput(el).value = '';
  emailInput(el).dispatchEvent(new InputEvent('input', { bubbles: true, composed: true }));
  await typeInto(emailInput(el), email);
  await el.updateComplete;
}

/** Sends the email (typed, unless it is already filled in) and waits for the code step. */
async function toCodeStep(el: OtpEmailAuth, api: FakeOtpApi) {
  api.on('emailLoginOrSignup', loginOrSignupResponse());
  if (emailInput(el).value) emailInput(el).focus();
  else await typeInto(emailInput(el), EMAIL);
  await sendKeys({ press: 'Enter' });
  await focusLandsOn((a) => a?.id === 'input' && !!find(el, 'otp-code-field'), 'the code input');
}

describe('otp-email-auth states', () => {
  let rejections: ReturnType<typeof trackRejections>;
  beforeEach(() => (rejections = trackRejections()));
  afterEach(() => rejections.check());

  describe('busy', () => {
    it('shows and announces "Sending…" in the button, keeps its size, email read-only', async () => {
      const { el, api } = await setup();
      const pending = new Deferred();
      api.on('emailLoginOrSignup', pending);
      const button = primary(el);
      const before = button.getBoundingClientRect();
      await typeInto(emailInput(el), EMAIL);
      await sendKeys({ press: 'Enter' });
      await waitUntil(() => statusText(el) === en.sending, 'announced');
      expect(text(button)).to.equal(en.sending);
      expect(find(el, '[part=spinner]'), 'a spinner').to.not.equal(null);
      const during = button.getBoundingClientRect();
      expect([during.width, during.height]).to.deep.equal([before.width, before.height]);
      expect(emailInput(el).readOnly).to.be.true;
      expect(button.getAttribute('aria-disabled')).to.equal('true');
      expect(getComputedStyle(button).cursor, 'not the unavailable look').to.equal('progress');
      await expect(el).to.be.accessible();
      pending.resolve(loginOrSignupResponse());
      await waitUntil(() => find(el, 'otp-code-field'));
    });

    it('shows "Verifying…" while the code is checked, the field read-only', async () => {
      const { el, api } = await setup();
      await toCodeStep(el, api);
      const pending = new Deferred();
      api.on('emailAuthenticate', pending);
      await sendKeys({ type: '123456' });
      await waitUntil(() => statusText(el) === en.verifying);
      expect(text(primary(el))).to.equal(en.verifying);
      expect(codeField(el).readonly).to.be.true;
      expect(text(resend(el)), 'resend keeps its label').to.equal(en.resend);
      pending.resolve(emailAuthenticateResponse());
      await waitUntil(() => statusText(el) === en.signedIn);
    });
  });

  describe('lockout', () => {
    it('is one state: the end time spoken once, field cleared and disabled, one countdown', async () => {
      const { el, api, clock } = await setup();
      await toCodeStep(el, api);
      api.on('emailAuthenticate', otpError('too_many_requests', 429, { retryAfter: 900 }));
      // 9:41:20 + 15 minutes, said no earlier than it is: 9:57.
      const ends = atTime(9, 57);
      await withTime(atTime(9, 41, 20), async () => {
        await sendKeys({ type: '123456' });
        await waitUntil(() => alertText(el), `alert; status: ${statusText(el)}`);
      });
      expect(alertText(el)).to.equal(`Too many attempts. Try again at ${timeOfDay(ends)}.`);
      const alert = get(el, '[role=alert]#error');
      expect(alert.closest('[aria-hidden]'), 'spoken').to.equal(null);
      expect(codeField(el).value).to.equal('');
      expect(codeField(el).disabled).to.be.true;
      expect(codeField(el).hint, 'no expiry hint').to.equal(en.codeHint(6));
      expect(resend(el).getAttribute('aria-disabled')).to.equal('true');
      expect(find(el, '#cooldown'), 'the resend cooldown stopped').to.equal(null);
      expect(text(get(el, '#retry'))).to.equal('Try again in 15 minutes');
      await focusLandsOn((a) => a?.localName === 'h2', 'the heading, not the page');
      expect(text(deepActiveElement())).to.equal(en.emailCodeHeading);
      await expect(el).to.be.accessible();

      // The countdown is the only time that moves; the alert is not written (nor spoken) again.
      const rewrites: MutationRecord[] = [];
      const watch = new MutationObserver((records) => rewrites.push(...records));
      watch.observe(alert, { childList: true, subtree: true, characterData: true });
      clock.advance(360_000);
      await settle(el);
      expect(text(get(el, '#retry'))).to.equal('Try again in 9 minutes');
      expect(alertText(el)).to.equal(`Too many attempts. Try again at ${timeOfDay(ends)}.`);
      expect(rewrites, 'the alert untouched').to.deep.equal([]);
      watch.disconnect();

      // The dimmed resend and Verify say why they wait.
      resend(el).click();
      await waitUntil(() => statusText(el) === 'Too many attempts. Try again in 9 minutes.');
      clock.advance(60_000);
      await settle(el);
      primary(el).click();
      await waitUntil(() => statusText(el) === 'Too many attempts. Try again in 8 minutes.');
      expect(api.bodies('emailLoginOrSignup'), 'nothing sent').to.have.length(1);

      const said: string[] = [];
      const observer = new MutationObserver(() => said.push(statusText(el)));
      observer.observe(get(el, '[role=status]'), { childList: true, subtree: true });
      clock.advance(479_000);
      await settle(el);
      expect(text(get(el, '#retry'))).to.equal('Try again in 1 s');
      clock.advance(1000);
      // The 10-minute code died during the 15 minutes: the end says that, once, and offers a new one.
      await waitUntil(() => codeField(el).error === en.codeExpired, 'one message at the end');
      await settle(el);
      observer.disconnect();
      expect(said.filter(Boolean), 'nothing else said').to.deep.equal([]);
      expect(!!el.shadowRoot!.querySelector('#error'), 'the lockout message gone').to.be.false;
      expect(codeField(el).disabled).to.be.false;
      expect(text(primary(el))).to.equal(en.resend);
      expect(primary(el).getAttribute('aria-disabled')).to.equal('false');
    });

    it('keeps the code usable when a new code is refused with Retry-After', async () => {
      const { el, api, clock, events } = await setup({ resendCooldown: 5 });
      await toCodeStep(el, api);
      clock.advance(5000);
      await waitUntil(() => statusText(el) === en.resendAvailable);
      api.on('emailLoginOrSignup', otpError('too_many_requests', 429, { retryAfter: 900 }));
      resend(el).click();
      const limited = 'Too many codes requested. You can request a new one in 15 minutes.';
      await waitUntil(() => statusText(el) === limited, `said; status: ${statusText(el)}`);
      expect(text(get(el, '#cooldown')), 'shown by the resend').to.equal(limited);
      expect(!!el.shadowRoot!.querySelector('#error'), 'no lockout').to.be.false;
      expect(resend(el).getAttribute('aria-disabled')).to.equal('true');
      expect(codeField(el).disabled, 'the field stays usable').to.be.false;
      expect(primary(el).getAttribute('aria-disabled')).to.equal('false');
      await expect(el).to.be.accessible();

      clock.advance(300_000);
      await settle(el);
      const later = 'Too many codes requested. You can request a new one in 10 minutes.';
      expect(text(get(el, '#cooldown')), 'one countdown').to.equal(later);
      resend(el).click();
      await waitUntil(() => statusText(el) === later, 'the dimmed resend says why');
      expect(api.bodies('emailLoginOrSignup')).to.have.length(2);

      api.on('emailAuthenticate', emailAuthenticateResponse());
      codeField(el).focus();
      await sendKeys({ type: '123456' });
      await waitUntil(() => events.some((e) => e.type === 'otp-session-created'), 'signed in');
      expect(api.bodies('emailAuthenticate')).to.have.length(1);
    });

    it('keeps a refused resend waiting after the code expired', async () => {
      const { el, api, clock } = await setup();
      await toCodeStep(el, api);
      clock.advance(30_000);
      api.on('emailLoginOrSignup', otpError('too_many_requests', 429, { retryAfter: 900 }));
      resend(el).click();
      await waitUntil(() => find(el, '#cooldown') && statusText(el).startsWith('Too many codes'));
      clock.advance(570_000);
      await waitUntil(() => codeField(el).error === en.codeExpired, 'expired');
      expect(text(primary(el))).to.equal(en.resend);
      expect(primary(el).getAttribute('aria-disabled'), 'still refused').to.equal('true');
      expect(text(get(el, '#cooldown'))).to.equal(
        'Too many codes requested. You can request a new one in 6 minutes.',
      );
      clock.advance(330_000);
      await waitUntil(() => statusText(el) === en.resendAvailable);
      expect(primary(el).getAttribute('aria-disabled')).to.equal('false');
    });

    it('blocks Continue after the first send is refused, until another address is typed', async () => {
      const { el, api } = await setup();
      api.on('emailLoginOrSignup', otpError('too_many_requests', 429, { retryAfter: 3600 }));
      await typeInto(emailInput(el), EMAIL);
      await sendKeys({ press: 'Enter' });
      await waitUntil(() => alertText(el));
      expect(alertText(el)).to.match(/^Too many attempts\. Try again at .+\.$/);
      expect(primary(el).getAttribute('aria-disabled')).to.equal('true');
      expect(text(get(el, '#retry'))).to.equal('Try again in 60 minutes');
      await sendKeys({ press: 'Enter' });
      await waitUntil(() => statusText(el) === 'Too many attempts. Try again in 60 minutes.');
      expect(api.bodies('emailLoginOrSignup')).to.have.length(1);

      // The same address, written otherwise, stays locked; another one may be tried.
      await retype(el, 'Ada@Example.com');
      expect(primary(el).getAttribute('aria-disabled')).to.equal('true');
      expect(alertText(el)).to.match(/^Too many attempts/);
      await retype(el, OTHER);
      expect(primary(el).getAttribute('aria-disabled')).to.equal('false');
      expect(!!el.shadowRoot!.querySelector('#error, #retry'), 'no lockout shown').to.be.false;
      api.on('emailLoginOrSignup', loginOrSignupResponse());
      await sendKeys({ press: 'Enter' });
      await waitUntil(() => sentTo(el) === en.codeSentTo(OTHER), 'the code step for the other');
    });

    it('lifts a code-step lockout for another address back on the email step', async () => {
      const { el, api } = await setup();
      await toCodeStep(el, api);
      api.on('emailAuthenticate', otpError('too_many_requests', 429, { retryAfter: 3600 }));
      await sendKeys({ type: '123456' });
      await waitUntil(() => alertText(el));
      get(el, '[part=link]').click();
      await focusLandsOn((a) => a?.id === 'email', 'the email input');
      expect(alertText(el), 'still locked for this address').to.match(/^Too many attempts/);
      expect(primary(el).getAttribute('aria-disabled')).to.equal('true');
      await retype(el, OTHER);
      expect(primary(el).getAttribute('aria-disabled')).to.equal('false');
      expect(alertText(el)).to.equal('');
      api.on('emailLoginOrSignup', loginOrSignupResponse());
      await sendKeys({ press: 'Enter' });
      await waitUntil(() => sentTo(el) === en.codeSentTo(OTHER), 'the code step for the other');
      expect(codeField(el).disabled).to.be.false;
    });
  });

  describe('resend and expiry', () => {
    it('shows and says when the new code was sent; an old code gets "only the newest"', async () => {
      const { el, api, clock } = await setup({ resendCooldown: 5 });
      await toCodeStep(el, api);
      clock.advance(5000);
      await waitUntil(() => statusText(el) === en.resendAvailable);
      const now = Date.now;
      const at = new Date(2030, 0, 1, 9, 41).getTime();
      Date.now = () => at;
      try {
        api.on('emailLoginOrSignup', loginOrSignupResponse());
        resend(el).click();
        const time = new Intl.DateTimeFormat('en', { hour: 'numeric', minute: '2-digit' }).format(
          at,
        );
        const shown = `New code sent to ${EMAIL} at ${time}.`;
        await waitUntil(() => sentTo(el) === shown, 'shown');
        await waitUntil(() => statusText(el) === `${shown} ${en.resendWait(5)}`, 'spoken');
      } finally {
        Date.now = now;
      }
      api.on('emailAuthenticate', otpError('otp_code_not_found', 404));
      await focusLandsOn((a) => a?.id === 'input', 'the code input');
      await sendKeys({ type: '123456' });
      await waitUntil(() => codeField(el).error);
      expect(codeField(el).error).to.equal(en.codeNotNewest);
    });

    it('makes expiry an error with one message and resend the primary action', async () => {
      const { el, api, clock } = await setup();
      await toCodeStep(el, api);
      clock.advance(600_000);
      await waitUntil(() => codeField(el).error === en.codeExpired);
      expect(codeField(el).hint).to.equal(en.codeHint(6));
      expect(statusText(el), 'said once, by the field alert').to.not.equal(en.codeExpired);
      expect(find(el, 'button[type=submit]'), 'no Verify for a dead code').to.equal(null);
      expect(text(primary(el))).to.equal(en.resend);
      await expect(el).to.be.accessible();
      api.on('emailLoginOrSignup', loginOrSignupResponse());
      primary(el).click();
      await waitUntil(() => find(el, 'button[type=submit]'), 'the step is usable again');
      expect(codeField(el).error).to.equal('');
    });
  });

  describe('cooldown', () => {
    it('is readable, and a click on the dimmed resend says why it waits', async () => {
      const { el, api } = await setup();
      await toCodeStep(el, api);
      await waitUntil(() => statusText(el).endsWith(en.resendWait(30)), 'announced on start');
      const button = resend(el);
      expect(button.disabled, 'stays focusable').to.be.false;
      expect(button.getAttribute('aria-describedby')).to.equal('cooldown');
      expect(get(el, '#cooldown').closest('[aria-hidden]')).to.equal(null);
      button.focus();
      await sendKeys({ press: 'Enter' });
      await waitUntil(() => statusText(el) === en.resendWait(30));
      expect(text(get(el, '#cooldown'))).to.equal(en.resendWait(30));
      expect(api.bodies('emailLoginOrSignup')).to.have.length(1);
      // Faded by colour, not opacity: the focus ring keeps its full colour.
      expect(getComputedStyle(button).opacity).to.equal('1');
    });
  });

  describe('ways back', () => {
    it('goes back to the email step with Escape and with Edit, email kept', async () => {
      const { el, api } = await setup();
      await toCodeStep(el, api);
      await sendKeys({ press: 'Escape' });
      await focusLandsOn((a) => a?.id === 'email', 'the email input');
      expect(emailInput(el).value).to.equal(EMAIL);
      expect(text(get(el, '[part=heading]')), "the name from the server's answer").to.equal(
        'Sign in to Acme',
      );

      await toCodeStep(el, api);
      const edit = get(el, '[part=link]');
      expect(text(edit)).to.equal(en.edit);
      expect(edit.getAttribute('aria-describedby'), 'described by the email').to.equal('sent-to');
      expect(sentTo(el)).to.contain(EMAIL);
      edit.click();
      await focusLandsOn((a) => a?.id === 'email', 'the email input');
      expect(emailInput(el).value).to.equal(EMAIL);
    });

    it('leaves inline MFA with "Use a different email" or Escape; success in its own state', async () => {
      const { el, api, events } = await setup();
      await toCodeStep(el, api);
      api.on('emailAuthenticate', emailAuthenticateResponse({ mfa: smsSent, member: member() }));
      await sendKeys({ type: '123456' });
      await focusLandsOn((a) => a?.id === 'input' && !!find(el, 'otp-sms-stepup'), 'SMS code');
      const link = get(el, 'otp-sms-stepup ~ .links [part=link]');
      expect(text(link)).to.equal(en.changeEmail);
      const stepup = get(el, 'otp-sms-stepup');
      const labels = [...stepup.shadowRoot!.querySelectorAll('button')].map((b) => text(b));
      expect(labels, 'its own way back, no Cancel').to.not.include(en.cancel);
      await sendKeys({ press: 'Escape' });
      await focusLandsOn((a) => a?.id === 'email', 'the email input');
      expect(find(el, 'otp-sms-stepup')).to.equal(null);

      await toCodeStep(el, api);
      api.on('emailAuthenticate', emailAuthenticateResponse({ mfa: smsSent, member: member() }));
      await sendKeys({ type: '123456' });
      await focusLandsOn((a) => a?.id === 'input' && !!find(el, 'otp-sms-stepup'), 'SMS code');
      api.on('smsAuthenticate', smsAuthenticateResponse());
      await sendKeys({ type: '246810' });
      await waitUntil(() => events.some((e) => e.type === 'otp-session-created'));
      await focusLandsOn((a) => a?.localName === 'h2', 'the success heading');
      expect(text(deepActiveElement())).to.equal(en.signedIn);
      const slot = get<HTMLSlotElement>(el, 'slot[name=success]');
      expect(text(slot.assignedElements()[0] ?? null)).to.equal('Welcome back');
      expect(find(el, 'otp-sms-stepup')).to.equal(null);
      await expect(el).to.be.accessible();
    });
  });

  it('moves focus to the SMS heading when a verify locks inline MFA', async () => {
    const { el, api } = await setup();
    await toCodeStep(el, api);
    api.on('emailAuthenticate', emailAuthenticateResponse({ mfa: smsSent, member: member() }));
    await sendKeys({ type: '123456' });
    await focusLandsOn((a) => a?.id === 'input' && !!find(el, 'otp-sms-stepup'), 'SMS code');
    api.on('smsAuthenticate', otpError('too_many_requests', 429, { retryAfter: 900 }));
    await sendKeys({ type: '246810' });
    await focusLandsOn((a) => a?.localName === 'h2', 'the heading of the SMS step');
    expect(text(deepActiveElement())).to.equal(en.smsCodeHeading);
    expect(alertText(el)).to.match(/^Too many attempts\. Try again at /);
    await expect(el).to.be.accessible();
  });

  describe('reload', () => {
    const stubReload = () => {
      const original = performance.getEntriesByType.bind(performance);
      performance.getEntriesByType = ((type: string) =>
        type === 'navigation' ? [{ type: 'reload' }] : original(type)) as never;
      return () => (performance.getEntriesByType = original);
    };

    it('keeps only the email in sessionStorage and fills it in after a reload', async () => {
      const { el, api } = await setup();
      await toCodeStep(el, api);
      expect(sessionStorage.getItem(EMAIL_STORAGE_KEY)).to.equal(EMAIL);
      api.on('emailAuthenticate', otpError('otp_code_not_found', 404));
      await sendKeys({ type: '123456' });
      await waitUntil(() => codeField(el).error);
      const stored = Object.keys(sessionStorage)
        .map((k) => sessionStorage.getItem(k))
        .join();
      expect(stored, 'no code in storage').to.not.contain('123456');
      const restore = stubReload();
      try {
        const again = await fixture<OtpEmailAuth>(html`<otp-email-auth></otp-email-auth>`);
        expect(emailInput(again).value).to.equal(EMAIL);
      } finally {
        restore();
      }
      el.remove();
      expect(sessionStorage.getItem(EMAIL_STORAGE_KEY), 'removed with the element').to.equal(null);
    });

    it('keeps nothing with no-remember-email', async () => {
      const { el, api } = await setup({ noRememberEmail: true });
      await toCodeStep(el, api);
      expect(sessionStorage.getItem(EMAIL_STORAGE_KEY)).to.equal(null);
    });
  });

  describe('look', () => {
    it('has boxes as wide as the form by default, one input with no-code-boxes', async () => {
      const { el, api } = await setup();
      await toCodeStep(el, api);
      const form = get(el, 'form').getBoundingClientRect();
      const boxes = get(codeField(el), '[part=boxes]').getBoundingClientRect();
      expect(Math.round(boxes.width)).to.equal(Math.round(form.width));
      const sheet = document.createElement('style');
      sheet.textContent = 'otp-email-auth::part(code-box) { border-color: rgb(1, 2, 3); }';
      document.head.append(sheet);
      const box = get(codeField(el), '[part~=box]');
      expect(getComputedStyle(box).borderTopColor, '::part(code-box) reaches the boxes').to.equal(
        'rgb(1, 2, 3)',
      );
      sheet.remove();
      el.noCodeBoxes = true;
      await el.updateComplete;
      await codeField(el).updateComplete;
      expect(find(codeField(el), '[part=boxes]')).to.equal(null);
      const input = get(codeField(el), 'input').getBoundingClientRect();
      expect(Math.round(input.width)).to.equal(Math.round(form.width));
    });

    it('renders its heading at each heading-level 1–6, else at level 2', async () => {
      const { el } = await setup();
      for (const [level, tag] of [
        ['1', 'h1'],
        ['2', 'h2'],
        ['3', 'h3'],
        ['4', 'h4'],
        ['5', 'h5'],
        ['6', 'h6'],
        ['9', 'h2'],
        ['x', 'h2'],
      ]) {
        el.setAttribute('heading-level', level!);
        await el.updateComplete;
        const heading = get(el, '[part=heading]');
        expect(heading.localName, level).to.equal(tag);
        expect(heading.outerHTML, level).to.match(
          new RegExp(`^<${tag} part="heading"[^>]*>.*</${tag}>$`),
        );
        expect(text(heading)).to.equal(en.emailHeading);
      }
    });

    it('takes heading-level and organization-name, and shows the logo slot', async () => {
      const { el } = await setup();
      el.setAttribute('heading-level', '3');
      el.setAttribute('organization-name', 'Acme');
      await el.updateComplete;
      const heading = get(el, '[part=heading]');
      expect(heading.localName).to.equal('h3');
      expect(text(heading)).to.equal('Sign in to Acme');
      const logo = get<HTMLSlotElement>(el, 'slot[name=logo]');
      expect(logo.assignedElements()[0]?.getAttribute('alt')).to.equal('Acme');
      await expect(el).to.be.accessible();
    });

    it('marks errors with more than colour', async () => {
      const { el, api } = await setup();
      api.on('emailLoginOrSignup', otpError('network_error', 0));
      await typeInto(emailInput(el), EMAIL);
      await sendKeys({ press: 'Enter' });
      await waitUntil(() => alertText(el));
      const error = get(el, '[role=alert]#error');
      expect(getComputedStyle(error).borderInlineStartWidth).to.equal('3px');
      expect(getComputedStyle(error, '::before').content).to.contain('⚠');
    });
  });
});
