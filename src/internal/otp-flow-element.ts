import {
  html,
  nothing,
  type CSSResultGroup,
  type LitElement,
  type PropertyDeclarations,
  type TemplateResult,
} from 'lit';
import { ContextConsumer, ContextProvider } from '@lit/context';
import { createOtpClient } from '../client/otp-client.js';
import type { OtpAuthError } from '../client/otp-auth-error.js';
import type { OtpApi } from '../client/types.js';
import type { OtpAction, OtpStep } from '../events/otp-error.js';
import { matchLocale } from '../i18n/locales.js';
import type { OtpMessages } from '../i18n/messages.js';
import { systemClock, type Clock } from './clock.js';
import {
  otpConfigContext,
  ownConfig,
  resolveConfig,
  sameConfig,
  type OtpConfig,
} from './context.js';
import type { CodeStep } from './code-step.js';
import { lazy } from './lazy.js';
import { LocalizeController } from './localize-controller.js';
import { OtpConfigElement } from './otp-config-element.js';
import { RequestController } from './request-controller.js';
import { flowStyles } from './styles.js';

/**
 * The code step (its controller and template) and `<otp-code-field>` (registered only if the name
 * is free). The flow elements load it while the first code is on its way, so it is there when the
 * code step shows.
 */
export const loadCodeStep = lazy(() => import('./code-step.js'));

type Heading = (text: string, tabindex: string | typeof nothing, focus: boolean) => TemplateResult;
// One template per level, as a tag name cannot be a binding (lit/static-html costs more than these).
const HEADINGS: Heading[] = [
  (text, tabindex, focus) =>
    html`<h1 part="heading" tabindex=${tabindex} ?data-autofocus=${focus}>${text}</h1>`,
  (text, tabindex, focus) =>
    html`<h2 part="heading" tabindex=${tabindex} ?data-autofocus=${focus}>${text}</h2>`,
  (text, tabindex, focus) =>
    html`<h3 part="heading" tabindex=${tabindex} ?data-autofocus=${focus}>${text}</h3>`,
  (text, tabindex, focus) =>
    html`<h4 part="heading" tabindex=${tabindex} ?data-autofocus=${focus}>${text}</h4>`,
  (text, tabindex, focus) =>
    html`<h5 part="heading" tabindex=${tabindex} ?data-autofocus=${focus}>${text}</h5>`,
  (text, tabindex, focus) =>
    html`<h6 part="heading" tabindex=${tabindex} ?data-autofocus=${focus}>${text}</h6>`,
];

/** What the Escape key or a way-back control asks for. */
export type BackReason = 'escape' | 'cancel';

/**
 * What every OTP flow element shares. Configuration resolves one way (own property, else the
 * nearest provider, else the default) and is provided to what the element embeds. The work is
 * done by controllers: `RequestController` (one request in flight, abort, stale answers,
 * `Retry-After`, `otp-error`), `LocalizeController` (catalog, overrides, `lang`), and `CodeStep`
 * (the code-entry step shared by email and SMS, with its expiry and resend `Countdown`s on an
 * injectable clock, and the session or outcome a right code leads to), loaded with the code field.
 * Subclasses keep their steps in a `StepMachine`. The parts loaded when their step is reached
 * (`CodeStep`, the email element's `CodeOutcome` and `DiscoveryStep`) take the element itself as
 * their host: what they use of it is public but tagged internal (left out of the manifest and
 * the published types).
 *
 * @csspart base - The wrapper of the whole element.
 * @csspart form - Each step's form.
 * @csspart heading - Each step's heading.
 * @csspart label - Field labels.
 * @csspart input - Text inputs and selects.
 * @csspart button - The primary button of each step.
 * @csspart secondary-button - "Send a new code" (the primary `button` once the code expired), and "Cancel".
 * @csspart link - Ways back: "Edit" next to the email, "Use a different email", "Change number".
 * @csspart hint - Help texts: where the code went, its expiry, countdowns.
 * @csspart error - The error message.
 * @csspart status - The polite live region (visually hidden by default).
 * @csspart code-field - The `<otp-code-field>`; its parts are forwarded with a `code-` prefix (`code-input`, `code-box`, …).
 * @csspart spinner - The spinner in a busy button.
 *
 * @slot logo - Above the heading of every step: your logo.
 * @slot success - Under the heading of the success state.
 *
 * Escape goes back one step where nothing is lost (code step to the email or phone step,
 * step-up to cancelled). While a request is in flight its button shows a spinner and
 * "Sending…"/"Verifying…" (announced), at the same size, and the fields are read-only. A `429`
 * with `Retry-After` locks the step: one spoken message with the time, the code field cleared and
 * disabled, nothing that cannot work enabled, one countdown, one announcement when it ends.
 *
 * @cssprop [--otp-color-primary=#1a56db (dark: #8ab4ff)] - Primary button and links.
 * @cssprop [--otp-color-on-primary=#fff (dark: #0b1b33)] - Text on the primary button.
 * @cssprop [--otp-color-muted=#57606a (dark: #a8adb4)] - Hints.
 */
export abstract class OtpFlowElement extends OtpConfigElement {
  static override styles: CSSResultGroup = flowStyles;
  static override properties: PropertyDeclarations = {
    inherited: { state: true },
    error: { state: true },
    status: { state: true },
    answeredOrgName: { state: true },
  };

  /** The nearest provider's configuration (`<otp-auth-provider>`, or the flow element around). */
  declare protected inherited?: OtpConfig;

  /** The resolved configuration, handed to the elements this one embeds. */
  private readonly provider: ContextProvider<typeof otpConfigContext>;

  /** @internal Error about the request or the step, shown in the step's alert. */
  error = '';
  private status = '';
  /** @internal The code step, once loaded (`loadCode()`). */
  code?: CodeStep;
  /** Organization name from the last answer that carried one. */
  declare protected answeredOrgName?: string;
  private ownClient?: [string, OtpApi];
  private lastFlowKey?: readonly unknown[];

  constructor() {
    super();
    // Controllers rather than @consume/@provide: the same protocol without the decorators' code.
    new ContextConsumer(this, {
      context: otpConfigContext,
      subscribe: true,
      callback: (config) => (this.inherited = config),
    });
    this.provider = new ContextProvider(this, { context: otpConfigContext, initialValue: {} });
  }

  /** @internal */
  readonly l10n = new LocalizeController(this, {
    locale: () => this.config.locale,
    overrides: () => this.config.messages,
  });

  /** @internal */
  readonly requests = new RequestController(this, {
    clock: () => this.clockNow,
    key: () => this.flowKey(),
    onError: (error, step, action) => this.fail(error, step, action),
    onRetryEnd: () => {
      this.error = '';
      // One announcement: the expired code's alert, or that the step works again.
      if (!this.code?.unlocked()) this.announce(this.msg.retryAvailable);
      if (!this.matches(':focus-within')) void this.focusStep();
    },
  });

  /** @internal */
  get msg(): OtpMessages {
    return this.l10n.msg;
  }

  protected get busy(): boolean {
    return this.requests.busy;
  }

  /** A `Retry-After` wait runs: nothing can be sent. */
  protected get locked(): boolean {
    return this.requests.retry.active;
  }

  /** Nothing may be sent from the step shown. */
  protected get blocked(): boolean {
    return this.requests.blocked;
  }

  /** The organization's name: configured, else from the server's answer. */
  protected get orgName(): string | undefined {
    return this.config.organizationName || this.answeredOrgName || undefined;
  }

  /** @internal Own values, else the provider's (read live: a change counts before the next render). */
  get config(): OtpConfig {
    return resolveConfig(ownConfig(this), this.inherited);
  }

  /** @internal */
  get clockNow(): Clock {
    return this.config.clock ?? systemClock;
  }

  /** @internal */
  get orgId(): string {
    return this.config.organizationId ?? '';
  }

  /** The configured locale, else the `lang` in effect. */
  protected get localeTag(): string | undefined {
    return this.l10n.locale;
  }

  protected get api(): OtpApi {
    // An own api-base outranks a client handed down.
    const given = this.client ?? (this.apiBase ? undefined : this.inherited?.client);
    if (given) return given;
    const base = this.apiBase ?? this.inherited?.apiBase ?? '/api';
    if (this.ownClient?.[0] !== base) this.ownClient = [base, createOtpClient({ baseUrl: base })];
    return this.ownClient[1];
  }

  /** Values that, when changed, make the answer to a request already sent stale. */
  protected flowKey(): readonly unknown[] {
    return [this.orgId, this.api];
  }

  /** After the flow key changed (the request in flight is already aborted). */
  protected flowChanged(): void {}

  /** The current step's content. */
  protected abstract renderStep(): unknown;

  /** @internal Sends the code typed in the code step. */
  abstract authenticate(code: string): Promise<void>;

  /** @internal Sends a new code. */
  abstract resend(): Promise<unknown>;

  protected override willUpdate(): void {
    const config = { ...this.config, client: this.api };
    if (!sameConfig(this.provider.value, config)) this.provider.setValue(config);
  }

  protected override updated(): void {
    // Not in willUpdate: a flow that restarts may send a request.
    const key = this.flowKey();
    const last = this.lastFlowKey;
    this.lastFlowKey = key;
    if (last && key.some((v, i) => v !== last[i])) {
      this.requests.abort();
      this.flowChanged();
    }
  }

  /** @internal `locale` for a request body: the tag of `supported` that fits the locale in effect, if any. */
  localeFor(supported: readonly string[]): { locale?: string } {
    const locale = matchLocale(this.localeTag, supported);
    return locale ? { locale } : {};
  }

  /** @internal `session_duration_minutes` when the page set it; otherwise the gateway's default applies. */
  get sessionLength(): { session_duration_minutes?: number } {
    const minutes = this.config.sessionDurationMinutes;
    return minutes ? { session_duration_minutes: minutes } : {};
  }

  /** @internal Runs a request through the request controller with the element's client. */
  request<T>(
    step: OtpStep,
    action: OtpAction,
    call: (api: OtpApi, signal: AbortSignal) => Promise<T>,
    options?: { supersede?: boolean },
  ): Promise<T | undefined> {
    if (options?.supersede || !this.requests.blocked) {
      this.error = '';
      this.code?.showError('');
      const m = this.msg;
      this.announce(
        action.endsWith('authenticate')
          ? m.verifying
          : action === 'session' || action.startsWith('organization')
            ? m.busy
            : m.sending,
      );
    }
    // A code on its way: the code field (a chunk of its own) loads meanwhile.
    const field = action.endsWith('send') && this.loadCode();
    return this.requests.run(
      step,
      action,
      async (signal) => (await Promise.all([call(this.api, signal), field]))[0],
      options,
    );
  }

  /** Shows a failed request: about the code in the code step, a lockout, else in the step's alert. */
  protected fail(error: OtpAuthError, step: OtpStep, action: OtpAction): void {
    const message = this.l10n.describe(error);
    if (this.code?.failed(error, step, action, message)) return;
    if (error.retryAfter) this.lock(error.retryAfter);
    else this.error = message;
  }

  /** One lockout state: the code cleared, one message with the time (spoken by the alert). */
  private lock(seconds: number): void {
    this.requests.retry.start(seconds);
    const focused = this.code?.lock();
    // The time it ends, not a wait: the countdown under the alert is the one that runs.
    this.error = this.msg.lockedUntil(
      this.timeOfDay(Math.ceil((Date.now() + seconds * 1000) / 6e4) * 6e4),
    );
    // The field under the caret is disabled: focus goes to the heading, not to the page.
    if (focused) void this.focusStep();
  }

  /** Goes back one step, if the current step has a safe way back; true when it did. */
  protected back(_reason: BackReason): boolean {
    return false;
  }

  private onKeydown(event: KeyboardEvent): void {
    if (event.key !== 'Escape' || event.isComposing || event.defaultPrevented) return;
    if (this.back('escape')) {
      event.preventDefault();
      event.stopPropagation();
    }
  }

  /** @internal Says `text` once through the polite status region. */
  announce(text: string): void {
    this.status = '';
    void this.updateComplete.then(() => (this.status = text));
  }

  /** @internal Focuses the current step's field (`data-autofocus`) once it is rendered. */
  async focusStep(): Promise<void> {
    await this.updateComplete;
    const target = this.renderRoot.querySelector<HTMLElement & Partial<LitElement>>(
      '[data-autofocus]',
    );
    await target?.updateComplete;
    target?.focus();
  }

  /** The code step, loaded (with the code field) and attached to this element on first use. */
  protected async loadCode(): Promise<CodeStep> {
    const { CodeStep } = await loadCodeStep();
    return (this.code ??= new CodeStep(this));
  }

  /** @internal `at` (default: now) as the local time of day, in the locale in effect. */
  timeOfDay(at = Date.now()): string {
    const options = { hour: 'numeric', minute: '2-digit' } as const;
    try {
      return new Intl.DateTimeFormat(this.localeTag, options).format(at);
    } catch {
      return new Intl.DateTimeFormat(undefined, options).format(at);
    }
  }

  /**
   * @internal
   * dispatchEvent. Going through here keeps the manifest analyzer from inventing events out of
   * `dispatchEvent(new XEvent({ detail… }))` calls; each element documents its events with `@fires`.
   */
  emit(event: Event): boolean {
    return this.dispatchEvent(event);
  }

  /** @internal Leaves the code step: its timers and its state end. */
  stopTimers(): void {
    this.code?.stop();
  }

  /** @internal */
  clearError(): void {
    this.code?.clearError();
    if (!this.locked) this.error = '';
  }

  /** @internal Nothing may be sent now; pressed during a lockout, says how long it still lasts. */
  refused(): boolean {
    const { blocked } = this;
    if (blocked && this.locked) this.announce(this.msg.lockedOut(this.requests.retry.remaining));
    return blocked;
  }

  protected override render(): TemplateResult {
    return html`<div part="base" @keydown=${this.onKeydown}>
      <slot name="logo"></slot>
      ${this.renderStep()}
      <div part="status" class="sr" role="status">${this.status}</div>
    </div>`;
  }

  /** @internal A step heading at the configured level (`heading-level`, default 2). */
  renderHeading(text: string, focusable = false): TemplateResult {
    const level = Math.round(Number(this.config.headingLevel ?? 2));
    const heading = HEADINGS[(level >= 1 && level <= 6 ? level : 2) - 1]!;
    return heading(text, focusable ? '-1' : nothing, focusable);
  }

  /**
   * @internal
   * A button's label, or its busy label with a spinner. The other one is laid in the same cell as
   * generated content (hidden, and in no text or name), so the size never changes.
   */
  renderLabel(label: string, busy: boolean, busyLabel = this.msg.sending): TemplateResult {
    return html`<span class="labels ${busy ? 'busy' : ''}" data-other=${busy ? label : busyLabel}
      >${busy ? html`<span><span part="spinner" class="spinner"></span>${busyLabel}</span>` : html`<span>${label}</span>`}</span
    >`;
  }

  /** @internal The step's submit button, busy while its request is in flight. */
  renderSubmit(label: string, busyLabel = this.msg.sending): TemplateResult {
    const busy = this.busy && !this.code?.resending;
    return html`<button
      part="button"
      type="submit"
      class=${busy ? 'busy' : ''}
      aria-disabled=${this.blocked}
    >
      ${this.renderLabel(label, busy, busyLabel)}
    </button>`;
  }

  /** @internal */
  renderError(): TemplateResult | typeof nothing {
    const { retry } = this.requests;
    // The alert says the time once; the countdown below is readable, not live.
    return this.error
      ? html`<p part="error" role="alert" id="error">${this.error}</p>
          ${
            retry.active
              ? html`<p part="hint" id="retry">${this.msg.retryIn(retry.remaining)}</p>`
              : nothing
          }`
      : nothing;
  }
}
