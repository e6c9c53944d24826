import type { OtpAuthError } from '../client/otp-auth-error.js';

/**
 * `send`: the SMS step before a code was sent (sending, or loading the session for step-up);
 * `organizations`, `create`: the discovery login's list and its create form.
 */
export type OtpStep = 'email' | 'code' | 'phone' | 'send' | 'organizations' | 'create';
export type OtpAction =
  | 'email-send'
  | 'email-authenticate'
  | 'sms-send'
  | 'sms-authenticate'
  | 'session'
  | 'discovery-send'
  | 'discovery-authenticate'
  | 'organization-select'
  | 'organization-create';

export interface OtpErrorDetail {
  error: OtpAuthError;
  /** The step shown when the request failed. */
  step: OtpStep;
  action: OtpAction;
}

/** A request failed; the element shows a message and stays usable. */
export class OtpErrorEvent extends CustomEvent<OtpErrorDetail> {
  constructor(detail: OtpErrorDetail) {
    super('otp-error', { bubbles: true, composed: true, detail });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'otp-error': OtpErrorEvent;
  }
}
