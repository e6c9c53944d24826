import {
  LitElement,
  html,
  nothing,
  type CSSResultGroup,
  type PropertyValues,
  type TemplateResult,
} from 'lit';
import { property, state } from 'lit/decorators.js';
import { live } from 'lit/directives/live.js';
import { consume } from '@lit/context';
import { createOtpClient } from '../client/otp-client.js';
import { OtpAuthError } from '../client/otp-auth-error.js';
import type { Member, MemberSession, OtpApi, Organization } from '../client/types.js';
import { OtpCodeField } from '../code-field/otp-code-field.js';
import { OtpCodeSentEvent, type OtpCodeSentDetail } from '../events/otp-code-sent.js';
import { OtpErrorEvent, type OtpAction, type OtpStep } from '../events/otp-error.js';
import { OtpSessionCreatedEvent } from '../events/otp-session-created.js';
import { en } from '../i18n/en.js';
import { loadMessages } from '../i18n/locales.js';
import type { OtpMessages, OtpMessagesOverride } from '../i18n/messages.js';
import { otpConfigContext, type OtpConfig } from './context.js';
import { Countdown } from './countdown.js';
import { flowStyles } from './styles.js';

export const CODE_LENGTH = 6;

// Errors after which the typed code is useless: clear it and put the caret back.
const CODE_ERRORS = ['otp_code_not_found', 'invalid_code', 'unable_to_auth_otp_code'];

function toOtpError(e: unknown): OtpAuthError {
  if (e instanceof OtpAuthError) return e;
  const o = (e ?? {}) as Partial<OtpAuthError>;
  return new OtpAuthError({
    status_code: o.status_code ?? 0,
    error_type: o.error_type ?? 'unexpected_response',
    error_message: o.error_message ?? o.message ?? '',
    retry_after: o.retry_after,
    cause: e,
  });
}

/**
 * The machinery every OTP flow element shares: configuration (own attributes, else an
 * `<otp-auth-provider>` ancestor), messages, one request in flight with abort on disconnect and a
 * stale-response guard, error display and `otp-error`, the `Retry-After` countdown, the resend
 * cooldown, the code's expiry, status announcements, focus, and the code-entry step.
 */
export abstract class OtpFlowElement extends LitElement {
  static override styles: CSSResultGroup = flowStyles;

  /** Stytch organization the member signs in to. */
  @property({ attribute: 'organization-id' }) organizationId?: string;
  /** Where the gateway is mounted (default `/api`, or the provider's). */
  @property({ attribute: 'api-base' }) apiBase?: string;
  /** BCP 47 language tag for the messages and, where Stytch supports it, the email or SMS sent. */
  @property() locale?: string;
  /** Lifetime of the session created (default 60). */
  @property({ attribute: 'session-duration-minutes', type: Number })
  sessionDurationMinutes?: number;
  /** Seconds before "Send a new code" becomes available (default 30). */
  @property({ attribute: 'resend-cooldown', type: Number }) resendCooldown = 30;
  /** Forces a colour scheme; by default it follows `prefers-color-scheme`. */
  @property({ reflect: true }) theme?: 'light' | 'dark';
  /** API client; by default one is created for `api-base`. */
  @property({ attribute: false }) client?: OtpApi;
  /** Partial override of the strings of the current locale. */
  @property({ attribute: false }) messages?: OtpMessagesOverride;

  @consume({ context: otpConfigContext, subscribe: true })
  @state()
  protected inherited?: OtpConfig;

  @state() protected busy = false;
  /** Error about the request or the step, shown in the step's alert. */
  @state() protected error = '';
  /** Error about the typed code, shown by the code field (which marks itself invalid). */
  @state() protected codeError = '';
  @state() private status = '';
  @state() private catalog?: OtpMessages;
  protected msg: OtpMessages = en;

  protected readonly retry = new Countdown(this, () => {
    this.error = '';
    this.announce(this.msg.retryAvailable);
  });
  protected readonly cooldown = new Countdown(this, () => this.announce(this.msg.resendAvailable));
  protected readonly expiry = new Countdown(this, () => this.announce(this.msg.codeExpired));

  private inFlight?: AbortController;
  private generation = 0;
  private catalogLocale?: string;
  private lastFlowKey?: unknown[];
  private ownClient?: [string, OtpApi];

  protected get orgId(): string {
    return this.organizationId ?? this.inherited?.organizationId ?? '';
  }

  protected get localeTag(): string | undefined {
    return this.locale ?? this.inherited?.locale;
  }

  protected get sessionMinutes(): number {
    return this.sessionDurationMinutes ?? this.inherited?.sessionDurationMinutes ?? 60;
  }

  protected get api(): OtpApi {
    const given = this.client ?? (this.apiBase ? undefined : this.inherited?.client);
    if (given) return given;
    const base = this.apiBase ?? this.inherited?.apiBase ?? '/api';
    if (this.ownClient?.[0] !== base) this.ownClient = [base, createOtpClient({ baseUrl: base })];
    return this.ownClient[1];
  }

  /** Values that, when changed, make the answer to a request already sent stale. */
  protected flowKey(): unknown[] {
    return [this.orgId, this.api];
  }

  /** Called after the flow key changed (the in-flight request is already aborted). */
  protected flowChanged(): void {}

  /** Sends the code typed in the code step. */
  protected abstract authenticate(code: string): Promise<void>;

  /** Sends a new code. */
  protected abstract resend(): Promise<unknown>;

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    this.invalidate();
  }

  protected override willUpdate(changed: PropertyValues): void {
    if (this.localeTag !== this.catalogLocale) this.loadCatalog(this.localeTag);
    if (changed.has('messages') || changed.has('catalog')) {
      const base = this.catalog ?? en;
      const own = this.messages;
      this.msg = own ? { ...base, ...own, errors: { ...base.errors, ...own.errors } } : base;
    }
    const key = this.flowKey();
    const last = this.lastFlowKey;
    this.lastFlowKey = key;
    if (last && key.some((v, i) => v !== last[i])) {
      this.invalidate();
      this.flowChanged();
    }
  }

  private loadCatalog(locale: string | undefined): void {
    this.catalogLocale = locale;
    this.catalog = undefined;
    loadMessages(locale)?.then(
      (catalog) => {
        if (this.catalogLocale === locale) this.catalog = catalog;
      },
      () => {}, // a catalog that fails to load leaves English in place
    );
  }

  /**
   * Runs one request: ignored while another is in flight or a `Retry-After` runs; aborted on
   * disconnect; its result dropped when the flow changed meanwhile. Failures are shown, announced
   * and dispatched as `otp-error`; the promise then resolves to undefined (it never rejects).
   */
  protected async request<T>(
    step: OtpStep,
    action: OtpAction,
    call: (api: OtpApi, signal: AbortSignal) => Promise<T>,
  ): Promise<T | undefined> {
    if (this.busy || this.retry.active) return undefined;
    const generation = ++this.generation;
    const key = this.flowKey();
    const controller = (this.inFlight = new AbortController());
    const current = () =>
      generation === this.generation &&
      this.isConnected &&
      this.flowKey().every((v, i) => v === key[i]);
    this.busy = true;
    this.error = this.codeError = '';
    try {
      const result = await call(this.api, controller.signal);
      if (current()) return result;
    } catch (e) {
      if (current() && !controller.signal.aborted) this.fail(toOtpError(e), step, action);
    } finally {
      if (generation === this.generation) {
        this.busy = false;
        this.inFlight = undefined;
      }
    }
    return undefined;
  }

  /** Aborts the request in flight and makes sure nothing comes of its answer. */
  protected invalidate(): void {
    this.generation++;
    this.inFlight?.abort();
    this.inFlight = undefined;
    this.busy = false;
  }

  protected fail(error: OtpAuthError, step: OtpStep, action: OtpAction): void {
    const message = this.describe(error);
    if (error.retry_after) this.retry.start(error.retry_after);
    if (action.endsWith('authenticate') && CODE_ERRORS.includes(error.error_type)) {
      // An expired or used code cannot be retried: offer a new one at once.
      if (error.error_type === 'unable_to_auth_otp_code') this.cooldown.stop();
      this.resetCode();
      this.codeError = message;
    } else {
      this.error = message;
    }
    this.emit(new OtpErrorEvent({ error, step, action }));
  }

  /** The message for an error: the catalog's for its type, else the server's for a 4xx, else generic. */
  protected describe(error: OtpAuthError): string {
    const { errors } = this.msg;
    const type = error.status_code === 429 ? 'too_many_requests' : error.error_type;
    if (Object.hasOwn(errors, type)) return errors[type]!;
    const clientError = error.status_code >= 400 && error.status_code < 500;
    return (clientError && error.error_message) || errors.default;
  }

  /** Says `text` once through the polite status region. */
  protected announce(text: string): void {
    this.status = '';
    void this.updateComplete.then(() => (this.status = text));
  }

  /** Focuses the current step's field (`data-autofocus`) once it is rendered. */
  protected async focusStep(): Promise<void> {
    await this.updateComplete;
    const target = this.renderRoot.querySelector<HTMLElement & Partial<LitElement>>(
      '[data-autofocus]',
    );
    await target?.updateComplete;
    target?.focus();
  }

  protected get codeField(): OtpCodeField | null {
    // instanceof also keeps the field's module (and its definition) in every bundle.
    const field = this.renderRoot?.querySelector('otp-code-field');
    return field instanceof OtpCodeField ? field : null;
  }

  /** Empties the code field and puts the caret in it. */
  protected resetCode(): void {
    this.codeField?.clear();
    void this.focusStep();
  }

  /** Starts the expiry and resend timers, announces the code and dispatches `otp-code-sent`. */
  protected codeSent(detail: OtpCodeSentDetail, resent = false): void {
    this.expiry.start(detail.expires_in_seconds);
    this.cooldown.start(this.resendCooldown);
    this.error = this.codeError = '';
    this.announce((resent ? this.msg.codeResent : this.msg.codeSentTo)(detail.to));
    this.emit(new OtpCodeSentEvent(detail));
    this.resetCode();
  }

  /** Dispatches `otp-session-created`; tokens only when the gateway put them in the response. */
  protected sessionCreated(res: {
    member: Member;
    organization: Organization;
    member_session: MemberSession;
    session_token?: string;
    session_jwt?: string;
  }): void {
    const { member, organization, member_session, session_token, session_jwt } = res;
    this.announce(this.msg.signedIn);
    this.emit(
      new OtpSessionCreatedEvent({
        member,
        organization,
        member_session,
        ...(session_token ? { session_token } : {}),
        ...(session_jwt ? { session_jwt } : {}),
      }),
    );
  }

  /**
   * dispatchEvent. Going through here keeps the manifest analyzer from inventing events out of
   * `dispatchEvent(new XEvent({ detail… }))` calls; each element documents its events with `@fires`.
   */
  protected emit(event: Event): boolean {
    return this.dispatchEvent(event);
  }

  protected stopTimers(): void {
    this.expiry.stop();
    this.cooldown.stop();
  }

  protected clearError(): void {
    this.codeError = '';
    if (!this.retry.active) this.error = '';
  }

  private onCodeSubmit(event: SubmitEvent): void {
    event.preventDefault();
    if (this.busy || this.retry.active) return;
    const code = this.codeField?.value ?? '';
    if (code.length !== CODE_LENGTH) {
      this.codeError = this.msg.codeIncomplete(CODE_LENGTH, code.length);
      void this.focusStep();
      return;
    }
    void this.authenticate(code);
  }

  private onResend(): void {
    if (!this.busy && !this.retry.active && !this.cooldown.active) void this.resend();
  }

  protected renderStatus(): TemplateResult {
    return html`<div part="status" class="sr" role="status">${this.status}</div>`;
  }

  protected renderError(): TemplateResult | typeof nothing {
    const { retry } = this;
    return this.error
      ? html`<p part="error" role="alert" id="error">${this.error}</p>
          ${
            retry.active
              ? html`<p part="hint" aria-hidden="true">${this.msg.retryIn(retry.remaining)}</p>`
              : nothing
          }`
      : nothing;
  }

  /** The code-entry step, shared by email and SMS. `extra` goes after the resend control. */
  protected renderCodeStep(heading: string, sentTo: string, extra?: unknown): TemplateResult {
    const m = this.msg;
    const blocked = this.busy || this.retry.active;
    const minutes = Math.ceil(this.expiry.remaining / 60);
    return html`<form part="form" novalidate aria-busy=${this.busy} @submit=${this.onCodeSubmit}>
      <h2 part="heading">${heading}</h2>
      <p part="hint">${m.codeSentTo(sentTo)}</p>
      <otp-code-field
        part="code-field"
        exportparts="base:code-base,label:code-label,input:code-input,hint:code-hint,error:code-error,slots:code-slots,slot:code-slot,slot-filled:code-slot-filled,slot-active:code-slot-active"
        data-autofocus
        .length=${CODE_LENGTH}
        .label=${m.codeLabel}
        .hint=${`${m.codeHint(CODE_LENGTH)} ${minutes ? m.expiresIn(minutes) : m.codeExpired}`}
        .error=${live(this.codeError)}
        .incompleteMessage=${m.codeIncomplete}
        @input=${this.clearError}
      ></otp-code-field>
      ${this.renderError()}
      <button part="button" type="submit" aria-disabled=${blocked}>${m.codeSubmit}</button>
      <div class="row">
        <button
          part="secondary-button"
          type="button"
          aria-disabled=${blocked || this.cooldown.active}
          @click=${this.onResend}
        >
          ${m.resend}
        </button>
        ${
          this.cooldown.active
            ? html`<span part="hint" aria-hidden="true"
                >${m.resendIn(this.cooldown.remaining)}</span
              >`
            : nothing
        }
      </div>
      ${extra}
    </form>`;
  }
}
