import { html, nothing, type PropertyDeclarations } from 'lit';
import type { OtpAuthError } from '../client/otp-auth-error.js';
import type { EmailLoginOrSignupResponse } from '../client/types.js';
import type { OtpAction, OtpStep } from '../events/otp-error.js';
import { EMAIL_LOCALES } from '../i18n/locales.js';
import { lazy } from '../internal/lazy.js';
import type { CodeStep } from '../internal/code-step.js';
import { OtpFlowElement } from '../internal/otp-flow-element.js';
import { StepMachine } from '../internal/step-machine.js';
import type { CodeOutcome } from './code-outcome.js';
import { styles } from './otp-email-auth.styles.js';

/** Stytch's default lifetime of an email code, in minutes. */
const DEFAULT_CODE_MINUTES = 10;

/** What follows a right code (session, MFA, the organization steps): loaded with the first code. */
const loadCodeOutcome = lazy(() => import('./code-outcome.js'));

/**
 * `<otp-sms-stepup>` (registered only if the name is free), a chunk of its own in bundles: loaded
 * when MFA continues inline, so a sign-in without a second factor never loads it.
 */
export const loadSmsStepup = lazy(() => import('../define/sms-stepup.js'));

/** sessionStorage key of the email typed (never a code or a token), kept across a reload. */
export const EMAIL_STORAGE_KEY = 'otp-email-auth:email';

/** The page was reloaded: only then is a kept email filled in (not in a second element, say). */
function reloaded(): boolean {
  const [navigation] = globalThis.performance?.getEntriesByType?.('navigation') ?? [];
  return (navigation as PerformanceNavigationTiming | undefined)?.type === 'reload';
}

/** An email address as compared: case aside (the field already drops outer spaces). */
const same = (email: string) => email.toLowerCase();

function storage(): Storage | undefined {
  try {
    return globalThis.sessionStorage;
  } catch {
    return undefined; // blocked (sandboxed frame, privacy settings)
  }
}

/**
 * Email one-time-code sign-in for a Stytch B2B organization: the member enters an email address,
 * receives a code, enters it, and is signed in, or continues to a second factor. Tokens never
 * reach the page: the gateway keeps them in HttpOnly cookies.
 *
 * @summary Sign in with a code sent by email.
 *
 * @fires {OtpCodeSentEvent} otp-code-sent - A code was emailed. Detail: `channel`, `to`, `expiresInSeconds`, `memberId`, `organizationId`.
 * @fires {OtpSessionCreatedEvent} otp-session-created - The member is signed in. Detail: `member`, `organization`, `member_session` (tokens only when the gateway exposes them).
 * @fires {OtpMfaRequiredEvent} otp-mfa-required - A second factor is needed. Cancelable: cancel it to handle MFA yourself. Detail: `member`, `organization`, `mfaRequired`, `smsSent`.
 * @fires {OtpErrorEvent} otp-error - A request failed. Detail: `error` (`OtpAuthError`), `step`, `action`.
 * @fires {OtpOrganizationsDiscoveredEvent} otp-organizations-discovered - Discovery: the code was right; the member's organizations. Cancelable: cancel it to show your own picker and call `selectOrganization(id)`. Detail: `emailAddress`, `organizations` (Stytch's discovered organizations).
 * @fires {OtpOrganizationSelectedEvent} otp-organization-selected - Discovery: an organization was picked; signing in to it starts. Detail: `organization`, `membership`.
 * @fires {OtpOrganizationCreatedEvent} otp-organization-created - Discovery: the member created an organization (`allow-create`). Detail: `organization`, `member`.
 * @fires {OtpRestartEvent} otp-restart - From the inline `<otp-sms-stepup>`: the pending login expired; this element goes back to its email step, email kept.
 *
 * The email sent to is kept in `sessionStorage` (the email only, never a code or a token), so a
 * reload on the code step comes back to the email step with it filled in; `no-remember-email`
 * turns that off. It is removed once the member is signed in and when the element is removed.
 *
 * Escape on the code step, and "Edit" next to the email, go back to the email step (email kept);
 * in the inline SMS step, "Use a different email" and Escape do the same.
 *
 * **Discovery login.** Without `organization-id` (or with `discovery`), the member signs in
 * without naming an organization: email, code, then the list of their organizations (member,
 * invited, or open to their email domain) as buttons; picking one signs in to it or continues to
 * MFA as above. `auto-select` skips the list when there is exactly one; `allow-create` offers to
 * create an organization (name and slug, checked as typed). When the sign-in expires (10 minutes)
 * the element says so and goes back to the email step, email kept. To switch organizations later,
 * call `exchangeSession({ organization_id })` on the client (`createOtpClient()`).
 *
 * When MFA continues inline, the events of the embedded `<otp-sms-stepup>` (`otp-code-sent` with
 * `channel: 'sms'`, `otp-session-created`, `otp-error`, `otp-restart`) bubble out of this element.
 *
 * Parts and custom properties: see `OtpFlowElement` (all flow elements share them), plus:
 * @csspart link - "Edit" next to the email on the code step; "Use a different email" under the inline SMS step.
 * @csspart organization-list - Discovery: the list of organizations (`<ul>`).
 * @csspart organization - Discovery: an organization's button; its accessible name says the organization and the membership.
 * @csspart organization-name - Discovery: the organization's name in its button.
 * @csspart organization-membership - Discovery: "member", "invited" or "you can join" in its button.
 * @csspart sms-stepup - The embedded `<otp-sms-stepup>` when MFA continues inline; its parts are forwarded under their own names.
 */
export class OtpEmailAuth extends OtpFlowElement {
  static override styles = styles;
  static override properties: PropertyDeclarations = {
    email: {},
    mfa: {},
    codeExpirationMinutes: { attribute: 'code-expiration-minutes', type: Number },
    noRememberEmail: { attribute: 'no-remember-email', type: Boolean },
    discovery: { type: Boolean },
    autoSelect: { attribute: 'auto-select', type: Boolean },
    allowCreate: { attribute: 'allow-create', type: Boolean },
    emailInvalid: { state: true },
  };

  /** Prefills the email address; updated as the member types. */
  email = '';
  /** `inline` (default): continue into `<otp-sms-stepup>` when MFA is required; `event`: only dispatch `otp-mfa-required`. */
  mfa: 'inline' | 'event' = 'inline';
  /** Lifetime of the emailed code in minutes (Stytch: 2–15). When unset, Stytch's default of 10 applies and nothing is sent. */
  declare codeExpirationMinutes?: number;
  /** Does not keep the email in `sessionStorage` across a reload. */
  noRememberEmail = false;
  /** Discovery login even when `organization-id` is set (without one it is the only way). */
  discovery = false;
  /** Discovery: with exactly one organization found, signs in to it without showing the list. */
  autoSelect = false;
  /** Discovery: offers to create an organization (when the Stytch project allows members to). */
  allowCreate = false;

  /** @internal */
  readonly steps = new StepMachine(
    this,
    {
      email: ['code'],
      code: ['email', 'organizations', 'mfa', 'done'],
      organizations: ['email', 'create', 'mfa', 'done'],
      create: ['email', 'organizations', 'mfa', 'done'],
      mfa: ['email', 'done'],
      done: [],
    },
    'email',
  );
  /** The steps after a right code, loaded with the code step (`loadCode()`). */
  private outcome?: CodeOutcome;
  private emailInvalid = false;
  /** @internal */
  sentTo = '';
  /** The address a lockout is about. */
  private lockedFor = '';

  /** On the email step, another address than the one locked out is typed: it may be sent. */
  private get lockElsewhere(): boolean {
    return this.locked && this.steps.is('email') && same(this.email) !== same(this.lockedFor);
  }

  protected override get blocked(): boolean {
    return this.busy || (this.locked && !this.lockElsewhere);
  }

  override connectedCallback(): void {
    super.connectedCallback();
    if (!this.email && !this.noRememberEmail && reloaded()) {
      this.email = storage()?.getItem(EMAIL_STORAGE_KEY) ?? '';
    }
  }

  override disconnectedCallback(): void {
    super.disconnectedCallback();
    // Kept only for a reload (which disconnects nothing); removed with the element.
    this.remember(undefined);
  }

  /** @internal */
  remember(email: string | undefined): void {
    const store = storage();
    if (!store || this.noRememberEmail) return;
    if (email) store.setItem(EMAIL_STORAGE_KEY, email);
    else store.removeItem(EMAIL_STORAGE_KEY);
  }

  protected override renderStep() {
    const m = this.msg;
    const name = this.orgName;
    switch (this.steps.current) {
      case 'email': {
        const error = !this.lockElsewhere && this.error;
        return html`<form part="form" novalidate aria-busy=${this.busy} @submit=${this.sendEmail}>
          ${this.renderHeading(name ? m.signInTo(name) : m.emailHeading)}
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
            ?readonly=${this.busy}
            aria-invalid=${this.emailInvalid ? 'true' : nothing}
            aria-describedby=${error ? 'error' : nothing}
            @input=${this.onEmailInput}
          />
          ${error ? this.renderError() : nothing} ${this.renderSubmit(m.emailSubmit)}
        </form>`;
      }
      default:
        return this.outcome?.render();
    }
  }

  /** @internal No organization given, or `discovery` set: sign in first, pick the organization after. */
  get discovering(): boolean {
    return this.discovery || !this.orgId;
  }

  /**
   * Discovery: signs in to one of the organizations found (joining it when the membership is an
   * invite or the email domain), or continues to MFA. For a host that cancelled
   * `otp-organizations-discovered` to show its own picker. Does nothing while a request is in
   * flight or before the organizations are known.
   *
   * @throws {RangeError} when `organizationId` is not one of the organizations found.
   */
  async selectOrganization(organizationId: string): Promise<void> {
    return this.outcome?.select(organizationId);
  }

  /**
   * The code step comes with what follows a right code; in discovery the organization steps are
   * fetched too, while the member reads the email (a failure there is retried with the code).
   */
  protected override async loadCode(): Promise<CodeStep> {
    const [code, { CodeOutcome }] = await Promise.all([super.loadCode(), loadCodeOutcome()]);
    const outcome = (this.outcome ??= new CodeOutcome(this));
    if (this.discovering) outcome.loadDiscovery().catch(() => {});
    return code;
  }

  protected override fail(error: OtpAuthError, step: OtpStep, action: OtpAction): void {
    if (this.outcome?.failed(error, step)) return;
    super.fail(error, step, action);
    if (this.locked) this.lockedFor = step === 'email' ? this.email : this.sentTo;
  }

  private onEmailInput(event: InputEvent): void {
    this.email = (event.target as HTMLInputElement).value;
    this.emailInvalid = false;
    this.clearError();
  }

  private async sendEmail(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    if (this.refused()) return;
    // Another address: the lockout was not about it (the gateway still limits the client).
    this.requests.retry.stop();
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

  /** @internal */
  override resend(): Promise<unknown> {
    return this.send(this.sentTo, true);
  }

  /** A code to `email`: for the organization, or in discovery for the address alone. */
  private async send(email: string, resent = false): Promise<void> {
    const { discovering } = this;
    const minutes = this.codeExpirationMinutes;
    const base = { email_address: email, ...this.localeFor(EMAIL_LOCALES) };
    const res: Partial<EmailLoginOrSignupResponse> | undefined = await this.request(
      resent ? 'code' : 'email',
      discovering ? 'discovery-send' : 'email-send',
      (api, signal) =>
        discovering
          ? api.discoverySend(
              { ...base, ...(minutes ? { discovery_expiration_minutes: minutes } : {}) },
              { signal },
            )
          : api.emailLoginOrSignup(
              {
                ...base,
                organization_id: this.orgId,
                ...(minutes
                  ? { login_expiration_minutes: minutes, signup_expiration_minutes: minutes }
                  : {}),
              },
              { signal },
            ),
    );
    if (!res) return;
    const { organization } = res;
    this.sentTo = email;
    this.remember(email);
    this.answeredOrgName = organization?.organization_name || this.answeredOrgName;
    this.steps.go('code');
    this.code!.sent(
      {
        channel: 'email',
        to: email,
        expiresInSeconds: (minutes ?? DEFAULT_CODE_MINUTES) * 60,
        // In discovery, both are known once the member picks an organization.
        memberId: res.member_id ?? '',
        organizationId: discovering ? '' : (organization?.organization_id ?? this.orgId),
      },
      resent,
    );
  }

  /** @internal */
  override authenticate(code: string): Promise<void> {
    return this.outcome!.authenticate(code);
  }

  protected override back(): boolean {
    return !!this.outcome?.back();
  }

  /** @internal Back to the email step, email kept. */
  restart(): void {
    this.requests.abort();
    this.stopTimers();
    if (!this.locked) this.error = '';
    this.outcome?.reset();
    this.steps.go('email');
    void this.focusStep();
  }

  protected override flowChanged(): void {
    if (!this.steps.is('email', 'done')) this.restart();
  }
}

declare global {
  interface HTMLElementTagNameMap {
    'otp-email-auth': OtpEmailAuth;
  }
}
