import type { OtpStep } from './otp-error.js';

export interface OtpCancelDetail {
  /** The step the member left. */
  step: OtpStep;
  /** `cancel`: the Cancel button; `escape`: the Escape key. */
  reason: 'cancel' | 'escape';
}

/**
 * The member cancelled a step-up (`<otp-sms-stepup mode="step-up">`): close the dialog or undo
 * what asked for it. Cancelable: `preventDefault()` keeps the member in the step (to ask first,
 * say); otherwise the element stops its requests and timers and shows that it was cancelled.
 */
export class OtpCancelEvent extends CustomEvent<OtpCancelDetail> {
  constructor(detail: OtpCancelDetail) {
    super('otp-cancel', { bubbles: true, composed: true, cancelable: true, detail });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'otp-cancel': OtpCancelEvent;
  }
}
