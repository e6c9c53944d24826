export interface OtpCodeCompleteDetail {
  /** The full code, ASCII digits only. */
  value: string;
}

/**
 * The member finished entering a code (typing, paste, autofill or WebOTP). Cancel it to stop the
 * field from submitting its form.
 */
export class OtpCodeCompleteEvent extends CustomEvent<OtpCodeCompleteDetail> {
  constructor(detail: OtpCodeCompleteDetail) {
    super('otp-code-complete', { bubbles: true, composed: true, cancelable: true, detail });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'otp-code-complete': OtpCodeCompleteEvent;
  }
}
