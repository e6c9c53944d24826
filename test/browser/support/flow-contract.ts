// What every flow element inherits from OtpFlowElement, asserted the same way against each one:
// one request at a time, abort, stale answers, errors, Retry-After, resend cooldown, code expiry,
// locale and configuration. Countdowns run on a FakeClock the test moves.
import { expect, fixture, html } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import type { OtpApi } from '../../../src/client/types.js';
import type { OtpCodeField } from '../../../src/code-field/otp-code-field.js';
import { en } from '../../../src/i18n/en.js';
import { registerLocale } from '../../../src/i18n/locales.js';
import type { OtpFlowElement } from '../../../src/internal/otp-flow-element.js';
import { Deferred, FakeOtpApi, otpError } from './fake-api.js';
import { FakeClock } from './fake-clock.js';
import {
  find,
  focusLandsOn,
  get,
  record,
  settle,
  text,
  trackRejections,
  waitUntil,
} from './dom.js';

export type Props = Partial<Pick<OtpFlowElement, 'resendCooldown' | 'locale' | 'messages'>>;

export interface FlowHarness {
  tag: 'otp-email-auth' | 'otp-sms-stepup';
  /** The method of the element's first request, and a successful answer to it. */
  first: { method: keyof OtpApi; answer: () => unknown };
  /** The element with `own` set, connected under `parent`, its first request sent with `answer` queued. */
  start(api: FakeOtpApi, parent: HTMLElement, answer: unknown, own: Props): Promise<OtpFlowElement>;
  /** How the first request's step and action are reported in `otp-error`. */
  firstError: { step: string; action: string };
  /** Where the code went, as the element shows it. */
  sentTo: string;
  /** Lifetime of the code in minutes, as the hint shows it. */
  codeMinutes: number;
  /** The method and a successful answer that resends a code from the code step. */
  resend: { method: keyof OtpApi; answer: () => unknown };
  /** The method and a successful answer of code authentication. */
  authenticate: { method: keyof OtpApi; answer: () => unknown };
}

const EVENTS = ['otp-code-sent', 'otp-error', 'otp-session-created', 'otp-step-up-complete'];

export function flowContract(h: FlowHarness): void {
  describe(`${h.tag}: shared flow behaviour`, () => {
    let rejections: ReturnType<typeof trackRejections>;
    let clock: FakeClock;
    beforeEach(() => {
      rejections = trackRejections();
      clock = new FakeClock();
    });
    afterEach(() => rejections.check());

    interface Options {
      /** Set on the element. */
      own?: Props;
      /** Set on the `<otp-auth-provider>` around it. */
      provider?: Props;
      /** `lang` of the element's parent. */
      lang?: string;
    }

    /** The element in a provider (which hands it the test's clock), its first request sent. */
    async function started(answer: unknown = h.first.answer(), options: Options = {}) {
      const api = new FakeOtpApi();
      const provider = await fixture<HTMLElement>(
        html`<otp-auth-provider .clock=${clock} .resendCooldown=${options.provider?.resendCooldown}
          ><div lang=${options.lang ?? 'en'}></div
        ></otp-auth-provider>`,
      );
      const parent = provider.querySelector('div')!;
      const events = record(parent, ...EVENTS);
      const el = await h.start(api, parent, answer, options.own ?? {});
      await waitUntil(() => api.calls.length === 1, 'the first request');
      return { api, el, events };
    }

    async function atCodeStep(options: Options = {}) {
      const setup = await started(h.first.answer(), options);
      await focusLandsOn((a) => a?.id === 'input' && !!find(setup.el, 'otp-code-field'), 'code');
      return setup;
    }

    const alertText = (el: OtpFlowElement) => text(find(el, '[part~=error][role=alert]'));
    const statusText = (el: OtpFlowElement) => text(get(el, '[role=status]'));
    const submit = (el: OtpFlowElement) => get<HTMLButtonElement>(el, 'button[type=submit]');
    const resend = (el: OtpFlowElement) => get<HTMLButtonElement>(el, '[part=secondary-button]');
    const codeField = (el: OtpFlowElement) => get<OtpCodeField>(el, 'otp-code-field');

    it('is busy while its request is in flight and sends nothing twice', async () => {
      const pending = new Deferred();
      const { api, el, events } = await started(pending);
      await settle(el);
      expect(get(el, 'form').getAttribute('aria-busy')).to.equal('true');
      expect(submit(el).getAttribute('aria-disabled')).to.equal('true');
      submit(el).click();
      get<HTMLFormElement>(el, 'form').requestSubmit();
      await settle(el);
      expect(api.calls, 'one request').to.have.length(1);
      pending.resolve(h.first.answer());
      await waitUntil(() => events.some((e) => e.type === 'otp-code-sent'));
      expect(get(el, 'form').getAttribute('aria-busy')).to.equal('false');
    });

    it('aborts its request when removed and fires nothing afterwards', async () => {
      const pending = new Deferred();
      const { api, el, events } = await started(pending);
      el.remove();
      expect(api.calls[0].signal!.aborted).to.be.true;
      pending.resolve(h.first.answer());
      await settle(el);
      expect(events).to.deep.equal([]);
    });

    it('drops an answer that arrives after its client changed', async () => {
      const pending = new Deferred();
      const { el, events } = await started(pending);
      // Changed and answered in the same task: the answer must still be dropped.
      el.client = new FakeOtpApi();
      pending.resolve(h.first.answer());
      await settle(el);
      expect(events.map((e) => e.type)).to.not.include('otp-code-sent');
      expect(find(el, 'otp-code-field')).to.equal(null);
    });

    it('shows a failure, dispatches otp-error and stays usable', async () => {
      const { el, events } = await started(otpError('network_error', 0));
      await waitUntil(() => alertText(el));
      expect(alertText(el)).to.equal(en.errors.network_error);
      const errors = events.filter((e) => e.type === 'otp-error');
      expect(errors).to.have.length(1);
      expect(errors[0].detail.error.error_type).to.equal('network_error');
      expect(errors[0].detail).to.include(h.firstError);
      expect(errors[0].bubbles && errors[0].composed).to.be.true;
      expect(submit(el).getAttribute('aria-disabled')).to.equal('false');
      await expect(el).to.be.accessible();
    });

    it('renders a server message as text, and a generic one for a server failure', async () => {
      const hostile = '<img src=x onerror="window.__pwned=1">Blocked';
      const one = await started(otpError('some_new_error', 400, { error_message: hostile }));
      await waitUntil(() => alertText(one.el));
      expect(alertText(one.el)).to.equal(hostile);
      expect(find(one.el, 'img')).to.equal(null);
      expect((window as { __pwned?: number }).__pwned).to.equal(undefined);
      const two = await started(otpError('internal_x', 502));
      await waitUntil(() => alertText(two.el));
      expect(alertText(two.el)).to.equal(en.errors.default);
    });

    it('waits out a Retry-After on its clock, counting down, then lets the member retry', async () => {
      const { api, el, events } = await atCodeStep();
      api.on(h.authenticate.method, otpError('too_many_requests', 429, { retryAfter: 2 }));
      const now = Date.now;
      // 14:04:59 + 2 s, said as the minute it ends in.
      Date.now = () => new Date(2030, 0, 1, 14, 4, 59).getTime();
      try {
        await sendKeys({ type: '123456' });
        await waitUntil(() => alertText(el));
      } finally {
        Date.now = now;
      }
      const ends = new Intl.DateTimeFormat('en', { hour: 'numeric', minute: '2-digit' }).format(
        new Date(2030, 0, 1, 14, 6),
      );
      expect(alertText(el), 'one spoken message with the time').to.equal(en.lockedUntil(ends));
      expect(events.find((e) => e.type === 'otp-error')!.detail.error.retryAfter).to.equal(2);
      const countdown = get(el, '[role=alert] + [part=hint]');
      expect(countdown.hasAttribute('aria-hidden'), 'readable, not live').to.be.false;
      expect(text(countdown)).to.equal('Try again in 2 s');
      expect(codeField(el).value, 'the wrong code cleared').to.equal('');
      expect(codeField(el).disabled, 'the field disabled').to.be.true;
      expect(submit(el).getAttribute('aria-disabled')).to.equal('true');
      submit(el).click();
      resend(el).click();
      await settle(el);
      expect(api.calls, 'nothing sent while waiting').to.have.length(2);
      await expect(el).to.be.accessible();

      clock.advance(1000);
      await settle(el);
      expect(text(get(el, '[role=alert] + [part=hint]'))).to.equal('Try again in 1 s');
      clock.advance(1000);
      await waitUntil(() => statusText(el) === en.retryAvailable);
      expect(alertText(el)).to.equal('');
      expect(submit(el).getAttribute('aria-disabled')).to.equal('false');
      expect(codeField(el).disabled).to.be.false;
      api.on(h.authenticate.method, h.authenticate.answer());
      await codeField(el).updateComplete;
      codeField(el).focus();
      await sendKeys({ type: '654321' });
      await waitUntil(() => api.calls.length === 3);
    });

    it('offers a new code once the resend cooldown is over, then restarts it', async () => {
      const { api, el, events } = await atCodeStep({ provider: { resendCooldown: 2 } });
      expect(resend(el).getAttribute('aria-disabled')).to.equal('true');
      const hint = () => find(el, '[part=secondary-button] + [part=hint]');
      expect(hint()!.hasAttribute('aria-hidden'), 'readable, not live').to.be.false;
      expect(text(hint())).to.equal('Available in 2 s');
      resend(el).click(); // ignored while cooling down
      await settle(el);
      expect(api.calls).to.have.length(1);

      clock.advance(2000);
      await waitUntil(() => statusText(el) === en.resendAvailable);
      expect(resend(el).getAttribute('aria-disabled')).to.equal('false');
      expect(hint()).to.equal(null);
      api.on(h.resend.method, h.resend.answer());
      resend(el).click();
      await waitUntil(() => statusText(el).startsWith(`New code sent to ${h.sentTo} at `));
      const shown = text(get(el, '#sent-to'));
      expect(shown, 'shown as spoken').to.match(/^New code sent to .+ at .+\.$/);
      expect(statusText(el)).to.equal(`${shown} ${en.resendWait(2)}`);
      expect(api.calls.map((c) => c.method)).to.deep.equal([h.first.method, h.resend.method]);
      expect(events.filter((e) => e.type === 'otp-code-sent')).to.have.length(2);
      expect(resend(el).getAttribute('aria-disabled'), 'cooldown restarts').to.equal('true');
    });

    it("counts the code's lifetime down on its clock and says when it expired", async () => {
      const { el } = await atCodeStep();
      expect(codeField(el).hint).to.contain(en.expiresIn(h.codeMinutes));
      clock.advance(h.codeMinutes * 60_000 - 60_000);
      await settle(el);
      expect(codeField(el).hint).to.contain(en.expiresIn(1));
      clock.advance(60_000);
      await waitUntil(() => codeField(el).error === en.codeExpired, 'one error: expired');
      expect(codeField(el).hint, 'no expiry hint').to.equal(en.codeHint(6));
      expect(text(get(el, 'form > [part=button]')), 'resend is the primary action').to.equal(
        en.resend,
      );
    });

    it('takes the locale from the nearest lang, for its strings and its requests', async () => {
      const { api } = await started(h.first.answer(), { lang: 'fr' });
      expect(api.bodies(h.first.method)[0]).to.include({ locale: 'fr' });
      // A private-use language per element: catalogs are registered for the whole page.
      const tag = h.tag === 'otp-email-auth' ? 'qaa' : 'qab';
      const late = await started(otpError('network_error', 0), { lang: tag });
      await waitUntil(() => alertText(late.el));
      expect(text(submit(late.el))).to.be.oneOf([en.emailSubmit, en.phoneSubmit]);
      registerLocale(tag, async () => ({ ...en, emailSubmit: 'LATE', phoneSubmit: 'LATE' }));
      await waitUntil(() => text(submit(late.el)) === 'LATE', 'a catalog registered later');
    });

    it('takes message overrides, errors merged with the catalog', async () => {
      const { el } = await started(otpError('network_error', 0), {
        own: { messages: { errors: { network_error: 'Offline.' } } },
      });
      await waitUntil(() => alertText(el));
      expect(alertText(el)).to.equal('Offline.');
      expect(text(submit(el))).to.be.oneOf([en.emailSubmit, en.phoneSubmit]);
    });

    it("prefers its own resend cooldown to the provider's", async () => {
      const { el } = await atCodeStep({
        own: { resendCooldown: 3 },
        provider: { resendCooldown: 9 },
      });
      expect(text(find(el, '[part=secondary-button] + [part=hint]'))).to.equal('Available in 3 s');
    });
  });
}
