import type { OtpMessages } from './messages.js';

const plural = (n: number, one: string, other: string) => `${n} ${n === 1 ? one : other}`;

/** English strings: the built-in default, bundled with the elements. */
export const en: OtpMessages = {
  emailHeading: 'Sign in',
  emailLabel: 'Work email',
  emailSubmit: 'Continue',
  emailMissing: 'Enter your email address.',
  emailInvalid: 'Enter an email address like name@example.com.',

  emailCodeHeading: 'Check your email',
  smsCodeHeading: 'Check your phone',
  codeSentTo: (to) => `We sent a code to ${to}.`,
  codeLabel: 'Verification code',
  codeHint: (length) => `Enter the ${length}-digit code.`,
  codeSubmit: 'Verify',
  codeIncomplete: (length, entered) =>
    entered
      ? `The code has ${length} digits; you entered ${entered}.`
      : `Enter the ${length}-digit code.`,
  expiresIn: (minutes) => `The code expires in ${plural(minutes, 'minute', 'minutes')}.`,
  codeExpired: 'The code has expired. Request a new one.',
  resend: 'Send a new code',
  resendIn: (seconds) => `Available in ${seconds} s`,
  resendAvailable: 'You can request a new code now.',
  codeResent: (to) => `We sent a new code to ${to}.`,
  changeEmail: 'Use a different email',

  retryIn: (seconds) =>
    seconds < 120 ? `Try again in ${seconds} s` : `Try again in ${Math.ceil(seconds / 60)} minutes`,
  retryAvailable: 'You can try again now.',

  phoneHeading: 'Add a phone number',
  phoneIntro: 'We will text a code to this number to confirm it is you.',
  countryLabel: 'Country code',
  phoneLabel: 'Mobile number',
  phoneHint: 'Without the country code.',
  phoneSubmit: 'Send code',
  phoneMissing: 'Enter your mobile number.',
  phoneInvalid: 'Enter a valid mobile number: choose the country code, then the number.',
  stepUpHeading: 'Confirm it is you',
  smsWillSend: (to) => `We will text a code to ${to}.`,

  signedIn: 'You are signed in.',
  mfaRequired: 'One more step is needed to sign in.',
  stepUpComplete: 'Verified.',
  startAgain: 'Start again',
  busy: 'Please wait…',

  errors: {
    default: 'Something went wrong. Please try again.',
    network_error: 'We could not reach the server. Check your connection and try again.',
    timeout: 'The server took too long to answer. Please try again.',
    otp_code_not_found: 'That code is not right. Check it and try again.',
    invalid_code: 'That code is not right. Check it and try again.',
    unable_to_auth_otp_code: 'This code has expired or was already used. Request a new one.',
    too_many_requests: 'Too many attempts. Please wait, then try again.',
    intermediate_session_not_found: 'Your sign-in has expired. Please start again.',
    invalid_email: 'Enter an email address like name@example.com.',
    email_jit_provisioning_not_allowed: 'This email address cannot sign in to this organization.',
    invalid_phone_number: 'This phone number is not valid. Check it and try again.',
    duplicate_member_phone_number: 'This phone number is already in use. Use another number.',
    no_session_arguments: 'Your sign-in has expired. Please start again.',
    session_not_found: 'Your session has ended. Please sign in again.',
    unauthorized_credentials: 'Your session has ended. Please sign in again.',
  },
};
