// A login on pages in other languages, through the gateway to the emulator: every request carries
// only a locale Stytch accepts at that endpoint, so none is refused, and each step speaks the page's
// language.
import { expect, fixture, html } from '@open-wc/testing';
import '../../../src/index.js';
import type { OtpEmailAuth } from '../../../src/index.js';
import { deDE } from '../../../src/i18n/de-DE.js';
import { en } from '../../../src/i18n/en.js';
import type { OtpMessages } from '../../../src/i18n/messages.js';
import {
  cleanUp,
  E2E_TIMEOUT,
  freshBrowser,
  latestCode,
  newEmail,
  newPhone,
  organization,
  submitCode,
  submitEmail,
  submitPhone,
} from './support.js';
import { waitUntil } from '../support/dom.js';

const heading = (root: Element) =>
  root.shadowRoot!.querySelector('[part=heading]')?.textContent?.trim();

/** The `locale` of each request body the elements send, by the path after `/api/v1/b2b/`. */
function recordLocales(): { sent: Record<string, unknown>; stop: () => void } {
  const sent: Record<string, unknown> = {};
  const original = window.fetch;
  window.fetch = (input, init) => {
    const path = String(input instanceof Request ? input.url : input).split('/v1/b2b/')[1];
    if (path && typeof init?.body === 'string') sent[path] = JSON.parse(init.body).locale;
    return original.call(window, input, init);
  };
  return { sent, stop: () => (window.fetch = original) };
}

async function signInWithMfa(lang: string, strings: OtpMessages) {
  const org = await organization('REQUIRED_FOR_ALL');
  const email = newEmail(org);
  const phone = newPhone();
  const page = await fixture<HTMLElement>(
    html`<div lang=${lang}>
      <otp-email-auth organization-id=${org.organization_id}></otp-email-auth>
    </div>`,
  );
  const el = page.querySelector<OtpEmailAuth>('otp-email-auth')!;
  await waitUntil(() => heading(el) === strings.emailHeading, `email step in ${lang}`);
  await submitEmail(el, email);
  expect(heading(el)).to.equal(strings.emailCodeHeading);
  await submitCode(el, await latestCode(email, 'email'), 'otp-mfa-required');
  await waitUntil(() => el.shadowRoot!.querySelector('otp-sms-stepup'), 'inline SMS step');
  const sms = el.shadowRoot!.querySelector('otp-sms-stepup')!;
  await waitUntil(() => heading(sms) === strings.phoneHeading, `phone step in ${lang}`);
  await submitPhone(sms, phone);
  const detail = await submitCode(sms, await latestCode(phone, 'sms'), 'otp-session-created');
  expect(detail.member.email_address).to.equal(email);
}

describe('e2e: logins on pages in other languages', function () {
  this.timeout(E2E_TIMEOUT);
  let requests: ReturnType<typeof recordLocales>;
  beforeEach(async () => {
    await freshBrowser();
    requests = recordLocales();
  });
  afterEach(async () => {
    requests.stop();
    await cleanUp();
  });

  it('signs in on an Austrian German page: no German email at Stytch, a German SMS', async () => {
    await signInWithMfa('de-AT', deDE);
    expect(requests.sent).to.deep.equal({
      'otps/email/login_or_signup': undefined,
      'otps/email/authenticate': undefined,
      'otps/sms/send': 'de-DE',
      'otps/sms/authenticate': undefined,
    });
  });

  it('signs in on a Japanese page: English text, a Japanese SMS', async () => {
    await signInWithMfa('ja-JP', en);
    expect(requests.sent['otps/sms/send']).to.equal('ja');
  });
});
