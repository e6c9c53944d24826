import { html, nothing } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import type { EmailAuthenticateRequest, EmailLoginOrSignupRequest } from '../client/types.js';
import { OtpMfaRequiredEvent, type OtpMfaRequiredDetail } from '../events/otp-mfa-required.js';
import { EMAIL_LOCALES, OTP_LOCALES, matchLocale } from '../i18n/locales.js';
import { OtpFlowElement } from '../internal/otp-flow-element.js';
import '../sms-stepup/otp-sms-stepup.js';
import { styles } from './otp-email-auth.styles.js';

/** Stytch's default lifetime of an email code, in minutes. */
const DEFAULT_CODE_MINUTES = 10;

/**
 * Email one-time-code sign-in for a Stytch B2B organization: the member enters an email address,
 * receives a code, enters it, and is signed in, or continues to a second factor. Tokens never
 * reach the page: the gateway keeps them in HttpOnly cookies.
 *
 * @summary Sign in with a code sent by email.
 *
 * @fires {OtpCodeSentEvent} otp-code-sent - A code was emailed. Detail: `channel`, `to`, `expires_in_seconds`, `member_id`, `organization_id`.
 * @fires {OtpSessionCreatedEvent} otp-session-created - The member is signed in. Detail: `member`, `organization`, `member_session` (tokens only when the gateway exposes them).
 * @fires {OtpMfaRequiredEvent} otp-mfa-required - A second factor is needed. Cancelable: cancel it to handle MFA yourself. Detail: `member`, `organization`, `mfa_required`, `sms_sent`.
 * @fires {OtpErrorEvent} otp-error - A request failed. Detail: `error` (`OtpAuthError`), `step`, `action`.
 * @fires {OtpRestartEvent} otp-restart - From the inline `<otp-sms-stepup>`: the pending login expired; this element goes back to its email step, email kept.
 *
 * When MFA continues inline, the events of the embedded `<otp-sms-stepup>` (`otp-code-sent` with
 * `channel: 'sms'`, `otp-session-created`, `otp-error`, `otp-restart`) bubble out of this element.
 *
 * @csspart base - The wrapper of the whole element.
 * @csspart form - Each step's form.
 * @csspart heading - Each step's heading.
 * @csspart label - The email label.
 * @csspart input - The email input.
 * @csspart button - The primary submit button.
 * @csspart secondary-button - "Send a new code".
 * @csspart link - "Use a different email".
 * @csspart hint - Help texts: where the code went, its expiry, countdowns.
 * @csspart error - The error message.
 * @csspart status - The polite live region (visually hidden by default).
 * @csspart code-field - The `<otp-code-field>`; its parts are forwarded as `code-input`, `code-slot`, `code-label`, `code-hint`, `code-error`.
 * @csspart sms-stepup - The embedded `<otp-sms-stepup>` when MFA continues inline; its parts are forwarded under their own names.
 *
 * @cssprop --otp-color-primary - Buttons and links.
 * @cssprop --otp-color-on-primary - Text on the primary button.
 * @cssprop --otp-color-text - Text.
 * @cssprop --otp-color-muted - Hints.
 * @cssprop --otp-color-surface - Background.
 * @cssprop --otp-color-border - Input and secondary button borders.
 * @cssprop --otp-color-error - Error text and invalid borders.
 * @cssprop --otp-color-focus - Focus ring.
 * @cssprop [--otp-radius=8px] - Corner radius.
 * @cssprop [--otp-font-family=system-ui, sans-serif] - Font.
 * @cssprop [--otp-space=1rem] - Spacing unit.
 */
@customElement('otp-email-auth')
export class OtpEmailAuth extends OtpFlowElement {
  static override styles = styles;

  /** Prefills the email address; updated as the member types. */
  @property() email = '';
  /** `inline` (default): continue into `<otp-sms-stepup>` when MFA is required; `event`: only dispatch `otp-mfa-required`. */
  @property() mfa: 'inline' | 'event' = 'inline';
  /** Lifetime of the emailed code in minutes (Stytch: 2–15). When unset, Stytch's default of 10 applies and nothing is sent. */
  @property({ attribute: 'code-expiration-minutes', type: Number })
  codeExpirationMinutes?: number;

  @state() private step: 'email' | 'code' | 'mfa' | 'done' = 'email';
  @state() private emailInvalid = false;
  /** Set when MFA continues inline in the embedded `<otp-sms-stepup>`. */
  @state() private inlineMfa?: OtpMfaRequiredDetail;
  private sentTo = '';

  protected override render() {
    return html`<div part="base">${this.renderStep()}${this.renderStatus()}</div>`;
  }

  private renderStep() {
    const m = this.msg;
    switch (this.step) {
      case 'email':
        return html`<form part="form" novalidate aria-busy=${this.busy} @submit=${this.sendEmail}>
          <h2 part="heading">${m.emailHeading}</h2>
          <label part="label" for="email">${m.emailLabel}</label>
          <input
            part="input"
            id="email"
            type="email"
            name="email"
            autocomplete="email"
            spellcheck="false"
            autocapitalize="off"
            required
            data-autofocus
            .value=${this.email}
            aria-invalid=${this.emailInvalid ? 'true' : nothing}
            aria-describedby=${this.error ? 'error' : nothing}
            @input=${this.onEmailInput}
          />
          ${this.renderError()}
          <button part="button" type="submit" aria-disabled=${this.busy || this.retry.active}>
            ${m.emailSubmit}
          </button>
        </form>`;
      case 'code':
        return this.renderCodeStep(
          m.emailCodeHeading,
          this.sentTo,
          html`<button part="link" type="button" @click=${this.restart}>${m.changeEmail}</button>`,
        );
      case 'mfa':
        return this.inlineMfa
          ? html`<otp-sms-stepup
              part="sms-stepup"
              exportparts="form,heading,label,input,button,secondary-button,hint,error,code-field,code-base,code-label,code-input,code-hint,code-error,code-slots,code-slot,code-slot-filled,code-slot-active"
              .member=${this.inlineMfa.member}
              .organization=${this.inlineMfa.organization}
              .mfaRequired=${this.inlineMfa.mfa_required}
              .organizationId=${this.orgId}
              .client=${this.api}
              .locale=${this.localeTag}
              .sessionDurationMinutes=${this.sessionMinutes}
              .resendCooldown=${this.resendCooldown}
              .messages=${this.messages}
              .theme=${this.theme}
              @otp-restart=${this.restart}
            ></otp-sms-stepup>`
          : html`<h2 part="heading" tabindex="-1" data-autofocus>${m.mfaRequired}</h2>`;
      default:
        return html`<h2 part="heading" tabindex="-1" data-autofocus>${m.signedIn}</h2>`;
    }
  }

  private onEmailInput(event: InputEvent): void {
    this.email = (event.target as HTMLInputElement).value;
    this.emailInvalid = false;
    this.clearError();
  }

  private get codeMinutes(): number {
    return this.codeExpirationMinutes ?? DEFAULT_CODE_MINUTES;
  }

  private async sendEmail(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    if (this.busy || this.retry.active) return;
    const input = (event.target as HTMLFormElement).elements.namedItem('email') as HTMLInputElement;
    const email = input.value;
    const problem = !email
      ? this.msg.emailMissing
      : input.validity.typeMismatch
        ? this.msg.emailInvalid
        : '';
    this.emailInvalid = !!problem;
    if (problem) {
      this.error = problem;
      input.focus();
      return;
    }
    await this.send(email);
  }

  protected override resend(): Promise<unknown> {
    return this.send(this.sentTo, true);
  }

  private async send(email: string, resent = false): Promise<void> {
    const body: EmailLoginOrSignupRequest = { organization_id: this.orgId, email_address: email };
    const locale = matchLocale(this.localeTag, EMAIL_LOCALES);
    if (locale) body.locale = locale;
    if (this.codeExpirationMinutes) {
      body.login_expiration_minutes = body.signup_expiration_minutes = this.codeExpirationMinutes;
    }
    const res = await this.request(resent ? 'code' : 'email', 'email-send', (api, signal) =>
      api.emailLoginOrSignup(body, { signal }),
    );
    if (!res) return;
    this.sentTo = email;
    this.step = 'code';
    this.codeSent(
      {
        channel: 'email',
        to: email,
        expires_in_seconds: this.codeMinutes * 60,
        member_id: res.member_id,
        organization_id: res.organization?.organization_id ?? this.orgId,
      },
      resent,
    );
  }

  protected override async authenticate(code: string): Promise<void> {
    const body: EmailAuthenticateRequest = {
      organization_id: this.orgId,
      email_address: this.sentTo,
      code,
      session_duration_minutes: this.sessionMinutes,
    };
    // Used by Stytch for the SMS it sends at once when the member has a second factor.
    const locale = matchLocale(this.localeTag, OTP_LOCALES);
    if (locale) body.locale = locale;
    const res = await this.request('code', 'email-authenticate', (api, signal) =>
      api.emailAuthenticate(body, { signal }),
    );
    if (!res) return;
    if (res.member_session) {
      this.step = 'done';
      this.sessionCreated({ ...res, member_session: res.member_session });
    } else if (res.mfa_required) {
      const detail: OtpMfaRequiredDetail = {
        member: res.member,
        organization: res.organization,
        mfa_required: res.mfa_required,
        sms_sent: res.mfa_required.secondary_auth_initiated === 'sms_otp',
      };
      const inline = this.emit(new OtpMfaRequiredEvent(detail)) && this.mfa !== 'event';
      this.inlineMfa = inline ? detail : undefined;
      this.step = 'mfa';
      if (!inline) this.announce(this.msg.mfaRequired);
    } else {
      this.error = this.msg.errors.default;
      return;
    }
    this.stopTimers();
    void this.focusStep();
  }

  /** Back to the email step, email kept. */
  private restart(): void {
    this.invalidate();
    this.stopTimers();
    this.error = '';
    this.inlineMfa = undefined;
    this.step = 'email';
    void this.focusStep();
  }

  protected override flowChanged(): void {
    if (this.step === 'code' || this.step === 'mfa') this.restart();
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'otp-email-auth': OtpEmailAuth;
  }
}
