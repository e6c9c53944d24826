import type { OtpAuthError } from '../client/otp-auth-error.js';

/** `send`: the SMS step before a code was sent (sending, or loading the session for step-up). */
export type OtpStep = 'email' | 'code' | 'phone' | 'send';
export type OtpAction =
  'email-send' | 'email-authenticate' | 'sms-send' | 'sms-authenticate' | 'session';

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
