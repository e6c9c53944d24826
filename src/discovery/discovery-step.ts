// The discovery login's steps after the code (the organizations found, the create form): their
// state, requests, failures and templates. A chunk of its own, loaded once a discovery code is on
// its way, so a page that signs in to a known organization never loads it.
import { html, nothing, type TemplateResult } from 'lit';
import type { OtpAuthError } from '../client/otp-auth-error.js';
import type {
  DiscoveredOrganization,
  DiscoveryAuthenticateResponse,
  ExchangeResponse,
} from '../client/types.js';
import type { OtpStep } from '../events/otp-error.js';
import { OtpOrganizationCreatedEvent } from '../events/otp-organization-created.js';
import { OtpOrganizationSelectedEvent } from '../events/otp-organization-selected.js';
import { OtpOrganizationsDiscoveredEvent } from '../events/otp-organizations-discovered.js';
import { SMS_LOCALES } from '../i18n/locales.js';
import type { OtpEmailAuth } from '../email-auth/otp-email-auth.js';
import { adoptMore } from '../internal/code-step.js';
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
    private readonly host: OtpEmailAuth,
    /** A login's answer: signed in, or MFA. */
    private readonly finish: (res: ExchangeResponse) => void,
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
    this.host.steps.go('organizations');
    const [only] = organizations;
    if (this.host.autoSelect && !this.hostPicks && only && organizations.length === 1) {
      return this.select(only.organization.organization_id);
    }
    return this.host.focusStep();
  }

  /** See `OtpEmailAuth.selectOrganization`. */
  async select(organizationId: string): Promise<void> {
    if (!this.host.steps.is('organizations', 'create') || this.host.requests.blocked) return;
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
      ...this.host.sessionLength,
      ...this.host.localeFor(SMS_LOCALES),
    };
    const res = await this.host.request('organizations', 'organization-select', (api, signal) =>
      api.exchangeIntermediateSession(body, { signal }),
    );
    this.picking = undefined;
    this.update();
    if (res) this.finish(res);
  }

  /** Shows a failure of these steps; false when the element's own handling applies. */
  failed(error: OtpAuthError, step: OtpStep): boolean {
    this.slugRefused = step === 'create' && error.error_type.includes('slug');
    // The discovery login expired: the list can no longer work, a new code will.
    if (
      error.error_type !== 'intermediate_session_not_found' ||
      !this.host.steps.is('organizations', 'create')
    ) {
      return false;
    }
    this.host.restart();
    this.host.error = this.host.msg.discoveryExpired;
    return true;
  }

  /** Left for the email step: nothing picked, the host's picker closed. */
  reset(): void {
    this.picking = undefined;
    this.hostPicks = false;
  }

  /** Escape on these steps: the create form back to the list, the list back to the email. */
  back(): void {
    if (this.host.steps.is('create')) this.closeCreate();
    else this.host.restart();
  }

  private openCreate(): void {
    if (this.host.requests.blocked) return;
    this.host.steps.go('create');
    this.host.error = '';
    void this.host.focusStep();
  }

  private closeCreate = (): void => {
    const { requests } = this.host;
    requests.abort();
    if (!requests.retry.active) this.host.error = '';
    this.host.steps.go('organizations');
    void this.host.focusStep();
  };

  private async create(event: SubmitEvent): Promise<void> {
    event.preventDefault();
    if (this.host.requests.blocked) return;
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
      ...this.host.sessionLength,
    };
    const res = await this.host.request('create', 'organization-create', (api, signal) =>
      api.createOrganizationViaDiscovery(body, { signal }),
    );
    if (!res) return;
    const { organization, member } = res;
    this.host.dispatchEvent(new OtpOrganizationCreatedEvent({ organization, member }));
    this.finish(res);
  }

  private edit(change: (form: NewOrganization, value: string) => NewOrganization) {
    return (event: InputEvent) => {
      const form = this.newOrg ?? emptyOrganization();
      this.newOrg = change(form, (event.target as HTMLInputElement).value);
      this.host.clearError();
      this.update();
    };
  }

  render(step: Step): TemplateResult {
    const { host } = this;
    const m = host.msg;
    const { blocked, busy } = host.requests;
    if (step === 'organizations') {
      return renderOrganizationsStep({
        organizations: this.organizations,
        msg: m,
        pending: this.picking,
        blocked,
        busy,
        select: (id) => void this.select(id),
        label: (text, busy) => host.renderLabel(text, busy, m.busy),
        heading: host.renderHeading(m.organizationsHeading, true),
        email: this.email,
        error: host.renderError(),
        ownPicker: this.hostPicks,
        create: host.allowCreate ? () => this.openCreate() : undefined,
        changeEmail: () => host.restart(),
      });
    }
    const { name, slug, nameBad, slugBad } = this.newOrg ?? emptyOrganization();
    const error = host.renderError();
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
      heading: host.renderHeading(m.createOrganization),
      submit: host.renderSubmit(m.createSubmit, m.busy),
      onSubmit: (event) => void this.create(event),
      onName: this.edit(withName),
      onSlug: this.edit(withSlug),
      back: html`<button part="link" type="button" @click=${this.closeCreate}>
        ${m.backToOrganizations}
      </button>`,
    });
  }
}
