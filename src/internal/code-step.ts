// The code-entry step's template, with the code field it renders: a chunk of its own, loaded while
// the first code is on its way (`loadCodeStep`).
import { html, nothing, type TemplateResult } from 'lit';
import { live } from 'lit/directives/live.js';
import '../define/code-field.js';
import type { OtpMessages } from '../i18n/messages.js';

export interface CodeStepOptions {
  msg: OtpMessages;
  heading: TemplateResult;
  /** Where the code went (and when, after a resend). */
  sentLine: string;
  /** Next to where the code went ("Edit"). */
  edit?: unknown;
  /** Under the buttons (ways back). */
  back?: unknown;
  length: number;
  boxes: boolean;
  busy: boolean;
  locked: boolean;
  /** The code ran out: resend is the primary action. */
  expired: boolean;
  hint: string;
  codeError: string;
  /** The alert of the step, and its submit button. */
  error: unknown;
  submit: unknown;
  /** The resend button's label (busy while resending), and whether it may be used now. */
  resendLabel: unknown;
  resending: boolean;
  resendBlocked: boolean;
  /** The cooldown's text while it runs. */
  cooldown?: string;
  onSubmit: (event: SubmitEvent) => void;
  onResend: () => void;
  onInput: () => void;
}

export function renderCodeStep(o: CodeStepOptions): TemplateResult {
  const m = o.msg;
  const resend = html`<button
    part=${o.expired ? 'button' : 'secondary-button'}
    type="button"
    class=${o.resending ? 'busy' : ''}
    aria-disabled=${o.resendBlocked || !!o.cooldown}
    aria-describedby=${o.cooldown ? 'cooldown' : nothing}
    @click=${o.onResend}
  >
    ${o.resendLabel}
  </button>`;
  const cooldown = o.cooldown
    ? html`<span part="hint" id="cooldown">${o.cooldown}</span>`
    : nothing;
  return html`<form part="form" novalidate aria-busy=${o.busy} @submit=${o.onSubmit}>
    ${o.heading}
    <p part="hint" class="sent-to" id="sent-to">${o.sentLine}</p>
    ${o.edit}
    <otp-code-field
      part="code-field"
      exportparts="base:code-base,label:code-label,input:code-input,hint:code-hint,error:code-error,boxes:code-boxes,box:code-box,box-filled:code-box-filled,box-active:code-box-active"
      data-autofocus
      .length=${o.length}
      .label=${m.codeLabel}
      .boxes=${o.boxes}
      .readonly=${o.busy}
      .disabled=${o.locked}
      .hint=${o.hint}
      .error=${live(o.codeError)}
      .incompleteMessage=${m.codeIncomplete}
      @input=${o.onInput}
    ></otp-code-field>
    ${o.error}
    ${
      o.expired
        ? html`${resend}${cooldown}`
        : html`${o.submit}
            <div class="row">${resend} ${cooldown}</div>`
    }
    ${o.back ? html`<div class="links">${o.back}</div>` : nothing}
  </form>`;
}
