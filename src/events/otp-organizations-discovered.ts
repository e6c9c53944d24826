import type { DiscoveredOrganization } from '../client/types.js';

export interface OtpOrganizationsDiscoveredDetail {
  /** The address the code was proven for. */
  emailAddress: string;
  /** Stytch's Discovered Organization objects: `organization`, `membership`, `member_authenticated`, `mfa_required`… */
  organizations: DiscoveredOrganization[];
}

/**
 * The discovery code was right and these are the member's organizations (memberships, invites,
 * and those the email domain may join). Cancel it (`preventDefault()`) to show your own picker,
 * then call `selectOrganization(organizationId)` on the element.
 */
export class OtpOrganizationsDiscoveredEvent extends CustomEvent<OtpOrganizationsDiscoveredDetail> {
  constructor(detail: OtpOrganizationsDiscoveredDetail) {
    super('otp-organizations-discovered', {
      bubbles: true,
      composed: true,
      cancelable: true,
      detail,
    });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'otp-organizations-discovered': OtpOrganizationsDiscoveredEvent;
  }
}
