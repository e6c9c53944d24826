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
  codeResent: (to: string) => string;
  changeEmail: string;

  // Rate limiting (429 + Retry-After)
  retryIn: (seconds: number) => string;
  retryAvailable: string;

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
