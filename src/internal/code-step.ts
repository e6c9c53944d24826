// The code-entry step, shared by email and SMS: its state, its timers (expiry, resend cooldown),
// what its failures show and its template, with the code field it renders. A chunk of its own,
// loaded while the first code is on its way (`loadCodeStep`).
import { html, nothing, type TemplateResult } from 'lit';
import { live } from 'lit/directives/live.js';
import type { OtpAuthError } from '../client/otp-auth-error.js';
import type { OtpCodeField } from '../code-field/otp-code-field.js';
import '../define/code-field.js';
import { OtpCodeSentEvent, type OtpCodeSentDetail } from '../events/otp-code-sent.js';
import type { OtpAction, OtpStep } from '../events/otp-error.js';
import type { OtpMessages } from '../i18n/messages.js';
import type { Clock } from './clock.js';
import type { OtpConfig } from './context.js';
import { Countdown } from './countdown.js';
import type { RequestController, RequestHost } from './request-controller.js';

const CODE_LENGTH = 6;
const DEFAULT_RESEND_COOLDOWN = 30;
// A wrong code: clear it and put the caret back.
const WRONG_CODE = ['otp_code_not_found', 'invalid_code'];
// The code can no longer work (expired or used): only a new one helps.
const DEAD_CODE = 'unable_to_auth_otp_code';

/** What the code step needs from the flow element it belongs to. */
export interface CodeStepOptions {
  requests: RequestController;
  clock: () => Clock;
  msg: () => OtpMessages;
  config: () => OtpConfig;
  /** `at` (default: now) as the local time of day, in the locale in effect. */
  timeOfDay: (at?: number) => string;
  /** Says a text once through the polite status region. */
  announce: (text: string) => void;
  /** Focuses the step's field once it is rendered. */
  focusStep: () => Promise<void>;
  /** Nothing may be sent now (and says why during a lockout). */
  refused: () => boolean;
  /** A button's label, or its busy label with a spinner, at the same size. */
  label: (text: string, busy: boolean) => TemplateResult;
  /** The member edited the code: the element clears the errors an edit answers. */
  edited: () => void;
  authenticate: (code: string) => Promise<void>;
  resend: () => Promise<unknown>;
}

/** The pieces of the step its element renders itself. */
export interface CodeStepView {
  heading: TemplateResult;
  /** Where the code went. */
  sentTo: string;
  /** Next to where the code went ("Edit"). */
  edit?: unknown;
  /** Under the buttons (ways back). */
  back?: unknown;
  /** The step's alert, and its submit button. */
  error: unknown;
  submit: unknown;
}

/**
 * The code step of a flow element. A wrong code clears the field (after a resend, the message
 * says only the newest code works); an expired or used code is one error, with resend as the
 * primary action; a refused resend (`Retry-After`) only delays sending; a lockout clears and
 * disables the field and stops the cooldown (the element's alert says until when).
 */
export class CodeStep {
  /** Error about the typed code, shown by the code field (which marks itself invalid). */
  private error = '';
  /** The code ran out (its lifetime or the server said so): resend is the primary action. */
  private expired = false;
  private readonly cooldown: Countdown;
  private readonly expiry: Countdown;
  /** The last code sent was a resend: a wrong code may be an older one. */
  private resent = false;
  /** Local time of day of the last resend, shown and spoken; empty before any resend. */
  private resentAt = '';
  /** A resend was refused with `Retry-After`: the cooldown runs for it, the code still works. */
  private sendsLimited = false;
  /** The dimmed resend was pressed: its hint says why it waits. */
  private explained = false;

  constructor(
    private readonly host: RequestHost,
    private readonly o: CodeStepOptions,
  ) {
    this.cooldown = new Countdown(host, o.clock, () => {
      this.sendsLimited = false;
      o.announce(o.msg().resendAvailable);
    });
    this.expiry = new Countdown(host, o.clock, () => this.expire());
  }

  private get field(): OtpCodeField | null {
    const field = this.host.shadowRoot?.querySelector('otp-code-field');
    return field && 'clear' in field ? (field as OtpCodeField) : null;
  }

  /** Shows `text` as the code's error ('' for none). */
  showError(text: string): void {
    this.error = text;
    this.host.requestUpdate();
  }

  /** A new code is on its way from the code step. */
  get resending(): boolean {
    const { busy, step, action } = this.o.requests;
    return busy && step === 'code' && !action?.endsWith('authenticate');
  }

  /**
   * Starts the expiry and resend timers, announces the code (after `intro`, said on arrival) and
   * the cooldown, and dispatches `otp-code-sent`.
   */
  sent(detail: OtpCodeSentDetail, resent: boolean, intro: string): void {
    const m = this.o.msg();
    const wait = this.o.config().resendCooldown ?? DEFAULT_RESEND_COOLDOWN;
    this.expiry.start(detail.expiresInSeconds);
    this.cooldown.start(wait);
    this.explained = this.sendsLimited = false;
    this.resent = resent;
    this.resentAt = resent ? this.o.timeOfDay() : '';
    this.expired = false;
    this.showError('');
    this.o.announce(
      [intro, this.sentLine(detail.to), wait > 0 ? m.resendWait(wait) : '']
        .filter(Boolean)
        .join(' '),
    );
    this.host.dispatchEvent(new OtpCodeSentEvent(detail));
    this.reset();
  }

  /** Shows a failure that is about the code; false when the element's alert should show it. */
  failed(error: OtpAuthError, step: OtpStep, action: OtpAction, message: string): boolean {
    const code = action.endsWith('authenticate');
    if (error.retryAfter) {
      // A lockout is the element's; a new code refused only delays sending (the code at hand may
      // still be entered).
      if (step !== 'code' || code) return false;
      this.sendsLimited = true;
      this.explained = false;
      this.cooldown.start(error.retryAfter);
      this.o.announce(this.o.msg().sendLimited(error.retryAfter));
    } else if (code && error.error_type === DEAD_CODE) {
      this.expire(message);
    } else if (code && WRONG_CODE.includes(error.error_type)) {
      this.reset();
      // After a resend the member may have typed the older code.
      this.showError(this.resent ? this.o.msg().codeNotNewest : message);
    } else {
      return false;
    }
    return true;
  }

  /**
   * A lockout began: the code cleared, the cooldown stopped (one countdown, the element's). True
   * when the caret was in the field, which the lockout disables.
   */
  lock(): boolean {
    const field = this.field;
    const focused = !!field?.matches(':focus-within');
    this.sendsLimited = false;
    this.cooldown.stop();
    field?.clear();
    this.showError('');
    return focused;
  }

  /** The lockout ended: true when the expired code's error says so (nothing else to announce). */
  unlocked(): boolean {
    if (this.expired) this.showError(this.o.msg().codeExpired);
    return this.expired;
  }

  /** The code can no longer work: one error, resend becomes the primary action. */
  private expire(message = this.o.msg().codeExpired): void {
    this.expiry.stop();
    // Refused sends keep waiting: the resend would be refused again.
    if (!this.sendsLimited) this.cooldown.stop();
    this.field?.clear();
    this.expired = true;
    // During a lockout its end says it instead.
    this.showError(this.o.requests.retry.active ? this.error : message);
  }

  /** Leaves the code step: its timers and its state end. */
  stop(): void {
    this.expiry.stop();
    this.cooldown.stop();
    this.expired = this.resent = this.sendsLimited = false;
    this.resentAt = '';
    this.host.requestUpdate();
  }

  /** An edit: the code's error goes, unless the code expired. */
  clearError(): void {
    if (!this.expired) this.showError('');
  }

  /** Empties the code field and puts the caret in it. */
  private reset(): void {
    this.field?.clear();
    void this.o.focusStep();
  }

  /** Where the code went, as shown and as spoken. */
  private sentLine(to: string): string {
    const m = this.o.msg();
    return this.resentAt ? m.codeResent(to, this.resentAt) : m.codeSentTo(to);
  }

  /** Why resend waits: a refused send, else the cooldown (in a sentence once `explained`). */
  private cooldownText(explained: boolean): string {
    const m = this.o.msg();
    const { remaining } = this.cooldown;
    return this.sendsLimited
      ? m.sendLimited(remaining)
      : (explained ? m.resendWait : m.resendIn)(remaining);
  }

  private onSubmit = (event: SubmitEvent): void => {
    event.preventDefault();
    if (this.o.refused()) return;
    if (this.expired) return void this.o.resend();
    const code = this.field?.value ?? '';
    if (code.length !== CODE_LENGTH) {
      this.showError(this.o.msg().codeIncomplete(CODE_LENGTH, code.length));
      void this.o.focusStep();
      return;
    }
    void this.o.authenticate(code);
  };

  private onResend = (): void => {
    if (this.o.refused()) return;
    if (this.cooldown.active) {
      // The dimmed button stays focusable and says why it waits.
      this.explained = true;
      this.o.announce(this.cooldownText(true));
      this.host.requestUpdate();
      return;
    }
    void this.o.resend();
  };

  render(v: CodeStepView): TemplateResult {
    const m = this.o.msg();
    const { busy, blocked, retry } = this.o.requests;
    const { expired, resending } = this;
    const locked = retry.active;
    const minutes = Math.ceil(this.expiry.remaining / 60);
    const codeHint = m.codeHint(CODE_LENGTH);
    const hint = locked || expired || !minutes ? codeHint : `${codeHint} ${m.expiresIn(minutes)}`;
    const cooldown = this.cooldown.active ? this.cooldownText(this.explained) : '';
    const resend = html`<button
      part=${expired ? 'button' : 'secondary-button'}
      type="button"
      class=${resending ? 'busy' : ''}
      aria-disabled=${blocked || !!cooldown}
      aria-describedby=${cooldown ? 'cooldown' : nothing}
      @click=${this.onResend}
    >
      ${this.o.label(m.resend, resending)}
    </button>`;
    const wait = cooldown ? html`<span part="hint" id="cooldown">${cooldown}</span>` : nothing;
    return html`<form part="form" novalidate aria-busy=${busy} @submit=${this.onSubmit}>
      ${v.heading}
      <p part="hint" class="sent-to" id="sent-to">${this.sentLine(v.sentTo)}</p>
      ${v.edit}
      <otp-code-field
        part="code-field"
        exportparts="base:code-base,label:code-label,input:code-input,hint:code-hint,error:code-error,boxes:code-boxes,box:code-box,box-filled:code-box-filled,box-active:code-box-active"
        data-autofocus
        .length=${CODE_LENGTH}
        .label=${m.codeLabel}
        .boxes=${!this.o.config().noCodeBoxes}
        .readonly=${busy}
        .disabled=${locked}
        .hint=${hint}
        .error=${live(this.error)}
        .incompleteMessage=${m.codeIncomplete}
        @input=${this.o.edited}
      ></otp-code-field>
      ${v.error}
      ${
        expired
          ? html`${resend}${wait}`
          : html`${v.submit}
              <div class="row">${resend} ${wait}</div>`
      }
      ${v.back ? html`<div class="links">${v.back}</div>` : nothing}
    </form>`;
  }
}
