// What follows a right code in <otp-email-auth>: signed in, or MFA (inline in <otp-sms-stepup>, or
// the event for the host), and in discovery the organization steps. A chunk of its own, loaded
// while the first code is on its way, so the script-tag file holds only what the email step needs.
import { html } from 'lit';
import type { OtpAuthError } from '../client/otp-auth-error.js';
import type { EmailAuthenticateRequest, ExchangeResponse } from '../client/types.js';
import type { DiscoveryStep } from '../discovery/discovery-step.js';
import type { OtpStep } from '../events/otp-error.js';
import { OtpMfaRequiredEvent, type OtpMfaRequiredDetail } from '../events/otp-mfa-required.js';
import { EMAIL_LOCALES } from '../i18n/locales.js';
import { lazy } from '../internal/lazy.js';
import { loadSmsStepup, type OtpEmailAuth } from './otp-email-auth.js';

/**
 * The discovery steps (organization list, create form) are a chunk of their own: loaded once a
 * discovery code is on its way, so a page that signs in to a known organization never loads them.
 */
const loadDiscoveryStep = lazy(() => import('../discovery/discovery-step.js'));

/** The steps of an email element from its code on, and their state. */
export class CodeOutcome {
  /** Discovery: the organizations found and the create form, once loaded. */
  private discoveryStep?: DiscoveryStep;
  /** Set when MFA continues inline in the embedded `<otp-sms-stepup>`. */
  private inlineMfa?: OtpMfaRequiredDetail;

  constructor(private readonly host: OtpEmailAuth) {}

  /** Discovery: the steps after the code, loaded and attached to the element on first use. */
  async loadDiscovery(): Promise<DiscoveryStep> {
    const { DiscoveryStep } = await loadDiscoveryStep();
    return (this.discoveryStep ??= new DiscoveryStep(this.host, (res) => this.finish(res)));
  }

  /** Signs in with the code the member typed (in discovery: proves the address). */
  async authenticate(code: string): Promise<void> {
    const { host } = this;
    if (host.discovering) return this.discover(code);
    const body: EmailAuthenticateRequest = {
      organization_id: host.orgId,
      email_address: host.sentTo,
      code,
      ...host.sessionLength,
      // Stytch takes only its email locales here, though it may send an SMS at once.
      ...host.localeFor(EMAIL_LOCALES),
    };
    const res = await host.request('code', 'email-authenticate', (api, signal) =>
      api.emailAuthenticate(body, { signal }),
    );
    if (res) this.finish(res);
  }

  /** Discovery: the code proves the address; then the member's organizations. */
  private async discover(code: string): Promise<void> {
    const { host } = this;
    const body = { email_address: host.sentTo, code };
    const res = await host.request('code', 'discovery-authenticate', async (api, signal) => {
      // Before the code is spent: if the steps cannot load, the code still works on a retry.
      await this.loadDiscovery();
      return api.discoveryAuthenticate(body, { signal });
    });
    if (!res) return;
    host.stopTimers();
    return this.discoveryStep!.found(res, host.sentTo);
  }

  /** See `OtpEmailAuth.selectOrganization()`. */
  select(organizationId: string): Promise<void> | undefined {
    return this.discoveryStep?.select(organizationId);
  }

  /** A login's answer: signed in, or MFA (inline, or the event for the host). */
  finish(res: ExchangeResponse): void {
    const { host } = this;
    if (res.member_session) {
      host.remember(undefined);
      host.steps.go('done');
      host.code!.signedIn({ ...res, member_session: res.member_session });
    } else if (res.mfa_required) {
      const detail: OtpMfaRequiredDetail = {
        member: res.member,
        organization: res.organization,
        mfaRequired: res.mfa_required,
        smsSent: res.mfa_required.secondary_auth_initiated === 'sms_otp',
      };
      const inline = host.emit(new OtpMfaRequiredEvent(detail)) && host.mfa !== 'event';
      this.inlineMfa = inline ? detail : undefined;
      host.steps.go('mfa');
      if (inline) void this.loadStepup(detail);
      else host.announce(host.msg.mfaRequired);
    } else {
      host.error = host.msg.errors.default;
      return;
    }
    host.stopTimers();
    void host.focusStep();
  }

  /** The embedded `<otp-sms-stepup>` upgrades once loaded; until then the step is empty. */
  private async loadStepup(detail: OtpMfaRequiredDetail): Promise<void> {
    const error = await loadSmsStepup().then(
      () => '',
      (e: OtpAuthError) => this.host.l10n.describe(e),
    );
    if (!error || this.inlineMfa !== detail) return;
    this.host.error = error;
    void this.host.focusStep();
  }

  /** The inline SMS step signed the member in: the element's success state. */
  private readonly inlineDone = (): void => {
    const { host } = this;
    host.remember(undefined);
    this.inlineMfa = undefined;
    host.steps.go('done');
    host.announce(host.msg.signedIn);
    void host.focusStep();
  };

  /** A failure the organization steps show themselves. */
  failed(error: OtpAuthError, step: OtpStep): boolean {
    return !!this.discoveryStep?.failed(error, step);
  }

  /** Escape or a way back: one step back, where nothing is lost; true when it went back. */
  back(): boolean {
    const { host } = this;
    if (host.steps.is('organizations', 'create')) this.discoveryStep!.back();
    else if (host.steps.is('code', 'mfa')) host.restart();
    else return false;
    return true;
  }

  /** The element went back to its email step. */
  reset(): void {
    this.inlineMfa = undefined;
    this.discoveryStep?.reset();
  }

  render() {
    const { host } = this;
    const m = host.msg;
    const step = host.steps.current;
    if (step === 'code') {
      return host.code!.render(m.emailCodeHeading, host.sentTo, {
        edit: html`<button
          part="link"
          type="button"
          aria-describedby="sent-to"
          @click=${host.restart}
        >
          ${m.edit}
        </button>`,
      });
    }
    if (step === 'organizations' || step === 'create') return this.discoveryStep?.render(step);
    if (step !== 'mfa') return host.code!.renderOutcome(m.signedIn);
    // Configuration (organization, client, locale, messages, clock…) reaches it by context.
    // An error here: <otp-sms-stepup> could not be loaded.
    return this.inlineMfa
      ? html`${
            host.error
              ? html`<div class="outcome">
                  ${host.renderHeading(m.smsCodeHeading, true)} ${host.renderError()}
                </div>`
              : html`<otp-sms-stepup
                  part="sms-stepup"
                  exportparts="form,heading,label,input,button,secondary-button,link,hint,error,spinner,code-field,code-base,code-label,code-input,code-hint,code-error,code-boxes,code-box,code-box-filled,code-box-active"
                  .member=${this.inlineMfa.member}
                  .organization=${this.inlineMfa.organization}
                  .mfaRequired=${this.inlineMfa.mfaRequired}
                  @otp-restart=${host.restart}
                  @otp-session-created=${this.inlineDone}
                ></otp-sms-stepup>`
          }
          <div class="links">
            <button part="link" type="button" @click=${host.restart}>${m.changeEmail}</button>
          </div>`
      : host.code!.renderOutcome(m.mfaRequired, false);
  }
}
