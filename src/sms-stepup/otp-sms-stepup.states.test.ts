// The states a member meets in <otp-sms-stepup> (issue 9): arrival, one masked phone, change
// number, step-up cancel, Escape, forced colours. Each test asserts what is seen and heard.
import { expect, fixture, html } from '@open-wc/testing';
import { emulateMedia, sendKeys } from '@web/test-runner-commands';
import '../define/sms-stepup.js';
import type { OtpSmsStepup } from './otp-sms-stepup.js';
import type { OtpCancelEvent } from '../events/otp-cancel.js';
import { en } from '../i18n/en.js';
import type { OtpCodeField } from '../code-field/otp-code-field.js';
import {
  enrolled,
  FakeOtpApi,
  MASKED,
  member,
  notSent,
  organization,
  otpError,
  smsAuthenticateResponse,
  smsSendResponse,
  smsSent,
} from '../../test/browser/support/fake-api.js';
import {
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

async function setup(props: Partial<OtpSmsStepup>, api = new FakeOtpApi()) {
  const el = document.createElement('otp-sms-stepup');
  Object.assign(el, { client: api, clock: new FakeClock(), organization: organization() }, props);
  const events = record(el, 'otp-code-sent', 'otp-cancel');
  const wrapper = await fixture<HTMLElement>(html`<div></div>`);
  wrapper.append(el);
  await el.updateComplete;
  return { el, api, events };
}

const phoneInput = (el: OtpSmsStepup) => get<HTMLInputElement>(el, 'input[type=tel]');
const codeStep = (el: OtpSmsStepup) =>
  focusLandsOn((a) => a?.id === 'input' && !!find(el, 'otp-code-field'), 'the code input');
const wait = en.resendWait(30);

describe('otp-sms-stepup states', () => {
  let rejections: ReturnType<typeof trackRejections>;
  beforeEach(() => (rejections = trackRejections()));
  afterEach(() => rejections.check());

  it('announces the heading and the reason on arrival, the phone masked one way', async () => {
    const { el, events } = await setup({ member: enrolled, mfaRequired: smsSent });
    await codeStep(el);
    const shown = text(get(el, '#sent-to'));
    expect(shown).to.equal(en.codeSentTo(MASKED));
    await waitUntil(
      () => statusText(el) === `${en.smsCodeHeading}. ${en.mfaReason} ${shown} ${wait}`,
      'heading, reason, where the code went and the cooldown',
    );
    expect(events[0].detail.to, 'the same in the event').to.equal(MASKED);
  });

  it('announces enrollment; after the number, "Change number" and Escape go back to it', async () => {
    const api = new FakeOtpApi();
    const { el, events } = await setup({ member: member(), mfaRequired: notSent }, api);
    await focusLandsOn((a) => a?.id === 'phone', 'the phone input');
    expect(heading(el)).to.equal(en.phoneHeading);
    await waitUntil(
      () => statusText(el) === `${en.phoneHeading}. ${en.mfaReason} ${en.phoneIntro}`,
      'arrival',
    );
    api.on('smsSend', smsSendResponse());
    await typeInto(phoneInput(el), '5555550123');
    await sendKeys({ press: 'Enter' });
    await codeStep(el);
    expect(text(get(el, '#sent-to'))).to.equal(en.codeSentTo(MASKED));
    expect(events[0].detail.to).to.equal(MASKED);

    const change = get(el, '[part=link]');
    expect(text(change)).to.equal(en.changeNumber);
    change.click();
    await focusLandsOn((a) => a?.id === 'phone', 'the phone input');
    expect(phoneInput(el).value, 'number kept').to.equal('5555550123');

    api.on('smsSend', smsSendResponse());
    await sendKeys({ press: 'Enter' });
    await codeStep(el);
    await sendKeys({ press: 'Escape' });
    await focusLandsOn((a) => a?.id === 'phone', 'the phone input');
    await expect(el).to.be.accessible();
  });

  it('keeps the code usable when a new code is refused with Retry-After', async () => {
    const clock = new FakeClock();
    const api = new FakeOtpApi();
    const { el } = await setup({ member: enrolled, mfaRequired: smsSent, clock }, api);
    await codeStep(el);
    clock.advance(30_000);
    await waitUntil(() => statusText(el) === en.resendAvailable);
    api.on('smsSend', otpError('too_many_requests', 429, { retryAfter: 600 }));
    get(el, '[part=secondary-button]').click();
    const limited = 'Too many codes requested. You can request a new one in 10 minutes.';
    await waitUntil(() => statusText(el) === limited, `said; status: ${statusText(el)}`);
    expect(text(get(el, '#cooldown'))).to.equal(limited);
    expect(!!el.shadowRoot!.querySelector('#error'), 'no lockout').to.be.false;
    const field = get<OtpCodeField>(el, 'otp-code-field');
    expect(field.disabled, 'the field stays usable').to.be.false;
    expect(get(el, 'button[type=submit]').getAttribute('aria-disabled')).to.equal('false');
    api.on('smsAuthenticate', smsAuthenticateResponse());
    field.focus();
    await sendKeys({ type: '123456' });
    await waitUntil(() => heading(el) === en.signedIn, 'signed in');
  });

  it('moves focus to the heading, not the page, when a verify locks', async () => {
    const api = new FakeOtpApi().on('smsSend', smsSendResponse());
    const { el } = await setup({ member: enrolled, mode: 'step-up' }, api);
    await codeStep(el);
    api.on('smsAuthenticate', otpError('too_many_requests', 429, { retryAfter: 900 }));
    await sendKeys({ type: '123456' });
    await waitUntil(() => find(el, '#error'));
    await focusLandsOn((a) => a?.localName === 'h2', 'the heading');
    expect(heading(el)).to.equal(en.stepUpHeading);
    expect(get<OtpCodeField>(el, 'otp-code-field').disabled).to.be.true;
  });

  describe('mfa placed by the page', () => {
    it('cancels with Cancel or Escape and a cancelable otp-cancel', async () => {
      const { el, events } = await setup({ member: enrolled, mfaRequired: smsSent });
      await codeStep(el);
      const cancel = get(el, '[part=secondary-button]:not([aria-describedby])');
      expect(text(cancel)).to.equal(en.cancel);
      el.addEventListener('otp-cancel', (e) => e.preventDefault(), { once: true });
      await sendKeys({ press: 'Escape' });
      await settle(el);
      expect(!!find(el, 'otp-code-field'), 'kept when the page prevents it').to.be.true;
      cancel.click();
      await focusLandsOn((a) => a?.localName === 'h2', 'the cancelled heading');
      expect(heading(el)).to.equal(en.cancelled);
      const sent = events.filter((e) => e.type === 'otp-cancel') as OtpCancelEvent[];
      expect(sent.map((e) => e.detail)).to.deep.equal([
        { step: 'code', reason: 'escape' },
        { step: 'code', reason: 'cancel' },
      ]);
      expect(sent[1].cancelable && sent[1].bubbles && sent[1].composed).to.be.true;
      await expect(el).to.be.accessible();
    });
  });

  describe('step-up', () => {
    const stepUp = (api = new FakeOtpApi().on('smsSend', smsSendResponse())) =>
      setup({ member: enrolled, mode: 'step-up' }, api);

    it('says why on arrival and cancels with a typed, cancelable otp-cancel', async () => {
      const { el, events } = await stepUp();
      await codeStep(el);
      await waitUntil(() => statusText(el).startsWith(`${en.stepUpHeading}. ${en.stepUpReason}`));
      const cancel = get(el, '[part=secondary-button]:not([aria-describedby])');
      expect(text(cancel)).to.equal(en.cancel);
      cancel.click();
      await settle(el);
      const sent = events.filter((e) => e.type === 'otp-cancel') as OtpCancelEvent[];
      expect(sent).to.have.length(1);
      expect(sent[0].detail).to.deep.equal({ step: 'code', reason: 'cancel' });
      expect(sent[0].cancelable && sent[0].bubbles && sent[0].composed).to.be.true;
      await focusLandsOn((a) => a?.localName === 'h2', 'the cancelled heading');
      expect(heading(el)).to.equal(en.cancelled);
      expect(find(el, 'otp-code-field')).to.equal(null);
      await expect(el).to.be.accessible();
    });

    it('stays when the host prevents otp-cancel; Escape cancels with reason escape', async () => {
      const { el, events } = await stepUp();
      await codeStep(el);
      el.addEventListener('otp-cancel', (e) => e.preventDefault(), { once: true });
      await sendKeys({ press: 'Escape' });
      await settle(el);
      expect(!!find(el, 'otp-code-field'), 'still in the code step').to.be.true;
      await sendKeys({ press: 'Escape' });
      await waitUntil(() => heading(el) === en.cancelled);
      const reasons = events.filter((e) => e.type === 'otp-cancel').map((e) => e.detail.reason);
      expect(reasons).to.deep.equal(['escape', 'escape']);
    });

    it('starts again after a cancel', async () => {
      const api = new FakeOtpApi().on('smsSend', smsSendResponse(), smsSendResponse());
      const { el } = await stepUp(api);
      await codeStep(el);
      get(el, '[part=secondary-button]:not([aria-describedby])').click();
      await waitUntil(() => heading(el) === en.cancelled);
      get(el, '[part=button]').click();
      await codeStep(el);
      expect(api.bodies('smsSend')).to.have.length(2);
    });
  });

  it('draws buttons in system colours when colours are forced', async function () {
    if (!/Chrome/.test(navigator.userAgent)) this.skip();
    const { el } = await setup({ member: enrolled, mfaRequired: smsSent });
    await codeStep(el);
    try {
      await emulateMedia({ forcedColors: 'active' });
      const button = get(el, '[part=button]');
      const probe = document.createElement('div');
      probe.style.cssText = 'background: Highlight; color: HighlightText';
      document.body.append(probe);
      const style = getComputedStyle(button);
      expect(style.backgroundColor).to.equal(getComputedStyle(probe).backgroundColor);
      expect(style.borderStyle, 'an outline of its own').to.equal('solid');
      probe.remove();
    } finally {
      await emulateMedia({ forcedColors: 'none' });
    }
  });
});
