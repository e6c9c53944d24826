import type { Member, MemberSession, Organization } from '../client/types.js';

export interface OtpStepUpCompleteDetail {
  member: Member;
  organization: Organization;
  /** The session, now carrying the SMS factor. */
  member_session: MemberSession;
}

/** An existing session was stepped up with an SMS code. */
export class OtpStepUpCompleteEvent extends CustomEvent<OtpStepUpCompleteDetail> {
  constructor(detail: OtpStepUpCompleteDetail) {
    super('otp-step-up-complete', { bubbles: true, composed: true, detail });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'otp-step-up-complete': OtpStepUpCompleteEvent;
  }
}
