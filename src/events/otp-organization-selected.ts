import type { DiscoveredOrganization, Organization } from '../client/types.js';

export interface OtpOrganizationSelectedDetail {
  organization: Organization;
  /** Stytch's `membership`: `type` (`active_member`, `invited_member`, `eligible_to_join_by_email_domain`…), `details`, `member`. */
  membership: DiscoveredOrganization['membership'];
}

/** An organization was picked after discovery; signing in to it (or joining it) starts. */
export class OtpOrganizationSelectedEvent extends CustomEvent<OtpOrganizationSelectedDetail> {
  constructor(detail: OtpOrganizationSelectedDetail) {
    super('otp-organization-selected', { bubbles: true, composed: true, detail });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'otp-organization-selected': OtpOrganizationSelectedEvent;
  }
}
