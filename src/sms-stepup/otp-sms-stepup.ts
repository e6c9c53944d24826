import { html, nothing, type PropertyValues } from 'lit';
import { customElement, property, state } from 'lit/decorators.js';
import type { OtpAuthError } from '../client/otp-auth-error.js';
import type {
  Member,
  MfaEnrollmentChange,
  MfaRequired,
  Organization,
  SmsAuthenticateRequest,
  SmsSendRequest,
} from '../client/types.js';
import type { OtpAction, OtpStep } from '../events/otp-error.js';
import { OtpRestartEvent } from '../events/otp-restart.js';
import { OtpStepUpCompleteEvent } from '../events/otp-step-up-complete.js';
import { OTP_LOCALES, matchLocale } from '../i18n/locales.js';
import { OtpFlowElement } from '../internal/otp-flow-element.js';
import { CALLING_CODES, fromE164, maskPhone, toE164 } from './phone.js';

/** Stytch's lifetime of an SMS code. */
const SMS_CODE_SECONDS = 120;

// The pending login (IST) or the session is gone: only a new sign-in helps.
const RESTART_ERRORS = [
  'intermediate_session_not_found',
  'no_session_arguments',
  'session_not_found',
];
const PHONE_ERRORS = ['invalid_phone_number', 'duplicate_member_phone_number'];

function regionNames(locale = 'en'): Intl.DisplayNames {
  try {
    return new Intl.DisplayNames([locale, 'en'], { type: 'region' });
  } catch {
    return new Intl.DisplayNames(['en'], { type: 'region' });
  }
}

type Step = 'send' | 'phone' | 'code' | 'restart' | 'done';

/**
 * An SMS one-time code as second factor: after a primary login that requires MFA (the gateway
 * holds the intermediate session in its cookie), or to step up an existing session
 * (`mode="step-up"`). A member without a verified phone first enters one (enrollment).
 *
 * Inputs come from `otp-mfa-required` (`member`, `organization`, `mfaRequired`), which
 * `<otp-email-auth>` passes on by itself when it continues inline.
 *
 * @summary Second factor or step-up with a code sent by SMS.
 *
 * @fires {OtpCodeSentEvent} otp-code-sent - A code was texted (also when the server sent it right after primary login). Detail: `channel` (`sms`), `to` (masked), `expires_in_seconds`, `member_id`, `organization_id`.
 * @fires {OtpSessionCreatedEvent} otp-session-created - MFA completed: the member is signed in. Detail: `member`, `organization`, `member_session` (tokens only when the gateway exposes them).
 * @fires {OtpStepUpCompleteEvent} otp-step-up-complete - `mode="step-up"`: the session now carries the SMS factor. Detail: `member`, `organization`, `member_session`.
 * @fires {OtpRestartEvent} otp-restart - The pending login or session expired and the member chose "Start again". Detail: `reason`.
 * @fires {OtpErrorEvent} otp-error - A request failed. Detail: `error` (`OtpAuthError`), `step`, `action`.
 *
 * @csspart base - The wrapper of the whole element.
 * @csspart form - Each step's form.
 * @csspart heading - Each step's heading.
 * @csspart label - The country-code and phone labels.
 * @csspart input - The country-code select and the phone input.
 * @csspart button - The primary button of each step.
 * @csspart secondary-button - "Send a new code".
 * @csspart hint - Help texts: where the code went, its expiry, countdowns.
 * @csspart error - The error message.
 * @csspart status - The polite live region (visually hidden by default).
 * @csspart code-field - The `<otp-code-field>`; its parts are forwarded as `code-input`, `code-slot`, `code-label`, `code-hint`, `code-error`.
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
@customElement('otp-sms-stepup')
export class OtpSmsStepup extends OtpFlowElement {
  /** The member (from `otp-mfa-required` or the current session). */
  @property({ attribute: false }) member?: Member;
  @property({ attribute: false }) organization?: Organization;
  /** `mfa_required` from primary authentication. */
  @property({ attribute: false }) mfaRequired?: MfaRequired;
  /** Member id when `member` is not set. */
  @property({ attribute: 'member-id' }) memberId?: string;
  /** `mfa` (default): second factor of a pending login; `step-up`: add SMS to the current session. */
  @property() mode: 'mfa' | 'step-up' = 'mfa';
  /** Passed to SMS authenticate as `set_mfa_enrollment`. */
  @property({ attribute: 'set-mfa-enrollment' }) setMfaEnrollment?: MfaEnrollmentChange;

  @state() private step?: Step;
  /** Member and organization loaded from the session (step-up without `member`). */
  private loaded?: { member: Member; organization: Organization };
  @state() private region = '';
  @state() private phoneInvalid = false;
  /** The number as shown: typed in full, or masked when it came from the server. */
  private sentTo = '';
  private phone = '';
  private restartReason = '';

  private get who(): Member | undefined {
    return this.member ?? this.loaded?.member;
  }

  protected override get orgId(): string {
    return (
      this.organizationId ??
      this.organization?.organization_id ??
      this.member?.organization_id ??
      super.orgId
    );
  }

  private get memberIdValue(): string {
    return this.memberId ?? this.who?.member_id ?? '';
  }

  protected override flowKey(): unknown[] {
    return [...super.flowKey(), this.memberId ?? this.member?.member_id, this.mode];
  }

  protected override flowChanged(): void {
    this.stopTimers();
    this.error = '';
    this.loaded = undefined;
    this.step = undefined;
  }

  protected override willUpdate(changed: PropertyValues): void {
    super.willUpdate(changed);
    if (!this.step && (this.memberIdValue || this.mode === 'step-up')) void this.begin();
  }

  /** Picks the first step from what is known about the member's phone. */
  private async begin(): Promise<void> {
    this.step = 'send';
    void this.focusStep();
    if (!this.who && !this.memberId && this.mode === 'step-up') {
      const current = await this.request('send', 'session', (api, signal) =>
        api.session({ signal }),
      );
      if (!current) return;
      this.loaded = current;
    }
    const member = this.who;
    const phone = member?.mfa_phone_number || this.mfaRequired?.member_options?.mfa_phone_number;
    const verified = member ? member.mfa_phone_number_verified : !!phone;
    if (this.mfaRequired?.secondary_auth_initiated === 'sms_otp' && this.mode !== 'step-up') {
      this.sentTo = maskPhone(phone ?? '');
      this.step = 'code';
      this.codeSent(this.sentDetail());
    } else if (phone && verified) {
      this.sentTo = maskPhone(phone);
      await this.send();
    } else {
      const { region, national } = fromE164(phone ?? '');
      this.region = region ?? this.defaultRegion();
      this.phone = national;
      this.step = 'phone';
      void this.focusStep();
    }
  }

  private defaultRegion(): string {
    const tag = this.localeTag ?? globalThis.navigator?.language ?? 'en';
    let region: string | undefined;
    try {
      region = new Intl.Locale(tag).maximize().region;
    } catch {
      // not a valid tag: use the first entry
    }
    return CALLING_CODES.some(([r]) => r === region) ? region! : CALLING_CODES[0][0];
  }

  private sentDetail() {
    return {
      channel: 'sms' as const,
      to: maskPhone(this.sentTo),
      expires_in_seconds: SMS_CODE_SECONDS,
      member_id: this.memberIdValue,
      organization_id: this.orgId,
    };
  }

  private async send(mfaPhone?: string, resent = false): Promise<void> {
    const body: SmsSendRequest = { organization_id: this.orgId, member_id: this.memberIdValue };
    if (mfaPhone) body.mfa_phone_number = mfaPhone;
    const locale = matchLocale(this.localeTag, OTP_LOCALES);
    if (locale) body.locale = locale;
    const step = this.step === 'phone' || this.step === 'code' ? this.step : 'send';
    const res = await this.request(step, 'sms-send', (api, signal) =>
      api.smsSend(body, { signal }),
    );
    if (!res) return;
    if (mfaPhone) this.sentTo = mfaPhone;
    this.step = 'code';
    this.codeSent(this.sentDetail(), resent);
  }

  protected override resend(): Promise<void> {
    return this.send(undefined, true);
  }

  protected override async authenticate(code: string): Promise<void> {
    const body: SmsAuthenticateRequest = {
      organization_id: this.orgId,
      member_id: this.memberIdValue,
      code,
      session_duration_minutes: this.sessionMinutes,
    };
    if (this.setMfaEnrollment) body.set_mfa_enrollment = this.setMfaEnrollment;
    const res = await this.request('code', 'sms-authenticate', (api, signal) =>
      api.smsAuthenticate(body, { signal }),
    );
    if (!res) return;
    this.stopTimers();
    this.step = 'done';
    if (this.mode === 'step-up') {
      const { member, organization, member_session } = res;
      this.announce(this.msg.stepUpComplete);
      this.emit(new OtpStepUpCompleteEvent({ member, organization, member_session }));
    } else {
      this.sessionCreated(res);
    }
    void this.focusStep();
  }

  protected override fail(error: OtpAuthError, step: OtpStep, action: OtpAction): void {
    this.phoneInvalid = step === 'phone' && PHONE_ERRORS.includes(error.error_type);
    if (RESTART_ERRORS.includes(error.error_type)) {
      this.restartReason = error.error_type;
      this.stopTimers();
      this.step = 'restart';
      void this.focusStep();
    }
    super.fail(error, step, action);
  }

  private startAgain(event: SubmitEvent): void {
    event.preventDefault();
    this.emit(new OtpRestartEvent({ reason: this.restartReason }));
  }

  private sendPhone(event: SubmitEvent): void {
    event.preventDefault();
    const form = event.target as HTMLFormElement;
    const input = form.elements.namedItem('phone') as HTMLInputElement;
    this.phone = input.value;
    const number = toE164(this.region, this.phone);
    this.phoneInvalid = !number;
    if (!number) {
      this.error = this.phone.trim() ? this.msg.phoneInvalid : this.msg.phoneMissing;
      input.focus();
      return;
    }
    void this.send(number);
  }

  private retrySend(event: SubmitEvent): void {
    event.preventDefault();
    void this.begin();
  }

  protected override render() {
    return html`<div part="base">${this.renderStep()}${this.renderStatus()}</div>`;
  }

  private renderStep() {
    const m = this.msg;
    const heading = this.mode === 'step-up' ? m.stepUpHeading : m.smsCodeHeading;
    const blocked = this.busy || this.retry.active;
    switch (this.step) {
      case 'send':
        return html`<form part="form" novalidate aria-busy=${this.busy} @submit=${this.retrySend}>
          <h2 part="heading" tabindex="-1" data-autofocus>${heading}</h2>
          <p part="hint">${this.sentTo ? m.smsWillSend(this.sentTo) : m.busy}</p>
          ${this.renderError()}
          <button part="button" type="submit" aria-disabled=${blocked}>${m.phoneSubmit}</button>
        </form>`;
      case 'phone':
        return this.renderPhoneStep();
      case 'code':
        return this.renderCodeStep(heading, this.sentTo);
      case 'restart':
        return html`<form part="form" @submit=${this.startAgain}>
          <h2 part="heading">${heading}</h2>
          ${this.renderError()}
          <button part="button" type="submit" data-autofocus>${m.startAgain}</button>
        </form>`;
      case 'done':
        return html`<h2 part="heading" tabindex="-1" data-autofocus>
          ${this.mode === 'step-up' ? m.stepUpComplete : m.signedIn}
        </h2>`;
      default:
        return nothing;
    }
  }

  private renderPhoneStep() {
    const m = this.msg;
    const names = regionNames(this.localeTag);
    const regions = CALLING_CODES.map(([region, code]) => ({
      region,
      label: `${names.of(region) ?? region} (+${code})`,
    })).sort((a, b) => a.label.localeCompare(b.label));
    return html`<form part="form" novalidate aria-busy=${this.busy} @submit=${this.sendPhone}>
      <h2 part="heading">${m.phoneHeading}</h2>
      <p part="hint">${m.phoneIntro}</p>
      <label part="label" for="country">${m.countryLabel}</label>
      <select
        part="input"
        id="country"
        autocomplete="tel-country-code"
        @change=${(e: Event) => (this.region = (e.target as HTMLSelectElement).value)}
      >
        ${regions.map(
          (r) =>
            html`<option value=${r.region} ?selected=${r.region === this.region}>
              ${r.label}
            </option>`,
        )}
      </select>
      <label part="label" for="phone">${m.phoneLabel}</label>
      <input
        part="input"
        id="phone"
        name="phone"
        type="tel"
        autocomplete="tel-national"
        required
        data-autofocus
        .value=${this.phone}
        aria-invalid=${this.phoneInvalid ? 'true' : nothing}
        aria-describedby=${this.error ? 'phone-hint error' : 'phone-hint'}
        @input=${() => ((this.phoneInvalid = false), this.clearError())}
      />
      <p part="hint" id="phone-hint">${m.phoneHint}</p>
      ${this.renderError()}
      <button part="button" type="submit" aria-disabled=${this.busy || this.retry.active}>
        ${m.phoneSubmit}
      </button>
    </form>`;
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'otp-sms-stepup': OtpSmsStepup;
  }
}
