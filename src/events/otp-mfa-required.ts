import type { Member, MfaRequired, Organization } from '../client/types.js';

export interface OtpMfaRequiredDetail {
  member: Member;
  organization: Organization;
  /** Stytch's `mfa_required` object, named like the `<otp-sms-stepup>` property it feeds. */
  mfaRequired: MfaRequired;
  /** True when the server already texted a code (`secondary_auth_initiated === 'sms_otp'`). */
  smsSent: boolean;
}

/**
 * The primary factor succeeded and a second factor is needed. Cancel it (`preventDefault()`) to run
 * the second step yourself instead of the inline `<otp-sms-stepup>`.
 */
export class OtpMfaRequiredEvent extends CustomEvent<OtpMfaRequiredDetail> {
  constructor(detail: OtpMfaRequiredDetail) {
    super('otp-mfa-required', { bubbles: true, composed: true, cancelable: true, detail });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'otp-mfa-required': OtpMfaRequiredEvent;
  }
}
