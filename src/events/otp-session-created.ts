import type { Member, MemberSession, Organization } from '../client/types.js';

export interface OtpSessionCreatedDetail {
  member: Member;
  organization: Organization;
  member_session: MemberSession;
  /** Only when the gateway exposes tokens (off by default: they stay in HttpOnly cookies). */
  session_token?: string;
  session_jwt?: string;
}

/** The member is signed in: the gateway has set the session cookie. */
export class OtpSessionCreatedEvent extends CustomEvent<OtpSessionCreatedDetail> {
  constructor(detail: OtpSessionCreatedDetail) {
    super('otp-session-created', { bubbles: true, composed: true, detail });
  }
}

declare global {
  interface GlobalEventHandlersEventMap {
    'otp-session-created': OtpSessionCreatedEvent;
  }
}
