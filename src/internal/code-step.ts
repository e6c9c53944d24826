// The code-entry step, shared by email and SMS: its state, its timers (expiry, resend cooldown),
// what its failures show and its template, with the code field it renders and the layout the later
// steps share; then the session or the final state a right code leads to. A chunk of its own,
// loaded while the first code is on its way (`loadCodeStep`).
import {
  adoptStyles,
  html,
  nothing,
  type CSSResult,
  type LitElement,
  type TemplateResult,
} from 'lit';
import { live } from 'lit/directives/live.js';
import type { OtpAuthError } from '../client/otp-auth-error.js';
import type { Member, MemberSession, Organization } from '../client/types.js';
import type { OtpCodeField } from '../code-field/otp-code-field.js';
import '../define/code-field.js';
import { OtpCodeSentEvent, type OtpCodeSentDetail } from '../events/otp-code-sent.js';
import { OtpSessionCreatedEvent } from '../events/otp-session-created.js';
import type { OtpAction, OtpStep } from '../events/otp-error.js';
import { codeStepStyles } from './code-step.styles.js';
import { Countdown } from './countdown.js';
import type { OtpFlowElement } from './otp-flow-element.js';

const CODE_LENGTH = 6;
const DEFAULT_RESEND_COOLDOWN = 30;
// A wrong code: clear it and put the caret back.
const WRONG_CODE = ['otp_code_not_found', 'invalid_code'];
// The code can no longer work (expired or used): only a new one helps.
const DEAD_CODE = 'unable_to_auth_otp_code';

/** Adds `styles` to those of `host`'s shadow root (as the parts loaded on demand come in). */
export function adoptMore(host: LitElement, styles: CSSResult): void {
  const root = host.renderRoot;
  if (root instanceof ShadowRoot) adoptStyles(root, [...(root.adoptedStyleSheets ?? []), styles]);
}

/** Ways out of the code step its element renders next to the step's own controls. */
export interface CodeStepWays {
  /** Next to where the code went ("Edit"). */
  edit?: unknown;
  /** Under the buttons (ways back). */
  back?: unknown;
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

  constructor(private readonly host: OtpFlowElement) {
    adoptMore(host, codeStepStyles);
    const clock = () => host.clockNow;
    this.cooldown = new Countdown(host, clock, () => {
      this.sendsLimited = false;
      host.announce(host.msg.resendAvailable);
    });
    this.expiry = new Countdown(host, clock, () => this.expire());
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
    const { busy, step, action } = this.host.requests;
    return busy && step === 'code' && !action?.endsWith('authenticate');
  }

  /**
   * The code step begins (after the element's `loadCode()`): clears the element's alert, starts
   * the expiry and resend timers, announces the code (after `intro`, said on arrival) and
   * the cooldown, and dispatches `otp-code-sent`.
   */
  sent(detail: OtpCodeSentDetail, resent = false, intro = ''): void {
    this.host.error = '';
    const m = this.host.msg;
    const wait = this.host.config.resendCooldown ?? DEFAULT_RESEND_COOLDOWN;
    this.expiry.start(detail.expiresInSeconds);
    this.cooldown.start(wait);
    this.explained = this.sendsLimited = false;
    this.resent = resent;
    this.resentAt = resent ? this.host.timeOfDay() : '';
    this.expired = false;
    this.showError('');
    this.host.announce(
      [intro, this.sentLine(detail.to), wait > 0 ? m.resendWait(wait) : '']
        .filter(Boolean)
        .join(' '),
    );
    this.host.dispatchEvent(new OtpCodeSentEvent(detail));
    this.reset();
  }

  /**
   * A right code opened a session: says so and dispatches `otp-session-created` (tokens only when
   * the gateway put them in the response).
   */
  signedIn(res: {
    member: Member;
    organization: Organization;
    member_session: MemberSession;
    session_token?: string;
    session_jwt?: string;
  }): void {
    const { member, organization, member_session, session_token, session_jwt } = res;
    this.host.announce(this.host.msg.signedIn);
    this.host.emit(
      new OtpSessionCreatedEvent({
        member,
        organization,
        member_session,
        ...(session_token ? { session_token } : {}),
        ...(session_jwt ? { session_jwt } : {}),
      }),
    );
  }

  /** A final step after the code: its heading, focused, and the `success` slot when it is one. */
  renderOutcome(text: string, success = true): TemplateResult {
    return html`<div class="outcome">
      ${this.host.renderHeading(text, true)}
      ${success ? html`<slot name="success"></slot>` : nothing}
    </div>`;
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
      this.host.announce(this.host.msg.sendLimited(error.retryAfter));
    } else if (code && error.error_type === DEAD_CODE) {
      this.expire(message);
    } else if (code && WRONG_CODE.includes(error.error_type)) {
      this.reset();
      // After a resend the member may have typed the older code.
      this.showError(this.resent ? this.host.msg.codeNotNewest : message);
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
    if (this.expired) this.showError(this.host.msg.codeExpired);
    return this.expired;
  }

  /** The code can no longer work: one error, resend becomes the primary action. */
  private expire(message = this.host.msg.codeExpired): void {
    this.expiry.stop();
    // Refused sends keep waiting: the resend would be refused again.
    if (!this.sendsLimited) this.cooldown.stop();
    this.field?.clear();
    this.expired = true;
    // During a lockout its end says it instead.
    this.showError(this.host.requests.retry.active ? this.error : message);
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
    void this.host.focusStep();
  }

  /** Where the code went, as shown and as spoken. */
  private sentLine(to: string): string {
    const m = this.host.msg;
    return this.resentAt ? m.codeResent(to, this.resentAt) : m.codeSentTo(to);
  }

  /** Why resend waits: a refused send, else the cooldown (in a sentence once `explained`). */
  private cooldownText(explained: boolean): string {
    const m = this.host.msg;
    const { remaining } = this.cooldown;
    return this.sendsLimited
      ? m.sendLimited(remaining)
      : (explained ? m.resendWait : m.resendIn)(remaining);
  }

  private onSubmit = (event: SubmitEvent): void => {
    event.preventDefault();
    if (this.host.refused()) return;
    if (this.expired) return void this.host.resend();
    const code = this.field?.value ?? '';
    if (code.length !== CODE_LENGTH) {
      this.showError(this.host.msg.codeIncomplete(CODE_LENGTH, code.length));
      void this.host.focusStep();
      return;
    }
    void this.host.authenticate(code);
  };

  private onResend = (): void => {
    if (this.host.refused()) return;
    if (this.cooldown.active) {
      // The dimmed button stays focusable and says why it waits.
      this.explained = true;
      this.host.announce(this.cooldownText(true));
      this.host.requestUpdate();
      return;
    }
    void this.host.resend();
  };

  /** The step under `heading`, with the code sent to `sentTo`, and the element's ways out. */
  render(heading: string, sentTo: string, ways: CodeStepWays = {}): TemplateResult {
    const { host } = this;
    const m = host.msg;
    const { busy, blocked, retry } = this.host.requests;
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
      ${this.host.renderLabel(m.resend, resending)}
    </button>`;
    const wait = cooldown ? html`<span part="hint" id="cooldown">${cooldown}</span>` : nothing;
    // While locked, focus goes to the heading (the field is disabled); its alert says why.
    return html`<form part="form" novalidate aria-busy=${busy} @submit=${this.onSubmit}>
      ${host.renderHeading(heading, locked)}
      <p part="hint" class="sent-to" id="sent-to">${this.sentLine(sentTo)}</p>
      ${ways.edit}
      <otp-code-field
        part="code-field"
        exportparts="base:code-base,label:code-label,input:code-input,hint:code-hint,error:code-error,boxes:code-boxes,box:code-box,box-filled:code-box-filled,box-active:code-box-active"
        data-autofocus
        .length=${CODE_LENGTH}
        .label=${m.codeLabel}
        .boxes=${!this.host.config.noCodeBoxes}
        .readonly=${busy}
        .disabled=${locked}
        .hint=${hint}
        .error=${live(this.error)}
        .incompleteMessage=${m.codeIncomplete}
        @input=${this.host.clearError}
      ></otp-code-field>
      ${host.renderError()}
      ${
        expired
          ? html`${resend}${wait}`
          : html`${host.renderSubmit(m.codeSubmit, m.verifying)}
              <div class="row">${resend} ${wait}</div>`
      }
      ${ways.back ? html`<div class="links">${ways.back}</div>` : nothing}
    </form>`;
  }
}
