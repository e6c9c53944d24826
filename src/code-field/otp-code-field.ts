import { LitElement, html, nothing, type PropertyDeclarations, type PropertyValues } from 'lit';
import { OtpElement } from '../internal/otp-element.js';
import { live } from 'lit/directives/live.js';
import { OtpCodeCompleteEvent } from '../events/otp-code-complete.js';
import '../i18n/en/code.js';
import { LocalizeController } from '../internal/localize-controller.js';
import { normalizeDigits, sanitizeCode } from '../internal/sanitize-code.js';
import { styles } from './otp-code-field.styles.js';

const digits = (text: string) => normalizeDigits(text).replace(/[^0-9]/g, '');

/**
 * The one-time-code input: one real `<input>` (SMS and password-manager autofill, screen readers),
 * labelled inside its shadow root and form-associated, so it submits as `name=value` with its form.
 *
 * Pasted, typed and autofilled text is sanitized before it is cut to `length`: separators and
 * words are dropped, the first run of exactly `length` digits wins, and Arabic-Indic, Persian,
 * Devanagari, Bengali, Thai and full-width digits become ASCII (`sanitizeCode` in
 * `internal/sanitize-code.ts`). When a member's edit (typing, paste, autofill, WebOTP) completes
 * the code, `otp-code-complete` fires once; unless canceled, the field then submits its form with
 * `requestSubmit()`. Setting `value` from script never fires events.
 *
 * Where WebOTP is available (secure context, `OTPCredential`), the field listens for the SMS while
 * connected and stops on form submit, on completion and on disconnect; `clear()` listens again.
 *
 * `focus()` (delegated to the input), `select()` and `clear()` work as on a native input.
 *
 * @summary A one-time-code input with paste and autofill cleanup, auto-submit and WebOTP.
 *
 * @fires {OtpCodeCompleteEvent} otp-code-complete - The member's edit made the code complete
 *   (detail `{ value }`). Cancelable: `preventDefault()` stops the automatic form submission.
 * @fires input - The value changed by the member's edit; `value` is already sanitized.
 * @fires change - The member committed a changed value (blur, Enter or completion).
 *
 * @csspart base - The wrapper of label, input, hint and error.
 * @csspart label - The `<label>`.
 * @csspart input - The real `<input>`.
 * @csspart hint - The hint text.
 * @csspart error - The error text (a `role="alert"` live region).
 * @csspart boxes - The row of per-digit boxes (with `boxes`).
 * @csspart box - One digit box; also `box-filled` when it holds a digit, `box-active` at the caret.
 */
export class OtpCodeField extends OtpElement {
  static formAssociated = true;
  static override shadowRootOptions = { ...LitElement.shadowRootOptions, delegatesFocus: true };
  static override styles = styles;
  static override properties: PropertyDeclarations = {
    value: {},
    length: { type: Number },
    label: {},
    hint: {},
    error: {},
    disabled: { type: Boolean, reflect: true },
    readonly: { type: Boolean, reflect: true },
    required: { type: Boolean },
    name: { reflect: true },
    boxes: { type: Boolean },
    noWebOtp: { type: Boolean, attribute: 'no-web-otp' },
    incompleteMessage: { attribute: false },
    formDisabled: { state: true },
    active: { state: true },
  };

  private readonly internals =
    typeof this.attachInternals === 'function' ? this.attachInternals() : undefined;

  private _value = '';

  /** The code: ASCII digits only, at most `length`; whatever is assigned is sanitized. */
  get value(): string {
    return this._value;
  }
  set value(value: string) {
    this._value = sanitizeCode(String(value ?? ''), this.length);
    this.syncForm();
  }

  /** Number of digits of a complete code. */
  length = 6;

  /** The visible label and accessible name; by default the catalog's for the `lang` in effect. */
  declare label?: string;

  /** Help text, announced as the input's description (say how many digits and where they went). */
  hint = '';

  /** Error text, shown in an alert region and marking the input invalid; cleared by the member's edit. */
  error = '';

  disabled = false;

  /** Keeps the value as it is, focusable (e.g. while the code is being checked). */
  readonly = false;

  required = false;

  /** Name of the value in the form data (reflected: form-associated elements submit under their `name` attribute). */
  name = 'code';

  /** Shows decorative per-digit boxes over which the real input stays on top. */
  boxes = false;

  /** Turns WebOTP off; by default the field listens for the code's SMS where WebOTP is available. */
  noWebOtp = false;

  /** Validation message for an empty (`entered` 0) or partial code; by default the catalog's for the `lang` in effect. */
  incompleteMessage = (length: number, entered: number): string =>
    this.l10n.msg.codeIncomplete(length, entered);

  private formDisabled = false;
  private active = -1;

  private dirty = false;
  private readonly l10n = new LocalizeController(this, {
    locale: () => undefined,
    overrides: () => undefined,
  });
  private sms?: AbortController;
  private submitTarget: HTMLFormElement | null = null;

  private get input(): HTMLInputElement | null {
    return this.renderRoot?.querySelector('input') ?? null;
  }

  get form(): HTMLFormElement | null {
    return this.internals?.form ?? null;
  }
  get validity(): ValidityState | undefined {
    return this.internals?.validity;
  }
  get validationMessage(): string {
    return this.internals?.validationMessage ?? '';
  }
  checkValidity(): boolean {
    return this.internals?.checkValidity() ?? true;
  }
  reportValidity(): boolean {
    return this.internals?.reportValidity() ?? true;
  }

  select(): void {
    this.input?.select();
  }

  /** Empties the field (no events) and, where WebOTP applies, listens for the next SMS. */
  clear(): void {
    this.value = '';
    this.dirty = false;
    this.listenForSms();
    // Once the input is empty its caret is at the start: the first box is the active one.
    void this.updateComplete.then(this.syncCaret);
  }

  override connectedCallback(): void {
    super.connectedCallback();
    this.submitTarget = this.form;
    this.submitTarget?.addEventListener('submit', this.stopSms);
    void this.updateComplete.then(() => this.listenForSms());
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.submitTarget?.removeEventListener('submit', this.stopSms);
    this.stopSms();
  }

  formResetCallback(): void {
    this.value = this.getAttribute('value') ?? '';
    this.error = '';
    this.dirty = false;
  }
  formDisabledCallback(disabled: boolean): void {
    // Also called when `disabled` is reflected, inside this element's update, where a change
    // would be lost (the field stayed disabled): set it once that update is done.
    if (this.isUpdatePending) void this.updateComplete.then(() => (this.formDisabled = disabled));
    else this.formDisabled = disabled;
  }
  formStateRestoreCallback(state: unknown): void {
    this.value = typeof state === 'string' ? state : '';
  }

  protected override willUpdate(changed: PropertyValues<this>): void {
    if (changed.has('length')) this.value = this._value;
    if (this.noWebOtp) this.stopSms();
  }

  protected override updated(changed: PropertyValues<this>): void {
    if (changed.has('length')) this.input!.style.setProperty('--_length', String(this.length));
    this.syncForm();
  }

  override render() {
    const { _value: value, error, hint } = this;
    const describedBy = [hint && 'hint', error && 'error'].filter(Boolean).join(' ');
    return html`<div part="base" class="base">
      <label part="label" for="input">${this.label ?? this.l10n.msg.codeLabel}</label>
      <div class="field ${this.boxes ? 'with-boxes' : ''}" dir="ltr">
        <input
          id="input"
          part="input"
          type="text"
          inputmode="numeric"
          autocomplete="one-time-code"
          pattern="[0-9]*"
          spellcheck="false"
          autocapitalize="off"
          autocorrect="off"
          dir="ltr"
          translate="no"
          name=${this.name}
          .value=${live(value)}
          ?disabled=${this.disabled || this.formDisabled}
          ?readonly=${this.readonly}
          ?required=${this.required}
          aria-invalid=${error ? 'true' : nothing}
          aria-describedby=${describedBy || nothing}
          @beforeinput=${this.onBeforeInput}
          @paste=${this.onPaste}
          @input=${this.onInput}
          @compositionend=${() => this.takeInput('insertCompositionText')}
          @keydown=${this.onKeydown}
          @keyup=${this.syncCaret}
          @click=${this.syncCaret}
          @select=${this.syncCaret}
          @focus=${this.syncCaret}
          @blur=${this.onBlur}
        />
        ${
          this.boxes
            ? html`<div part="boxes" class="boxes" aria-hidden="true" translate="no">
                ${Array.from(
                  { length: this.length },
                  (_, i) =>
                    html`<span
                      part="box${value[i] ? ' box-filled' : ''}${
                        i === this.active ? ' box-active' : ''
                      }"
                      >${value[i]}</span
                    >`,
                )}
              </div>`
            : nothing
        }
      </div>
      <div part="hint" id="hint" ?hidden=${!hint}>${hint}</div>
      <div part="error" id="error" role="alert">${error}</div>
    </div>`;
  }

  private syncForm() {
    const internals = this.internals;
    if (!internals) return;
    const { _value: value, length } = this;
    const valueMissing = this.required && !value;
    const tooShort = !!value && value.length < length;
    internals.setFormValue(value);
    if (valueMissing || tooShort) {
      internals.setValidity(
        { valueMissing, tooShort },
        this.incompleteMessage(length, value.length),
        this.input ?? undefined,
      );
    } else {
      internals.setValidity({});
    }
  }

  private onBeforeInput(event: InputEvent) {
    const input = event.target as HTMLInputElement;
    const type = event.inputType;
    if (type === 'insertFromPaste' || type === 'insertFromDrop') {
      const text = event.dataTransfer?.getData('text/plain') ?? event.data;
      if (text != null) {
        event.preventDefault();
        this.insert(text, type);
      }
    } else if (
      type === 'insertText' &&
      this._value.length >= this.length &&
      input.selectionStart === input.selectionEnd
    ) {
      // Full, nothing selected: refuse like maxlength instead of pushing the last digit out.
      event.preventDefault();
    }
  }

  private onPaste(event: ClipboardEvent) {
    const text = event.clipboardData?.getData('text/plain');
    if (text == null) return;
    event.preventDefault();
    this.insert(text, 'insertFromPaste');
  }

  /** Pasted or dropped text: a complete code replaces the value, anything else goes in at the caret. */
  private insert(text: string, inputType: string) {
    const { value, selectionStart, selectionEnd } = this.input!;
    const start = selectionStart ?? value.length;
    const pasted = sanitizeCode(text, this.length);
    const next =
      pasted.length === this.length
        ? pasted
        : sanitizeCode(
            value.slice(0, start) + pasted + value.slice(selectionEnd ?? start),
            this.length,
          );
    this.apply(next, start + pasted.length, inputType);
  }

  private onInput(event: InputEvent) {
    // The host re-dispatches `input` only for real, sanitized changes.
    event.stopPropagation();
    if (!event.isComposing) this.takeInput(event.inputType);
  }

  /** The bulk path: typing, autofill, IME and anything else that already changed the input. */
  private takeInput(inputType: string) {
    const { value: raw, selectionEnd } = this.input!;
    const next = sanitizeCode(raw, this.length);
    const caret =
      next === digits(raw).slice(0, this.length)
        ? digits(raw.slice(0, selectionEnd ?? raw.length)).length
        : next.length;
    this.apply(next, caret, inputType);
  }

  private apply(next: string, caret: number, inputType: string) {
    const input = this.input!;
    if (input.value !== next) {
      input.value = next;
      if (input.matches(':focus')) {
        const at = Math.min(caret, next.length);
        input.setSelectionRange(at, at);
      }
    }
    this.syncCaret();
    const previous = this._value;
    this.value = next;
    if (next === previous) return;
    this.dirty = true;
    this.error = '';
    this.dispatchEvent(new InputEvent('input', { bubbles: true, composed: true, inputType }));
    if (next.length === this.length) this.complete();
  }

  private complete() {
    this.stopSms();
    this.commit();
    if (this.dispatchEvent(new OtpCodeCompleteEvent({ value: this._value }))) {
      this.form?.requestSubmit();
    }
  }

  private commit() {
    if (!this.dirty) return;
    this.dirty = false;
    this.dispatchEvent(new Event('change', { bubbles: true }));
  }

  private onKeydown(event: KeyboardEvent) {
    if (event.key === 'Enter' && !event.isComposing) {
      // The inner input belongs to no form: implicit submission is ours to do.
      this.commit();
      this.form?.requestSubmit();
    }
  }

  private onBlur() {
    this.commit();
    this.syncCaret();
  }

  private readonly syncCaret = () => {
    const input = this.input;
    this.active =
      input?.matches(':focus') && this.length > 0
        ? Math.min(input.selectionStart ?? 0, this.length - 1)
        : -1;
  };

  private listenForSms() {
    if (this.sms || !this.isConnected || this.noWebOtp) return;
    if (!('OTPCredential' in window) || !window.isSecureContext) return;
    const sms = (this.sms = new AbortController());
    const request = { otp: { transport: ['sms'] }, signal: sms.signal } as CredentialRequestOptions;
    Promise.resolve()
      .then(() => navigator.credentials.get(request))
      .then((credential) => {
        const code = (credential as { code?: string } | null)?.code;
        if (code && !sms.signal.aborted && this.input) {
          this.sms = undefined;
          this.apply(sanitizeCode(code, this.length), this.length, 'insertReplacementText');
        }
      })
      // Aborted, dismissed or unsupported: the member types the code instead.
      .catch(() => {
        if (this.sms === sms) this.sms = undefined;
      });
  }

  private readonly stopSms = () => {
    this.sms?.abort();
    this.sms = undefined;
  };
}

declare global {
  interface HTMLElementTagNameMap {
    'otp-code-field': OtpCodeField;
  }
}
