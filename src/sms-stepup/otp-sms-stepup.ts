import { html, nothing, type PropertyDeclarations } from 'lit';
import type { OtpAuthError } from '../client/otp-auth-error.js';
import type {
  Member,
  MfaEnrollmentChange,
  MfaRequired,
  Organization,
  SmsAuthenticateRequest,
  SmsSendRequest,
} from '../client/types.js';
import { OtpCancelEvent } from '../events/otp-cancel.js';
import type { OtpAction, OtpStep } from '../events/otp-error.js';
import { OtpRestartEvent } from '../events/otp-restart.js';
import { OtpStepUpCompleteEvent } from '../events/otp-step-up-complete.js';
import '../i18n/en/sms.js';
import { SMS_LOCALES } from '../i18n/locales.js';
import { OtpFlowElement, type BackReason } from '../internal/otp-flow-element.js';
import { StepMachine } from '../internal/step-machine.js';
import { lazy } from '../internal/lazy.js';
import { maskPhone } from './mask-phone.js';

type PhoneStep = typeof import('./phone-step.js');
const loadPhoneStep = lazy(() => import('./phone-step.js'));

/** Stytch's lifetime of an SMS code. */
const SMS_CODE_SECONDS = 120;

// The pending login (IST) or the session is gone: only a new sign-in helps.
const RESTART_ERRORS = [
  'intermediate_session_not_found',
  'no_session_arguments',
  'session_not_found',
];
const PHONE_ERRORS = ['invalid_phone_number', 'duplicate_member_phone_number'];

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
 * @fires {OtpCodeSentEvent} otp-code-sent - A code was texted (also when the server sent it right after primary login). Detail: `channel` (`sms`), `to` (masked), `expiresInSeconds`, `memberId`, `organizationId`.
 * @fires {OtpSessionCreatedEvent} otp-session-created - MFA completed: the member is signed in. Detail: `member`, `organization`, `member_session` (tokens only when the gateway exposes them).
 * @fires {OtpStepUpCompleteEvent} otp-step-up-complete - `mode="step-up"`: the session now carries the SMS factor. Detail: `member`, `organization`, `member_session`.
 * @fires {OtpRestartEvent} otp-restart - The pending login or session expired and the member chose "Start again". Detail: `reason`.
 * @fires {OtpErrorEvent} otp-error - A request failed. Detail: `error` (`OtpAuthError`), `step`, `action`.
 * @fires {OtpCancelEvent} otp-cancel - The member pressed "Cancel" or Escape (step-up, and MFA placed by the page). Cancelable (`preventDefault()` keeps the member in the step); otherwise requests and timers stop and the element says it was cancelled. Detail: `step`, `reason` (`cancel` or `escape`).
 *
 * On arrival the heading and the reason ("Your organization requires a second step") are
 * announced with where the code went. The number is shown, announced and put in `otp-code-sent`
 * in one masked form (`+•••••••0123`). When the member typed the number (enrollment), "Change
 * number" and Escape on the code step go back to it.
 *
 * Ways out: with `mode="step-up"`, and with `mode="mfa"` when the page places the element itself
 * (the event path: `<otp-email-auth mfa="event">`, or `otp-mfa-required` cancelled), every step
 * has "Cancel", and Escape does the same: `otp-cancel` tells the page, which may keep the member
 * in the step by cancelling the event. Inside `<otp-email-auth>` (MFA inline) there is no
 * "Cancel": that element shows "Use a different email" under it instead.
 *
 * Parts and custom properties: those of every flow element (`OtpFlowElement`).
 */
export class OtpSmsStepup extends OtpFlowElement {
  static override properties: PropertyDeclarations = {
    member: { attribute: false },
    organization: { attribute: false },
    mfaRequired: { attribute: false },
    memberId: { attribute: 'member-id' },
    mode: {},
    setMfaEnrollment: { attribute: 'set-mfa-enrollment' },
    region: { state: true },
    phoneInvalid: { state: true },
  };

  /** The member (from `otp-mfa-required` or the current session). */
  declare member?: Member;
  declare organization?: Organization;
  /** `mfaRequired` of `otp-mfa-required` (Stytch's `mfa_required`). */
  declare mfaRequired?: MfaRequired;
  /** Member id when `member` is not set. */
  declare memberId?: string;
  /** `mfa` (default): second factor of a pending login; `step-up`: add SMS to the current session. */
  mode: 'mfa' | 'step-up' = 'mfa';
  /** Passed to SMS authenticate as `set_mfa_enrollment`. */
  declare setMfaEnrollment?: MfaEnrollmentChange;

  /** `idle` until the member is known; `send` while the first code is on its way. */
  private readonly steps = new StepMachine(
    this,
    {
      idle: ['send'],
      send: ['code', 'phone', 'restart', 'cancelled', 'idle'],
      phone: ['code', 'restart', 'cancelled', 'idle'],
      code: ['phone', 'restart', 'done', 'cancelled', 'idle'],
      restart: ['idle'],
      cancelled: ['idle'],
      done: ['idle'],
    },
    'idle',
  );
  /** Member and organization loaded from the session (step-up without `member`). */
  private loaded?: { member: Member; organization: Organization };
  private region = '';
  private phoneInvalid = false;
  /** The number as shown: typed in full, or masked when it came from the server. */
  private sentTo = '';
  private phone = '';
  private restartReason = '';
  /** The member typed the number in this flow (enrollment): it can be changed. */
  private enrolling = false;
  /** The enrollment step, once loaded. */
  private phoneStep?: PhoneStep;

  private get who(): Member | undefined {
    return this.member ?? this.loaded?.member;
  }

  /** @internal */
  override get orgId(): string {
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
    this.enrolling = false;
    this.stopTimers();
    this.error = '';
    this.loaded = undefined;
    this.steps.go('idle');
  }

  protected override updated(): void {
    super.updated();
    // Starts once the member is known: on connection, or when the page sets it later.
    if (this.steps.is('idle') && (this.memberIdValue || this.mode === 'step-up')) {
      void this.begin();
    }
  }

  /** Picks the first step from what is known about the member's phone. */
  private async begin(): Promise<void> {
    this.enrolling = false;
    this.steps.go('send');
    void this.focusStep();
    if (!this.who && !this.memberId && this.mode === 'step-up') {
      const current = await this.request(
        'send',
        'session',
        (api, signal) => api.session({ signal }),
        { supersede: true },
      );
      if (!current) return;
      this.loaded = current;
    }
    const member = this.who;
    const phone = member?.mfa_phone_number || this.mfaRequired?.member_options?.mfa_phone_number;
    const verified = member ? member.mfa_phone_number_verified : !!phone;
    if (this.mfaRequired?.secondary_auth_initiated === 'sms_otp' && this.mode !== 'step-up') {
      this.sentTo = maskPhone(phone ?? '');
      // On failure the send step shows why; its button tries again.
      if (!(await this.loadPart(() => this.loadCode())) || !this.steps.is('send')) return;
      this.steps.go('code');
      this.code!.sent(this.sentDetail(), false, this.arrival(this.codeHeading));
    } else if (phone && verified) {
      this.sentTo = maskPhone(phone);
      await this.send(undefined, false, this.arrival(this.codeHeading));
    } else {
      const view = (this.phoneStep ??= await this.loadPart(loadPhoneStep));
      if (!view || !this.steps.is('send')) return;
      const { region, national } = view.fromE164(phone ?? '');
      this.region = region ?? view.defaultRegion(this.localeTag);
      this.phone = national;
      this.enrolling = true;
      this.steps.go('phone');
      this.announce(`${this.arrival(this.msg.phoneHeading)} ${this.msg.phoneIntro}`);
      void this.focusStep();
    }
  }

  private get codeHeading(): string {
    return this.mode === 'step-up' ? this.msg.stepUpHeading : this.msg.smsCodeHeading;
  }

  /** What arriving at the second step says: the heading and why it is asked for. */
  private arrival(heading: string): string {
    const reason = this.mode === 'step-up' ? this.msg.stepUpReason : this.msg.mfaReason;
    return `${heading}. ${reason}`;
  }

  private sentDetail() {
    return {
      channel: 'sms' as const,
      to: this.sentTo,
      expiresInSeconds: SMS_CODE_SECONDS,
      memberId: this.memberIdValue,
      organizationId: this.orgId,
    };
  }

  private async send(mfaPhone?: string, resent = false, intro = ''): Promise<void> {
    const body: SmsSendRequest = {
      organization_id: this.orgId,
      member_id: this.memberIdValue,
      ...(mfaPhone ? { mfa_phone_number: mfaPhone } : {}),
      ...this.localeFor(SMS_LOCALES),
    };
    const step = this.steps.is('phone', 'code') ? (this.steps.current as OtpStep) : 'send';
    const res = await this.request(step, 'sms-send', (api, signal) =>
      api.smsSend(body, { signal }),
    );
    if (!res) return;
    if (mfaPhone) this.sentTo = maskPhone(mfaPhone);
    this.steps.go('code');
    this.code!.sent(this.sentDetail(), resent, intro);
  }

  /** @internal */
  override resend(): Promise<void> {
    return this.send(undefined, true);
  }

  /** @internal */
  override async authenticate(code: string): Promise<void> {
    const body: SmsAuthenticateRequest = {
      organization_id: this.orgId,
      member_id: this.memberIdValue,
      code,
      ...this.sessionLength,
      ...(this.setMfaEnrollment ? { set_mfa_enrollment: this.setMfaEnrollment } : {}),
    };
    const res = await this.request('code', 'sms-authenticate', (api, signal) =>
      api.smsAuthenticate(body, { signal }),
    );
    if (!res) return;
    this.stopTimers();
    this.steps.go('done');
    if (this.mode === 'step-up') {
      const { member, organization, member_session } = res;
      this.announce(this.msg.stepUpComplete);
      this.emit(new OtpStepUpCompleteEvent({ member, organization, member_session }));
    } else {
      this.code!.signedIn(res);
    }
    void this.focusStep();
  }

  protected override fail(error: OtpAuthError, step: OtpStep, action: OtpAction): void {
    this.phoneInvalid = step === 'phone' && PHONE_ERRORS.includes(error.error_type);
    if (RESTART_ERRORS.includes(error.error_type)) {
      this.restartReason = error.error_type;
      this.stopTimers();
      this.steps.go('restart');
      void this.focusStep();
    }
    super.fail(error, step, action);
  }

  private startAgain(event: SubmitEvent): void {
    event.preventDefault();
    this.emit(new OtpRestartEvent({ reason: this.restartReason }));
  }

  protected override back(reason: BackReason): boolean {
    if (this.steps.is('code') && this.enrolling) {
      this.changeNumber();
      return true;
    }
    if (this.cancellable && this.steps.is('send', 'phone', 'code')) {
      this.cancel(reason);
      return true;
    }
    return false;
  }

  /** Back from the code to the phone number typed, kept. */
  private changeNumber(): void {
    this.requests.abort();
    this.stopTimers();
    if (!this.locked) this.error = '';
    this.steps.go('phone');
    void this.focusStep();
  }

  /**
   * "Cancel" and Escape end the step: in step-up, and in MFA unless a flow element around this one
   * (`<otp-email-auth>`) offers its own way back.
   */
  private get cancellable(): boolean {
    const root = this.getRootNode() as Partial<ShadowRoot>;
    return this.mode === 'step-up' || !(root.host instanceof OtpFlowElement);
  }

  private cancel(reason: BackReason): void {
    const step = this.steps.current as OtpStep;
    if (!this.emit(new OtpCancelEvent({ step, reason }))) return;
    this.requests.abort();
    this.stopTimers();
    this.error = '';
    this.steps.go('cancelled');
    void this.focusStep();
  }

  private again(event: SubmitEvent): void {
    event.preventDefault();
    this.steps.go('idle');
  }

  /** Ways back shown under a step. */
  private renderBack(step: 'send' | 'phone' | 'code') {
    const m = this.msg;
    return html`${
      step === 'code' && this.enrolling
        ? html`<button part="link" type="button" @click=${this.changeNumber}>
            ${m.changeNumber}
          </button>`
        : nothing
    }
    ${
      this.cancellable
        ? html`<button part="secondary-button" type="button" @click=${() => this.cancel('cancel')}>
            ${m.cancel}
          </button>`
        : nothing
    }`;
  }

  /**
   * A part of the element loaded outside a request (a lazy module): the module, or undefined with
   * the error in the step's alert when it cannot be loaded.
   */
  private async loadPart<T>(load: () => Promise<T>): Promise<T | undefined> {
    try {
      return await load();
    } catch (error) {
      this.error = this.l10n.describe(error as OtpAuthError);
      return undefined;
    }
  }

  private sendPhone(event: SubmitEvent): void {
    event.preventDefault();
    if (this.refused()) return;
    const form = event.target as HTMLFormElement;
    const input = form.elements.namedItem('phone') as HTMLInputElement;
    this.phone = input.value;
    const number = this.phoneStep!.toE164(this.region, this.phone);
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
    if (!this.refused()) void this.begin();
  }

  protected override renderStep() {
    const m = this.msg;
    const heading = this.codeHeading;
    switch (this.steps.current) {
      case 'send':
        return html`<form part="form" novalidate aria-busy=${this.busy} @submit=${this.retrySend}>
          ${this.renderHeading(heading, true)}
          <p part="hint">${this.sentTo ? m.smsWillSend(this.sentTo) : m.busy}</p>
          ${this.renderError()} ${this.renderSubmit(m.phoneSubmit)} ${this.renderBack('send')}
        </form>`;
      case 'phone':
        return this.renderPhoneStep();
      case 'code':
        return this.code?.render(heading, this.sentTo, { back: this.renderBack('code') });
      case 'restart':
        return html`<form part="form" @submit=${this.startAgain}>
          ${this.renderHeading(heading)} ${this.renderError()}
          <button part="button" type="submit" data-autofocus>${m.startAgain}</button>
        </form>`;
      case 'cancelled':
        return html`<form part="form" @submit=${this.again}>
          ${this.renderHeading(m.cancelled, true)}
          <button part="button" type="submit">${m.startAgain}</button>
        </form>`;
      case 'done':
        return this.code!.renderOutcome(this.mode === 'step-up' ? m.stepUpComplete : m.signedIn);
      default:
        return nothing;
    }
  }

  private renderPhoneStep() {
    const m = this.msg;
    return this.phoneStep?.renderPhoneStep({
      msg: m,
      heading: this.renderHeading(m.phoneHeading),
      reason: this.mode === 'step-up' ? m.stepUpReason : m.mfaReason,
      locale: this.localeTag,
      region: this.region,
      phone: this.phone,
      busy: this.busy,
      phoneInvalid: this.phoneInvalid,
      hasError: !!this.error,
      error: this.renderError(),
      submit: this.renderSubmit(m.phoneSubmit),
      back: this.renderBack('phone'),
      onSubmit: this.sendPhone,
      onRegion: this.onRegion,
      onInput: this.onPhoneInput,
    });
  }

  private onRegion(event: Event): void {
    this.region = (event.target as HTMLSelectElement).value;
  }

  private onPhoneInput(): void {
    this.phoneInvalid = false;
    this.clearError();
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'otp-sms-stepup': OtpSmsStepup;
  }
}
