export interface OtpCodeSentDetail {
  channel: 'email' | 'sms';
  /** The email address, or the phone number as the member sees it (masked when the server masked it). */
  to: string;
  /** Lifetime of the code when the server answered, in seconds. */
  expiresInSeconds: number;
  /** Empty in the discovery login (the organization is picked after the code). */
  memberId: string;
  /** Empty in the discovery login. */
  organizationId: string;
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
