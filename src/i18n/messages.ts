/**
 * Every string the elements show or announce. A locale module provides a complete `OtpMessages`;
 * the `messages` property of an element takes a partial override (`errors` merged key by key).
 */
export interface OtpMessages {
  // Email step
  emailHeading: string;
  emailLabel: string;
  emailSubmit: string;
  emailMissing: string;
  emailInvalid: string;
  /** Heading of the email step when the organization's name is known. */
  signInTo: (organization: string) => string;

  // Code step (shared by email and SMS)
  emailCodeHeading: string;
  smsCodeHeading: string;
  codeSentTo: (to: string) => string;
  codeLabel: string;
  codeHint: (length: number) => string;
  codeSubmit: string;
  codeIncomplete: (length: number, entered: number) => string;
  expiresIn: (minutes: number) => string;
  codeExpired: string;
  resend: string;
  resendIn: (seconds: number) => string;
  resendAvailable: string;
  /** Shown and spoken after a resend; `time` is the local time of day it was sent. */
  codeResent: (to: string, time: string) => string;
  /** Spoken when the cooldown starts, and shown when the dimmed resend is pressed. */
  resendWait: (seconds: number) => string;
  /** A resend refused (429 with `Retry-After`): when new codes can be requested; the code at hand still works. */
  sendLimited: (seconds: number) => string;
  /** A wrong code after a resend: only the newest one works. */
  codeNotNewest: string;
  changeEmail: string;
  /** Visible text of the button next to the email on the code step (described by that sentence). */
  edit: string;
  /** Back from the SMS code to the phone number (enrollment). */
  changeNumber: string;
  /** Leaves a step-up. */
  cancel: string;
  /** Shown after a step-up was cancelled. */
  cancelled: string;
  /** Busy texts in the button that sent the request. */
  sending: string;
  verifying: string;

  // Rate limiting (429 + Retry-After)
  retryIn: (seconds: number) => string;
  retryAvailable: string;
  /** Spoken when a dimmed control is pressed during a lockout: why, and how long it still lasts. */
  lockedOut: (seconds: number) => string;
  /** The lockout message (429 with `Retry-After`), spoken once when it starts; `time` is the local time of day it ends. */
  lockedUntil: (time: string) => string;

  // Phone enrollment (SMS step)
  phoneHeading: string;
  phoneIntro: string;
  countryLabel: string;
  phoneLabel: string;
  phoneHint: string;
  phoneSubmit: string;
  phoneMissing: string;
  phoneInvalid: string;
  stepUpHeading: string;
  smsWillSend: (to: string) => string;
  /** Why a second step is asked for, spoken with the heading on arrival. */
  mfaReason: string;
  stepUpReason: string;

  // Discovery: the member's organizations after the code, and creating one
  organizationsHeading: string;
  /** Under the heading: whose organizations these are. */
  organizationsFor: (email: string) => string;
  /** Accessible name of an organization's button: its name and the membership. */
  organizationOption: (organization: string, membership: string) => string;
  /** Membership shown next to an organization: active or pending member, invited, may join by email domain. */
  membershipMember: string;
  membershipInvited: string;
  membershipJoinable: string;
  noOrganizations: (email: string) => string;
  /** The button to the create form, and its heading. */
  createOrganization: string;
  organizationNameLabel: string;
  organizationNameMissing: string;
  organizationSlugLabel: string;
  organizationSlugHint: string;
  organizationSlugInvalid: string;
  createSubmit: string;
  backToOrganizations: string;
  /** The discovery login expired (10 minutes): back to the email step, email kept. */
  discoveryExpired: string;

  // Outcomes
  signedIn: string;
  mfaRequired: string;
  stepUpComplete: string;
  startAgain: string;
  busy: string;

  /**
   * Messages by Stytch `error_type` (plus the client's `network_error`, `timeout`). `default` is
   * used when no entry matches and the server sent no message.
   */
  errors: Record<string, string> & { default: string };
}

/** What the `messages` property accepts: any subset, `errors` merged with the locale's. */
export type OtpMessagesOverride = Partial<Omit<OtpMessages, 'errors'>> & {
  errors?: Record<string, string>;
};
