import { html, nothing, type TemplateResult } from 'lit';
import type { DiscoveredOrganization, MembershipType } from '../client/types.js';
import '../i18n/en/discovery.js';
import type { OtpMessages } from '../i18n/messages.js';

// The create form's state, loaded with the views.
export { checked, emptyOrganization, withName, withSlug } from './new-organization.js';

/** The membership as the list says it: member, invited, or may join. */
export function membershipLabel(type: MembershipType, m: OtpMessages): string {
  if (type === 'invited_member') return m.membershipInvited;
  return type.startsWith('eligible') ? m.membershipJoinable : m.membershipMember;
}

export interface OrganizationListOptions {
  organizations: readonly DiscoveredOrganization[];
  msg: OtpMessages;
  /** The organization being signed in to, while its request is in flight. */
  pending?: string;
  /** A request is in flight or a wait runs: the buttons say so and do nothing. */
  blocked: boolean;
  select: (organizationId: string) => void;
  /** Renders a button's label, busy or not (the flow element's spinner and sizing). */
  label: (text: string, busy: boolean) => TemplateResult;
}

/**
 * The discovered organizations as a list of buttons. Each button's accessible name says the
 * organization and the membership ("Acme — member"); the visible text shows both too.
 */
export function renderOrganizationList(options: OrganizationListOptions): TemplateResult {
  const { organizations, msg: m, pending, blocked, select, label } = options;
  return html`<ul part="organization-list">
    ${organizations.map(({ organization, membership }) => {
      const id = organization.organization_id;
      const name = organization.organization_name;
      const kind = membershipLabel(membership.type, m);
      const busy = pending === id;
      return html`<li>
        <button
          part="organization"
          type="button"
          class=${busy ? 'busy' : ''}
          aria-label=${busy ? nothing : m.organizationOption(name, kind)}
          aria-disabled=${blocked}
          data-organization-id=${id}
          @click=${() => select(id)}
        >
          ${
            busy
              ? label(name, true)
              : html`<span part="organization-name">${name}</span>
                  <span part="organization-membership">${kind}</span>`
          }
        </button>
      </li>`;
    })}
  </ul>`;
}

export interface OrganizationsStepOptions extends OrganizationListOptions {
  heading: TemplateResult;
  /** The address the code was proven for. */
  email: string;
  error: unknown;
  busy: boolean;
  /** The host shows its own picker: heading, error and the way back only. */
  ownPicker: boolean;
  /** Offers to create an organization when given. */
  create?: () => void;
  changeEmail: () => void;
}

/** The organizations step: whose they are, the list (or that none was found), create, way back. */
export function renderOrganizationsStep(o: OrganizationsStepOptions): TemplateResult {
  const m = o.msg;
  const back = html`<div class="links">
    <button part="link" type="button" @click=${o.changeEmail}>${m.changeEmail}</button>
  </div>`;
  if (o.ownPicker) {
    return html`<div class="outcome">${o.heading} ${o.error} ${back}</div>`;
  }
  const found = o.organizations.length > 0;
  return html`<div class="outcome" aria-busy=${o.busy}>
    ${o.heading}
    <p part="hint" class="sent-to">
      ${found ? m.organizationsFor(o.email) : m.noOrganizations(o.email)}
    </p>
    ${found ? renderOrganizationList(o) : nothing} ${o.error}
    ${
      o.create
        ? html`<button
            part="secondary-button"
            type="button"
            aria-disabled=${o.blocked}
            @click=${o.create}
          >
            ${m.createOrganization}
          </button>`
        : nothing
    }
    ${back}
  </div>`;
}

export interface CreateFormOptions {
  msg: OtpMessages;
  name: string;
  slug: string;
  nameError: boolean;
  slugError: boolean;
  /** The server refused the slug (taken): the step's alert (`#error`) says why. */
  slugTaken: boolean;
  busy: boolean;
  error: unknown;
  submit: TemplateResult;
  heading: TemplateResult;
  onSubmit: (event: SubmitEvent) => void;
  onName: (event: InputEvent) => void;
  onSlug: (event: InputEvent) => void;
  back: TemplateResult;
}

/** Name and slug of a new organization; the slug is checked as it is typed. */
export function renderCreateForm(o: CreateFormOptions): TemplateResult {
  const m = o.msg;
  return html`<form part="form" novalidate aria-busy=${o.busy} @submit=${o.onSubmit}>
    ${o.heading}
    <label part="label" for="organization-name">${m.organizationNameLabel}</label>
    <input
      part="input"
      id="organization-name"
      name="organization_name"
      autocomplete="organization"
      required
      maxlength="128"
      data-autofocus
      .value=${o.name}
      ?readonly=${o.busy}
      aria-invalid=${o.nameError ? 'true' : nothing}
      aria-describedby=${o.nameError ? 'organization-name-error' : nothing}
      @input=${o.onName}
    />
    ${
      o.nameError
        ? html`<p part="error" id="organization-name-error">${m.organizationNameMissing}</p>`
        : nothing
    }
    <label part="label" for="organization-slug">${m.organizationSlugLabel}</label>
    <input
      part="input"
      id="organization-slug"
      name="organization_slug"
      autocomplete="off"
      spellcheck="false"
      autocapitalize="off"
      required
      maxlength="128"
      .value=${o.slug}
      ?readonly=${o.busy}
      aria-invalid=${o.slugError || o.slugTaken ? 'true' : nothing}
      aria-describedby=${
        o.slugError
          ? 'organization-slug-error'
          : o.slugTaken
            ? 'organization-slug-hint error'
            : 'organization-slug-hint'
      }
      @input=${o.onSlug}
    />
    ${
      o.slugError
        ? html`<p part="error" id="organization-slug-error" role="alert">
            ${m.organizationSlugInvalid}
          </p>`
        : html`<p part="hint" id="organization-slug-hint">${m.organizationSlugHint}</p>`
    }
    ${o.error} ${o.submit}
    <div class="links">${o.back}</div>
  </form>`;
}
