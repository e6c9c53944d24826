import type { OtpAuthError } from '../client/otp-auth-error.js';

export type OtpStep = 'email' | 'code' | 'phone';
export type OtpAction = 'email-send' | 'email-authenticate' | 'sms-send' | 'sms-authenticate';

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
