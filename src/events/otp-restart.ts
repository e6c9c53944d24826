export interface OtpRestartDetail {
  /** Why the flow must start again, e.g. `intermediate_session_not_found`. */
  reason: string;
}

/**
 * The second step cannot continue (the intermediate session expired or was used) and the member
 * chose "Start again". `<otp-email-auth>` handles it by returning to its email step.
 */
export class OtpRestartEvent extends CustomEvent<OtpRestartDetail> {
  constructor(detail: OtpRestartDetail) {
    super('otp-restart', { bubbles: true, composed: true, detail });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'otp-restart': OtpRestartEvent;
  }
}
