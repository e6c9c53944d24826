// The elements on a page under a strict CSP (no inline script or style, no eval, Trusted Types
// required where the engine has them), in every engine: the email → code → SMS → session flow with
// a server error_message made of markup at both steps, and not one `securitypolicyviolation`.
// The page is an iframe (csp-page.html) with the policy in a <meta>, which all three engines honour
// and which leaves the test runner's own page alone.
import { expect } from '@open-wc/testing';
import type { CspHarness } from './csp-page.js';
import type { FakeOtpApi } from '../support/fake-api.js';
import { deepQuery } from '../support/deep-query.js';
import { waitUntil } from '../support/dom.js';

const MARKUP = '<img src=x onerror=alert(1)>';

interface CspWindow extends Window {
  cspHarness?: CspHarness;
  cspViolations: string[];
  InputEvent: typeof InputEvent;
  eval(code: string): unknown;
}

async function openPage() {
  const frame = document.createElement('iframe');
  frame.src = new URL('./csp-page.html', import.meta.url).pathname;
  document.body.append(frame);
  const win = () => frame.contentWindow as CspWindow;
  await waitUntil(() => win().cspHarness, 'csp-page loaded', { timeout: 20000 }).catch(
    (error: Error) => {
      throw new Error(`${error.message}; violations: ${win().cspViolations?.join(' | ')}`);
    },
  );
  return { frame, win: win(), doc: frame.contentDocument!, harness: win().cspHarness! };
}

const text = (el: Element | null) => (el?.textContent ?? '').replace(/\s+/g, ' ').trim();

/** Looks inside the host's shadow root and the shadow roots nested in it. */
const inside = <T extends Element = HTMLElement>(host: Element, selector: string) =>
  host.shadowRoot ? deepQuery<T>(host.shadowRoot, selector) : null;

function found<T extends Element = HTMLElement>(host: Element, selector: string): T {
  const el = inside<T>(host, selector);
  if (!el) throw new Error(`no ${selector}`);
  return el;
}

/** Types like autofill would: the value, then the input event the element listens to. */
function fill(win: CspWindow, input: HTMLInputElement, value: string) {
  input.focus();
  input.value = value;
  input.dispatchEvent(new win.InputEvent('input', { bubbles: true, composed: true }));
}

const alertOf = (host: Element) => inside(host, '[part~=error][role=alert]');

describe('strict CSP page', () => {
  let page: Awaited<ReturnType<typeof openPage>>;
  before(async () => (page = await openPage()));
  after(() => page.frame.remove());

  it('runs the email, code and SMS steps with markup errors shown as text and no violation', async () => {
    const { win, doc, harness } = page;
    const api: FakeOtpApi = new harness.FakeOtpApi();
    const el = Object.assign(doc.createElement('otp-email-auth'), {
      organizationId: harness.ORG_ID,
      client: api,
    });
    const sessions: Event[] = [];
    el.addEventListener('otp-session-created', (e) => sessions.push(e));
    doc.body.append(el);

    // Email step: the server's message, made of markup, is shown as text.
    api.on(
      'emailLoginOrSignup',
      harness.otpError('unlisted_error', 400, { error_message: MARKUP }),
      harness.loginOrSignupResponse(),
    );
    const email = await waitUntilFound<HTMLInputElement>(el, 'input[type=email]');
    fill(win, email, harness.EMAIL);
    found<HTMLFormElement>(el, 'form').requestSubmit();
    await waitUntil(() => text(alertOf(el)) === MARKUP, 'the server message as text');
    expect(deepQuery(doc, 'img'), 'no element made from the message').to.equal(null);

    // Retry, then the email code; MFA is pending and the SMS step comes inline.
    found<HTMLFormElement>(el, 'form').requestSubmit();
    const code = await waitUntilFound<HTMLInputElement>(el, 'input[autocomplete=one-time-code]');
    const enrolled = harness.member({
      mfa_phone_number: '+15555550123',
      mfa_phone_number_verified: true,
    });
    api.on(
      'emailAuthenticate',
      harness.emailAuthenticateResponse({
        mfa: {
          member_options: { mfa_phone_number: '+15555550123', totp_registration_id: '' },
          secondary_auth_initiated: 'sms_otp',
        },
        member: enrolled,
      }),
    );
    fill(win, code, '123456');
    const stepup = await waitUntilFound(el, 'otp-sms-stepup');

    // SMS step: a markup message again, then the right code signs in.
    api.on(
      'smsAuthenticate',
      harness.otpError('unlisted_error', 400, { error_message: MARKUP }),
      harness.smsAuthenticateResponse(),
    );
    const smsCode = await waitUntilFound<HTMLInputElement>(
      stepup,
      'input[autocomplete=one-time-code]',
    );
    fill(win, smsCode, '246810');
    await waitUntil(() => text(alertOf(stepup)) === MARKUP, 'the SMS error as text');
    expect(deepQuery(doc, 'img')).to.equal(null);
    fill(win, found<HTMLInputElement>(stepup, 'input[autocomplete=one-time-code]'), '135790');
    await waitUntil(() => sessions.length === 1, 'otp-session-created');
    expect(api.calls.map((c) => c.method)).to.deep.equal([
      'emailLoginOrSignup',
      'emailLoginOrSignup',
      'emailAuthenticate',
      'smsAuthenticate',
      'smsAuthenticate',
    ]);

    // Styles are adopted stylesheets, which style-src 'self' allows; Lit's fallback, a <style>
    // element, would need a nonce (window.litNonce) or 'unsafe-inline'.
    expect(el.shadowRoot!.adoptedStyleSheets.length).to.be.greaterThan(0);
    expect(el.shadowRoot!.querySelector('style')).to.equal(null);
    console.log(
      `strict CSP, ${navigator.userAgent}: Trusted Types ${'trustedTypes' in win ? 'enforced' : 'absent'}, styles adopted`,
    );

    // Violation events are queued as tasks: give any late one time to arrive.
    await new Promise((resolve) => setTimeout(resolve, 50));
    expect(win.cspViolations).to.deep.equal([]);
  });

  it('is really under the policy: eval is refused and reported (the listener works)', async () => {
    const { win } = page;
    const before = win.cspViolations.length;
    expect(() => win.eval('1')).to.throw();
    await waitUntil(() => win.cspViolations.length > before, 'the eval violation is reported');
    // Engines with Trusted Types report eval under require-trusted-types-for, others script-src.
    expect(win.cspViolations.at(-1)).to.match(/^(script-src|require-trusted-types-for)/);
    win.cspViolations.length = before;
  });

  it('enforces Trusted Types where the engine has them: a plain string into innerHTML is refused', function () {
    const { win, doc } = page;
    if (!('trustedTypes' in win)) {
      // Engines without Trusted Types ignore the directive; nothing to enforce there.
      console.log(`${navigator.userAgent}: no Trusted Types, require-trusted-types-for ignored`);
      this.skip();
    }
    const div = doc.createElement('div');
    expect(() => (div.innerHTML = MARKUP))
      .to.throw()
      .with.property('name', 'TypeError');
    expect(div.childElementCount).to.equal(0);
  });
});

async function waitUntilFound<T extends HTMLElement>(host: Element, selector: string) {
  let el: T | null = null;
  await waitUntil(() => (el = inside<T>(host, selector)), `${selector} never appeared`, {
    timeout: 5000,
  });
  return el!;
}
