// The discovery login's steps after the code (the organizations found, the create form): their
// state, requests, failures and templates. A chunk of its own, loaded once a discovery code is on
// its way, so a page that signs in to a known organization never loads it.
import { html, nothing, type LitElement, type TemplateResult } from 'lit';
import type { OtpAuthError } from '../client/otp-auth-error.js';
import type {
  DiscoveredOrganization,
  DiscoveryAuthenticateResponse,
  ExchangeResponse,
  OtpApi,
} from '../client/types.js';
import type { OtpAction, OtpStep } from '../events/otp-error.js';
import { OtpOrganizationCreatedEvent } from '../events/otp-organization-created.js';
import { OtpOrganizationSelectedEvent } from '../events/otp-organization-selected.js';
import { OtpOrganizationsDiscoveredEvent } from '../events/otp-organizations-discovered.js';
import { SMS_LOCALES } from '../i18n/locales.js';
import type { OtpMessages } from '../i18n/messages.js';
import { adoptMore } from '../internal/code-step.js';
import type { RequestController } from '../internal/request-controller.js';
import type { StepMachine } from '../internal/step-machine.js';
import {
  checked,
  emptyOrganization,
  withName,
  withSlug,
  type NewOrganization,
} from './new-organization.js';
import { renderCreateForm, renderOrganizationsStep } from './organization-list.js';
import { organizationListStyles } from './organization-list.styles.js';

type Step = 'organizations' | 'create';

/** What the discovery steps need from the element they belong to. */
export interface DiscoveryOptions {
  steps: StepMachine<string>;
  requests: RequestController;
  msg: () => OtpMessages;
  /** Runs a request through the element (busy, announcements, errors); undefined when it failed. */
  request: <T>(
    step: OtpStep,
    action: OtpAction,
    call: (api: OtpApi, signal: AbortSignal) => Promise<T>,
  ) => Promise<T | undefined>;
  /** `session_duration_minutes`, when the page set it. */
  sessionLength: () => object;
  /** `locale` for a request body: the tag of `supported` that fits the locale in effect, if any. */
  localeFor: (supported: readonly string[]) => object;
  /** A login's answer: signed in, or MFA. */
  finish: (res: ExchangeResponse) => void;
  /** Back to the email step, email kept. */
  restart: () => void;
  /** Shows `text` in the step's alert ('' for none). */
  alert: (text: string) => void;
  /** The member edited a field: the errors an edit answers go. */
  edited: () => void;
  focusStep: () => Promise<void>;
  heading: (text: string, focusable?: boolean) => TemplateResult;
  label: (text: string, busy: boolean) => TemplateResult;
  submit: (label: string) => TemplateResult;
  error: () => unknown;
  /** `allow-create` and `auto-select`, read when used. */
  allowCreate: () => boolean;
  autoSelect: () => boolean;
}

/**
 * The organizations found for the proven email as buttons (or the host's own picker, when it
 * cancelled `otp-organizations-discovered`), the create form, and signing in to the one picked.
 */
export class DiscoveryStep {
  /** The organizations found for the proven email. */
  private organizations: DiscoveredOrganization[] = [];
  /** The host cancelled `otp-organizations-discovered` and shows its own picker. */
  private hostPicks = false;
  private picking?: string;
  private newOrg?: NewOrganization;
  /** The server refused the slug of the new organization. */
  private slugRefused = false;
  private email = '';

  constructor(
    private readonly host: LitElement,
    private readonly o: DiscoveryOptions,
  ) {
    // Its styles join the element's when the steps are first needed.
    adoptMore(host, organizationListStyles);
  }

  private update(): void {
    this.host.requestUpdate();
  }

  /** The code proved `email`: the member's organizations, listed or handed to the host. */
  found(res: DiscoveryAuthenticateResponse, email: string): Promise<void> {
    const organizations = res.discovered_organizations;
    this.organizations = organizations;
    this.email = email;
    this.newOrg = undefined;
    const detail = { emailAddress: email, organizations };
    this.hostPicks = !this.host.dispatchEvent(new OtpOrganizationsDiscoveredEvent(detail));
    this.o.steps.go('organizations');
    const [only] = organizations;
    if (this.o.autoSelect() && !this.hostPicks && only && organizations.length === 1) {
      return this.select(only.organization.organization_id);
    }
    return this.o.focusStep();
  }

  /** See `OtpEmailAuth.selectOrganization`. */
  async select(organizationId: string): Promise<void> {
    if (!this.o.steps.is('organizations', 'create') || this.o.requests.blocked) return;
    const found = this.organizations.find((o) => o.organization.organization_id === organizationId);
    if (!found) {
      throw new RangeError(
        `selectOrganization: ${organizationId} is not one of the organizations found`,
      );
    }
    const { organization, membership } = found;
    this.host.dispatchEvent(new OtpOrganizationSelectedEvent({ organization, membership }));
    this.picking = organizationId;
    const body = {
      organization_id: organizationId,
      ...this.o.sessionLength(),
      ...this.o.localeFor(SMS_LOCALES),
    };
    const res = await this.o.request('organizations', 'organization-select', (api, signal) =>
      api.exchangeIntermediateSession(body, { signal }),
    );
    this.picking = undefined;
    this.update();
    if (res) this.o.finish(res);
  }

  /** Shows a failure of these steps; false when the element's own handling applies. */
  failed(error: OtpAuthError, step: OtpStep): boolean {
    this.slugRefused = step === 'create' && error.error_type.includes('slug');
    // The discovery login expired: the list can no longer work, a new code will.
    if (
      error.error_type !== 'intermediate_session_not_found' ||
      !this.o.steps.is('organizations', 'create')
    ) {
      return false;
    }
    this.o.restart();
    this.o.alert(this.o.msg().discoveryExpired);
    return true;
  }

  /** Left for the email step: nothing picked, the host's picker closed. */
  reset(): void {
    this.picking = undefined;
    this.hostPicks = false;
  }

  /** Escape on these steps: the create form back to the list, the list back to the email. */
  back(): void {
    if (this.o.steps.is('create')) this.closeCreate();
    else this.o.restart();
  }

  private openCreate(): void {
    if (this.o.requests.blocked) return;
    this.o.steps.go('create');
    this.o.alert('');
    void this.o.focusStep();
  }

  private closeCreate = (): void => {
    const { requests } = this.o;
    requests.abort();
    if (!requests.retry.active) this.o.alert('');
    this.o.steps.go('organizations');
    void this.o.focusStep();
  };

  private async create(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    if (this.o.requests.blocked) return;
    this.newOrg = checked(this.newOrg ?? emptyOrganization());
    this.update();
    const { name, slug, nameBad, slugBad } = this.newOrg;
    if (nameBad || slugBad) {
      await this.host.updateComplete;
      this.host.renderRoot.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
      return;
    }
    const body = {
      organization_name: name.trim(),
      organization_slug: slug,
      ...this.o.sessionLength(),
    };
    const res = await this.o.request('create', 'organization-create', (api, signal) =>
      api.createOrganizationViaDiscovery(body, { signal }),
    );
    if (!res) return;
    const { organization, member } = res;
    this.host.dispatchEvent(new OtpOrganizationCreatedEvent({ organization, member }));
    this.o.finish(res);
  }

  private edit(change: (form: NewOrganization, value: string) => NewOrganization) {
    return (event: InputEvent) => {
      const form = this.newOrg ?? emptyOrganization();
      this.newOrg = change(form, (event.target as HTMLInputElement).value);
      this.o.edited();
      this.update();
    };
  }

  render(step: Step): TemplateResult {
    const o = this.o;
    const m = o.msg();
    const { blocked, busy } = o.requests;
    if (step === 'organizations') {
      return renderOrganizationsStep({
        organizations: this.organizations,
        msg: m,
        pending: this.picking,
        blocked,
        busy,
        select: (id) => void this.select(id),
        label: o.label,
        heading: o.heading(m.organizationsHeading, true),
        email: this.email,
        error: o.error(),
        ownPicker: this.hostPicks,
        create: o.allowCreate() ? () => this.openCreate() : undefined,
        changeEmail: o.restart,
      });
    }
    const { name, slug, nameBad, slugBad } = this.newOrg ?? emptyOrganization();
    const error = o.error();
    return renderCreateForm({
      msg: m,
      name,
      slug,
      nameError: nameBad,
      slugError: slugBad,
      // Until an edit clears the alert that says why.
      slugTaken: this.slugRefused && error !== nothing,
      busy,
      error,
      heading: o.heading(m.createOrganization),
      submit: o.submit(m.createSubmit),
      onSubmit: (event) => void this.create(event),
      onName: this.edit(withName),
      onSlug: this.edit(withSlug),
      back: html`<button part="link" type="button" @click=${this.closeCreate}>
        ${m.backToOrganizations}
      </button>`,
    });
  }
}
