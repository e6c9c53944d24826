// Locales as a page chooses them: by the element's `locale`, by its provider's, by the nearest
// `lang`; catalogs arriving after the element rendered; the locale sent to Stytch; RTL pages.
import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import '../../../src/define/email-auth.js';
import '../../../src/define/provider.js';
import '../../../src/define/sms-stepup.js';
import '../../../src/define/code-field.js';
import type { OtpEmailAuth } from '../../../src/email-auth/otp-email-auth.js';
import type { OtpSmsStepup } from '../../../src/sms-stepup/otp-sms-stepup.js';
import { caES } from '../../../src/i18n/ca-ES.js';
import { deDE } from '../../../src/i18n/de-DE.js';
import { en } from '../../../src/i18n/en.js';
import { es } from '../../../src/i18n/es.js';
import { fr } from '../../../src/i18n/fr.js';
import { it as itIT } from '../../../src/i18n/it.js';
import { registerLocale } from '../../../src/i18n/locales.js';
import type { OtpMessages } from '../../../src/i18n/messages.js';
import { ptBR } from '../../../src/i18n/pt-br.js';
import { zhHans } from '../../../src/i18n/zh-Hans.js';
import {
  FakeOtpApi,
  MEMBER_ID,
  ORG_ID,
  loginOrSignupResponse,
  member,
  organization,
  otpError,
  smsSendResponse,
} from '../support/fake-api.js';
import {
  find,
  focusLandsOn,
  get,
  settle,
  text,
  trackRejections,
  typeInto,
  waitUntil,
} from '../support/dom.js';

type Host = Element & { shadowRoot: ShadowRoot | null; updateComplete: Promise<unknown> };

// Each catalog with a tag to set and a regional variant a page would carry instead.
const LOCALES: [tag: string, variant: string, catalog: OtpMessages][] = [
  ['en', 'en-GB', en],
  ['es', 'es-MX', es],
  ['pt-br', 'pt-BR', ptBR],
  ['fr', 'fr-CA', fr],
  ['it', 'it-CH', itIT],
  ['de-DE', 'de-AT', deDE],
  ['zh-Hans', 'zh-CN', zhHans],
  ['ca-ES', 'ca', caES],
];

const heading = (el: Host) => text(find(el, '[part=heading]'));

/** Waits until the email step shows `catalog`'s strings. */
async function showsEmailStep(el: Host, catalog: OtpMessages, how: string) {
  await waitUntil(() => heading(el) === catalog.emailHeading, `${how}: ${heading(el)}`);
  expect(text(get(el, 'label[for=email]'))).to.equal(catalog.emailLabel);
  expect(text(get(el, 'button[type=submit]'))).to.equal(catalog.emailSubmit);
}

async function emailAuth(template: ReturnType<typeof html>): Promise<OtpEmailAuth> {
  const root = await fixture<HTMLElement>(template);
  const el = (root.localName === 'otp-email-auth' ? root : root.querySelector('otp-email-auth'))!;
  await (el as OtpEmailAuth).updateComplete;
  return el as OtpEmailAuth;
}

/** Types an email and waits for the code step. */
async function toCodeStep(el: OtpEmailAuth, api: FakeOtpApi) {
  api.on('emailLoginOrSignup', loginOrSignupResponse());
  await typeInto(get(el, 'input[type=email]'), 'ada@example.com');
  await sendKeys({ press: 'Enter' });
  await focusLandsOn((a) => a?.id === 'input', 'the code input');
}

describe('locales', () => {
  let rejections: ReturnType<typeof trackRejections>;
  beforeEach(() => (rejections = trackRejections()));
  afterEach(() => {
    document.documentElement.lang = 'en';
    rejections.check();
  });

  for (const [tag, variant, catalog] of LOCALES) {
    describe(tag, () => {
      it(`is chosen by the element's locale (${variant})`, async () => {
        const el = await emailAuth(
          html`<otp-email-auth locale=${variant} .client=${new FakeOtpApi()}></otp-email-auth>`,
        );
        await showsEmailStep(el, catalog, 'locale attribute');
      });

      it(`is chosen by the provider's locale (${tag})`, async () => {
        const el = await emailAuth(
          html`<otp-auth-provider locale=${tag} .client=${new FakeOtpApi()}
            ><otp-email-auth></otp-email-auth
          ></otp-auth-provider>`,
        );
        await showsEmailStep(el, catalog, 'provider');
      });

      it(`is chosen by the nearest lang (${variant}), code step and errors included`, async () => {
        const api = new FakeOtpApi();
        const el = await emailAuth(
          html`<div lang="ar">
            <section lang=${variant}>
              <otp-email-auth organization-id=${ORG_ID} .client=${api}></otp-email-auth>
            </section>
          </div>`,
        );
        await showsEmailStep(el, catalog, 'lang');
        await toCodeStep(el, api);
        expect(heading(el)).to.equal(catalog.emailCodeHeading);
        const field = get<Host>(el, 'otp-code-field');
        const input = get<HTMLInputElement>(field, 'input');
        expect(text(get(field, 'label'))).to.equal(catalog.codeLabel);
        expect(input.labels?.[0]?.textContent?.trim()).to.equal(catalog.codeLabel);
        expect(text(get(field, '#hint'))).to.equal(
          `${catalog.codeHint(6)} ${catalog.expiresIn(10)}`,
        );
        expect(text(get(el, '#sent-to'))).to.equal(catalog.codeSentTo('ada@example.com'));
        api.on('emailAuthenticate', otpError('otp_code_not_found', 404));
        await sendKeys({ type: '654321' });
        await waitUntil(
          () => text(get(field, '[part=error]')) === catalog.errors.otp_code_not_found,
          'localized wrong-code error',
        );
      });

      it('shows the phone step in it', async () => {
        const el = document.createElement('otp-sms-stepup') as OtpSmsStepup;
        Object.assign(el, {
          client: new FakeOtpApi(),
          organizationId: ORG_ID,
          member: member(),
          organization: organization(),
          mfaRequired: { member_options: null, secondary_auth_initiated: null },
          locale: tag,
        });
        const holder = await fixture<HTMLElement>(html`<div></div>`);
        holder.append(el);
        await waitUntil(() => heading(el) === catalog.phoneHeading, heading(el));
        expect(text(get(el, 'label[for=country]'))).to.equal(catalog.countryLabel);
        expect(text(get(el, 'label[for=phone]'))).to.equal(catalog.phoneLabel);
        expect(text(get(el, 'button[type=submit]'))).to.equal(catalog.phoneSubmit);
      });
    });
  }

  describe('fallback', () => {
    it('takes the element’s locale, else the provider’s, else the nearest lang, else English', async () => {
      const wrapper = await fixture<HTMLElement>(
        html`<div lang="fr">
          <otp-auth-provider locale="de" .client=${new FakeOtpApi()}
            ><otp-email-auth locale="it"></otp-email-auth
          ></otp-auth-provider>
        </div>`,
      );
      const provider = wrapper.querySelector('otp-auth-provider')!;
      const el = wrapper.querySelector('otp-email-auth')!;
      await showsEmailStep(el, itIT, 'own locale');
      el.removeAttribute('locale');
      await showsEmailStep(el, deDE, 'provider locale');
      provider.removeAttribute('locale');
      await showsEmailStep(el, fr, 'lang');
      wrapper.lang = 'ar';
      document.documentElement.lang = 'ar';
      el.requestUpdate();
      await showsEmailStep(el, en, 'no catalog for ar');
    });

    it('keeps English when a catalog fails to load, without an unhandled rejection', async () => {
      registerLocale('eo', () => Promise.reject(new Error('offline')));
      const el = await emailAuth(
        html`<otp-email-auth locale="eo" .client=${new FakeOtpApi()}></otp-email-auth>`,
      );
      await settle(el);
      await showsEmailStep(el, en, 'failed catalog');
    });

    it('lets the messages property override single strings of a loaded catalog', async () => {
      const el = await emailAuth(
        html`<otp-email-auth
          locale="fr"
          .messages=${{ emailHeading: 'Bienvenue', errors: { default: 'Oups.' } }}
          .client=${new FakeOtpApi()}
        ></otp-email-auth>`,
      );
      await waitUntil(() => text(get(el, 'label[for=email]')) === fr.emailLabel);
      expect(heading(el)).to.equal('Bienvenue');
    });
  });

  describe('an element already on the page', () => {
    it('re-renders when a catalog for its locale is registered later', async () => {
      const el = await emailAuth(
        html`<otp-email-auth locale="nl-BE" .client=${new FakeOtpApi()}></otp-email-auth>`,
      );
      await settle(el);
      expect(heading(el)).to.equal(en.emailHeading);
      const nl: OtpMessages = { ...en, emailHeading: 'Inloggen', emailLabel: 'Werkmail' };
      registerLocale('nl', async () => nl);
      await showsEmailStep(el, nl, 'late catalog');
    });

    it('re-renders when the page’s lang changes', async () => {
      const el = await emailAuth(
        html`<otp-email-auth .client=${new FakeOtpApi()}></otp-email-auth>`,
      );
      await showsEmailStep(el, en, 'page in English');
      document.documentElement.lang = 'ca';
      await showsEmailStep(el, caES, 'page now in Catalan');
    });

    it('renders a catalog loaded before on its first render, with no English in between', async () => {
      const first = await emailAuth(
        html`<otp-email-auth locale="it" .client=${new FakeOtpApi()}></otp-email-auth>`,
      );
      await showsEmailStep(first, itIT, 'first element');
      const second = document.createElement('otp-email-auth') as OtpEmailAuth;
      second.client = new FakeOtpApi();
      second.locale = 'it-CH';
      first.after(second);
      await second.updateComplete;
      expect(heading(second), 'first render').to.equal(itIT.emailHeading);
      second.remove();
    });

    it('keeps its step and input while the catalog arrives', async () => {
      const api = new FakeOtpApi();
      const el = await emailAuth(html`<otp-email-auth .client=${api}></otp-email-auth>`);
      await typeInto(get(el, 'input[type=email]'), 'ada@');
      el.locale = 'zh-Hans-CN';
      await showsEmailStep(el, zhHans, 'switched');
      expect(get<HTMLInputElement>(el, 'input[type=email]').value).to.equal('ada@');
    });
  });

  describe('the locale sent to Stytch', () => {
    const emailBody = async (locale: string) => {
      const api = new FakeOtpApi();
      const el = await emailAuth(
        html`<otp-email-auth
          organization-id=${ORG_ID}
          locale=${locale}
          .client=${api}
        ></otp-email-auth>`,
      );
      await toCodeStep(el, api);
      return api.bodies('emailLoginOrSignup')[0] as { locale?: string };
    };
    const smsBody = async (lang: string) => {
      const api = new FakeOtpApi().on('smsSend', smsSendResponse());
      const el = document.createElement('otp-sms-stepup') as OtpSmsStepup;
      Object.assign(el, {
        client: api,
        organizationId: ORG_ID,
        member: member({ mfa_phone_number: '+15555550123', mfa_phone_number_verified: true }),
        organization: organization(),
        mfaRequired: { member_options: null, secondary_auth_initiated: null },
      });
      const holder = await fixture<HTMLElement>(html`<div lang=${lang}></div>`);
      holder.append(el);
      await waitUntil(() => api.bodies('smsSend').length, 'SMS sent');
      return api.bodies('smsSend')[0];
    };

    const emailCases: [string, string | undefined][] = [
      ['pt-BR', 'pt-br'],
      ['es-MX', 'es'],
      ['FR-ca', 'fr'],
      ['de-DE', undefined],
      ['zh-Hans', undefined],
    ];
    for (const [tag, sent] of emailCases) {
      it(`is ${sent ?? 'left out'} in the email request for ${tag}`, async () => {
        const body = await emailBody(tag);
        if (sent) expect(body.locale).to.equal(sent);
        else expect(body, 'Stytch has no email in it').not.to.have.property('locale');
      });
    }

    it('passes every SMS locale Stytch accepts, beyond the catalogs', async () => {
      const expected = { organization_id: ORG_ID, member_id: MEMBER_ID };
      expect(await smsBody('de-AT')).to.deep.equal({ ...expected, locale: 'de-DE' });
      expect(await smsBody('zh-CN')).to.deep.equal({ ...expected, locale: 'zh-Hans' });
      expect(await smsBody('ca')).to.deep.equal({ ...expected, locale: 'ca-ES' });
      expect(await smsBody('ja-JP'), 'English text, Japanese SMS').to.deep.equal({
        ...expected,
        locale: 'ja',
      });
      expect(await smsBody('zh-TW'), 'Traditional Chinese is not zh-Hans').to.deep.equal(expected);
      expect(await smsBody('ar'), 'not one of Stytch’s').to.deep.equal(expected);
    });
  });

  describe('a code field on its own', () => {
    it('names itself and says what is missing in the page’s language, unless given its own', async () => {
      const holder = await fixture<HTMLElement>(
        html`<div lang="de-CH">
          <form><otp-code-field required></otp-code-field></form>
        </div>`,
      );
      const field = holder.querySelector('otp-code-field')!;
      const input = () => get<HTMLInputElement>(field, 'input');
      await waitUntil(() => input().labels?.[0]?.textContent === deDE.codeLabel, 'German label');
      expect(field.validationMessage).to.equal(deDE.codeIncomplete(6, 0));
      field.value = '12';
      await field.updateComplete;
      expect(field.validationMessage).to.equal(deDE.codeIncomplete(6, 2));
      field.label = 'Code aus der SMS';
      await field.updateComplete;
      expect(input().labels?.[0]?.textContent).to.equal('Code aus der SMS');
    });
  });

  describe('a right-to-left page', () => {
    it('keeps the code left to right while the rest follows the page', async () => {
      const api = new FakeOtpApi();
      const el = await emailAuth(
        html`<div dir="rtl" lang="ar">
          <otp-email-auth organization-id=${ORG_ID} .client=${api}></otp-email-auth>
        </div>`,
      );
      await showsEmailStep(el, en, 'Arabic page, English fallback');
      await toCodeStep(el, api);
      const field = get<Host>(el, 'otp-code-field');
      const input = get<HTMLInputElement>(field, 'input');
      const boxes = get(field, '[part=boxes]');
      expect(input.dir).to.equal('ltr');
      expect(getComputedStyle(input).direction).to.equal('ltr');
      expect(getComputedStyle(boxes).direction).to.equal('ltr');
      expect(getComputedStyle(get(el, '[part=heading]')).direction).to.equal('rtl');
      expect(getComputedStyle(get(field, 'label')).direction).to.equal('rtl');
      await sendKeys({ type: '12' });
      await waitUntil(() => find(field, '[part~=box-filled]'));
      const [first, second] = [...field.shadowRoot!.querySelectorAll('[part~=box]')];
      expect(text(first!)).to.equal('1');
      expect(first!.getBoundingClientRect().left, 'first digit on the left').to.be.below(
        second!.getBoundingClientRect().left,
      );
    });
  });
});
