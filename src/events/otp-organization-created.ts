import type { Member, Organization } from '../client/types.js';

export interface OtpOrganizationCreatedDetail {
  organization: Organization;
  /** The creator, its first member (Stytch grants it `stytch_admin`). */
  member: Member;
}

/**
 * The member created an organization after discovery. `otp-session-created` (or, when the new
 * organization requires it, MFA) follows.
 */
export class OtpOrganizationCreatedEvent extends CustomEvent<OtpOrganizationCreatedDetail> {
  constructor(detail: OtpOrganizationCreatedDetail) {
    super('otp-organization-created', { bubbles: true, composed: true, detail });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'otp-organization-created': OtpOrganizationCreatedEvent;
  }
}
