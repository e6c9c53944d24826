// Each flow walked with the keyboard alone (issue 9): the Tab order of every step, Enter to
// submit, Escape to go back, and what a screen reader says along the way — the live regions'
// text over time (polite status and alerts, the inline SMS step's included), in order.
import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../../src/define/email-auth.js';
import '../../../src/define/sms-stepup.js';
import type { MfaRequired } from '../../../src/client/types.js';
import { en } from '../../../src/i18n/en.js';
import {
  Deferred,
  EMAIL,
  emailAuthenticateResponse,
  enrolled,
  FakeOtpApi,
  loginOrSignupResponse,
  MASKED,
  member,
  ORG_ID,
  organization,
  PHONE,
  smsAuthenticateResponse,
  smsSendResponse,
  smsSent,
} from '../support/fake-api.js';
import {
  deepActiveElement,
  find,
  focusLandsOn,
  text,
  trackRejections,
  typeInto,
  waitUntil,
} from '../support/dom.js';
import { FakeClock } from '../support/fake-clock.js';

const noPhone: MfaRequired = { member_options: null, secondary_auth_initiated: null };

type Flow = HTMLElement & { updateComplete: Promise<unknown> };

/** The element between two plain buttons, so Tab shows where it enters and leaves. */
async function mount(
  tag: 'otp-email-auth' | 'otp-sms-stepup',
  props: Record<string, unknown> = {},
  /** Queues what the element asks for as soon as it connects. */
  prepare?: (api: FakeOtpApi, spoken: string[]) => void,
) {
  const api = new FakeOtpApi();
  const clock = new FakeClock();
  const page = await fixture<HTMLElement>(
    html`<div><button id="before">before</button><button id="after">after</button></div>`,
  );
  const el = document.createElement(tag) as Flow;
  Object.assign(el, { client: api, clock, organizationId: ORG_ID }, props);
  const spoken = listen(el);
  prepare?.(api, spoken);
  page.insertBefore(el, page.lastElementChild);
  await el.updateComplete;
  return { el, api, clock, spoken };
}

/** Every root the element renders into, nested ones (code field, inline SMS step) included. */
function roots(host: Element): ShadowRoot[] {
  const root = host.shadowRoot;
  return root ? [root, ...[...root.querySelectorAll('*')].flatMap(roots)] : [];
}

/**
 * What the live regions say over time: `status: …` for the polite region, `alert: …` for
 * alerts, each time a region's text changes to something (a cleared region says nothing).
 */
function listen(host: Element): string[] {
  const said: string[] = [];
  const last = new WeakMap<Element, string>();
  const observed = new WeakSet<ShadowRoot>();
  const observer = new MutationObserver(() => read());
  function read() {
    for (const root of roots(host)) {
      if (!observed.has(root)) {
        observed.add(root);
        observer.observe(root, { subtree: true, childList: true, characterData: true });
      }
      for (const region of root.querySelectorAll('[role=status], [role=alert]')) {
        const now = text(region);
        if (now && now !== last.get(region)) said.push(`${region.getAttribute('role')}: ${now}`);
        last.set(region, now);
      }
    }
  }
  queueMicrotask(read);
  return said;
}

/** The focused control, named as a person would: its label, or the field it is. */
function focused(): string {
  const el = deepActiveElement();
  if (!el) return 'nothing';
  if (el.id === 'input' && el.getAttribute('autocomplete') === 'one-time-code') return 'code';
  if (el instanceof HTMLInputElement) return `${el.type} input`;
  if (el instanceof HTMLSelectElement) return 'country';
  return el.getAttribute('aria-label') ?? text(el);
}

const webdriver = /AppleWebKit/.test(navigator.userAgent) && !/Chrome/.test(navigator.userAgent);

/**
 * Shift+Tab. The WebDriver launcher (WebKit) only types or presses, so Shift goes in as its
 * WebDriver key code, which the driver holds for the keys after it; the others hold it down.
 */
async function shiftTab(): Promise<void> {
  if (webdriver) return void (await sendKeys({ type: '\uE008\uE004' }));
  await sendKeys({ down: 'Shift' });
  await sendKeys({ press: 'Tab' });
  await sendKeys({ up: 'Shift' });
}

/** Presses Tab (or Shift+Tab) `count` times; the controls focused, in order. */
async function walk(count: number, back = false): Promise<string[]> {
  const seen: string[] = [];
  for (let i = 0; i < count; i++) {
    await (back ? shiftTab() : sendKeys({ press: 'Tab' }));
    seen.push(focused());
  }
  return seen;
}

/** Answers a request held in flight once the busy text was said: each state is heard. */
function held(api: FakeOtpApi, method: Parameters<FakeOtpApi['on']>[0], spoken: string[]) {
  const pending = new Deferred();
  api.on(method, pending);
  return async (answer: unknown, busy = en.sending) => {
    await waitUntil(() => spoken.at(-1) === `status: ${busy}`, `${busy} said: ${spoken}`);
    pending.resolve(answer);
  };
}

const onCode = () =>
  focusLandsOn((a) => a?.getAttribute('autocomplete') === 'one-time-code', 'the code field');

describe('keyboard walk and announcements', () => {
  let rejections: ReturnType<typeof trackRejections>;
  beforeEach(() => (rejections = trackRejections()));
  afterEach(() => rejections.check());

  it('email → code → signed in: Tab order of each step, Enter, and what is said', async () => {
    const { el, api, spoken } = await mount('otp-email-auth');
    (document.getElementById('before') as HTMLButtonElement).focus();
    expect(await walk(3)).to.deep.equal(['email input', en.emailSubmit, 'after']);
    expect(await walk(2, true)).to.deep.equal([en.emailSubmit, 'email input']);

    const sent = held(api, 'emailLoginOrSignup', spoken);
    await typeInto(find(el, 'input[type=email]')!, EMAIL);
    await sendKeys({ press: 'Enter' });
    await sent(loginOrSignupResponse());
    await onCode();
    expect(await walk(3)).to.deep.equal([en.codeSubmit, en.resend, 'after']);
    expect(await walk(4, true)).to.deep.equal([en.resend, en.codeSubmit, 'code', en.edit]);
    await sendKeys({ press: 'Tab' });

    const verified = held(api, 'emailAuthenticate', spoken);
    await typeInto(find(el, 'otp-code-field')!, '123456');
    await verified(emailAuthenticateResponse(), en.verifying);
    await focusLandsOn((a) => text(a) === en.signedIn, 'the signed-in heading');
    await waitUntil(() => spoken.length === 4, 'signed in said');
    expect(spoken).to.deep.equal([
      `status: ${en.sending}`,
      `status: ${en.codeSentTo(EMAIL)} ${en.resendWait(30)}`,
      `status: ${en.verifying}`,
      `status: ${en.signedIn}`,
    ]);
  });

  it('inline SMS MFA: arrival said, Tab order, Escape back to the email kept', async () => {
    const { el, api, spoken } = await mount('otp-email-auth');
    const sent = held(api, 'emailLoginOrSignup', spoken);
    await typeInto(find(el, 'input[type=email]')!, EMAIL);
    await sendKeys({ press: 'Enter' });
    await sent(loginOrSignupResponse());
    await onCode();
    const verified = held(api, 'emailAuthenticate', spoken);
    await typeInto(find(el, 'otp-code-field')!, '123456');
    await verified(emailAuthenticateResponse({ mfa: smsSent, member: enrolled }), en.verifying);
    await waitUntil(() => find(el, 'otp-sms-stepup'), 'the SMS step');
    await onCode();
    const arrival = `${en.smsCodeHeading}. ${en.mfaReason} ${en.codeSentTo(MASKED)} ${en.resendWait(30)}`;
    await waitUntil(() => spoken.includes(`status: ${arrival}`), `arrival said: ${spoken}`);
    expect(await walk(4)).to.deep.equal([en.codeSubmit, en.resend, en.changeEmail, 'after']);

    await walk(4, true); // back to the code field
    expect(focused()).to.equal('code');
    await sendKeys({ press: 'Escape' });
    await focusLandsOn((a) => a instanceof HTMLInputElement && a.type === 'email', 'the email');
    expect((deepActiveElement() as HTMLInputElement).value).to.equal(EMAIL);
    expect(find(el, 'otp-sms-stepup')).to.equal(null);
    expect(spoken).to.deep.equal([
      `status: ${en.sending}`,
      `status: ${en.codeSentTo(EMAIL)} ${en.resendWait(30)}`,
      `status: ${en.verifying}`,
      `status: ${arrival}`,
    ]);
  });

  it('enrollment: phone step Tab order, Enter sends, Escape on the code back to the number', async () => {
    const { el, api, spoken } = await mount('otp-sms-stepup', {
      member: member(),
      organization: organization(),
      mfaRequired: noPhone,
    });
    await focusLandsOn((a) => a instanceof HTMLInputElement && a.type === 'tel', 'the phone');
    const arrival = `${en.phoneHeading}. ${en.mfaReason} ${en.phoneIntro}`;
    await waitUntil(() => spoken.length === 1, 'arrival said');
    expect(await walk(2, true)).to.deep.equal(['country', 'before']);
    // Placed by the page: Cancel is its way out.
    expect(await walk(5)).to.deep.equal([
      'country',
      'tel input',
      en.phoneSubmit,
      en.cancel,
      'after',
    ]);

    const sent = held(api, 'smsSend', spoken);
    await typeInto(find(el, 'input[type=tel]')!, '5555550123');
    await sendKeys({ press: 'Enter' });
    await sent(smsSendResponse({ mfa_phone_number: PHONE }));
    await onCode();
    expect(api.bodies('smsSend')).to.have.length(1);
    expect(await walk(5)).to.deep.equal([
      en.codeSubmit,
      en.resend,
      en.changeNumber,
      en.cancel,
      'after',
    ]);
    await walk(5, true);
    await sendKeys({ press: 'Escape' });
    await focusLandsOn((a) => a instanceof HTMLInputElement && a.type === 'tel', 'the phone');
    expect((deepActiveElement() as HTMLInputElement).value).to.equal('5555550123');
    expect(spoken).to.deep.equal([
      `status: ${arrival}`,
      `status: ${en.sending}`,
      `status: ${en.codeSentTo(MASKED)} ${en.resendWait(30)}`,
    ]);
  });

  it('step-up: arrival said, Cancel last in the Tab order, Escape cancels to a focused heading', async () => {
    let sent!: ReturnType<typeof held>;
    const { el, api, spoken } = await mount(
      'otp-sms-stepup',
      { mode: 'step-up', member: enrolled, organization: organization() },
      (api, spoken) => (sent = held(api, 'smsSend', spoken)),
    );
    await sent(smsSendResponse());
    await onCode();
    const arrival = `${en.stepUpHeading}. ${en.stepUpReason} ${en.codeSentTo(MASKED)} ${en.resendWait(30)}`;
    await waitUntil(() => spoken.includes(`status: ${arrival}`), `arrival said: ${spoken}`);
    expect(await walk(4)).to.deep.equal([en.codeSubmit, en.resend, en.cancel, 'after']);
    await walk(4, true);
    await sendKeys({ press: 'Escape' });
    await focusLandsOn((a) => text(a) === en.cancelled, 'the cancelled heading');
    expect(find(el, 'otp-code-field')).to.equal(null);
    expect(spoken).to.deep.equal([`status: ${en.sending}`, `status: ${arrival}`]);

    api.on('smsSend', smsSendResponse());
    await walk(1);
    expect(focused()).to.equal(en.startAgain);
    await sendKeys({ press: 'Enter' });
    await onCode();
    api.on('smsAuthenticate', smsAuthenticateResponse());
    await typeInto(find(el, 'otp-code-field')!, '123456');
    await focusLandsOn((a) => text(a) === en.stepUpComplete, 'the verified heading');
  });
});
