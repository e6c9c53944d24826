export interface OtpCodeSentDetail {
  channel: 'email' | 'sms';
  /** The email address, or the phone number as the member sees it (masked when the server masked it). */
  to: string;
  /** Lifetime of the code when the server answered, in seconds. */
  expires_in_seconds: number;
  member_id: string;
  organization_id: string;
}

/** A one-time code was sent (or, for SMS after primary login, was already sent by the server). */
export class OtpCodeSentEvent extends CustomEvent<OtpCodeSentDetail> {
  constructor(detail: OtpCodeSentDetail) {
    super('otp-code-sent', { bubbles: true, composed: true, detail });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'otp-code-sent': OtpCodeSentEvent;
  }
}
