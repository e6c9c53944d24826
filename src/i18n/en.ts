import type { OtpMessages } from './messages.js';

const plural = (n: number, one: string, other: string) => `${n} ${n === 1 ? one : other}`;
const retryIn = (seconds: number) =>
  seconds < 120 ? `Try again in ${seconds} s` : `Try again in ${Math.ceil(seconds / 60)} minutes`;

/** English strings: the built-in default, bundled with the elements. */
export const en: OtpMessages = {
  emailHeading: 'Sign in',
  emailLabel: 'Work email',
  emailSubmit: 'Continue',
  emailMissing: 'Enter your email address.',
  emailInvalid: 'Enter an email address like name@example.com.',
  signInTo: (organization) => `Sign in to ${organization}`,

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
  codeResent: (to, time) => `New code sent to ${to} at ${time}.`,
  resendWait: (seconds) => `You can request a new code in ${seconds} s.`,
  codeNotNewest: 'That code is not right. Only the newest code works: use the latest message.',
  changeEmail: 'Use a different email',
  edit: 'Edit',
  changeNumber: 'Change number',
  cancel: 'Cancel',
  cancelled: 'Verification cancelled.',
  sending: 'Sending…',
  verifying: 'Verifying…',

  retryIn,
  retryAvailable: 'You can try again now.',
  lockedOut: (seconds) => `Too many attempts. ${retryIn(seconds)}.`,

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
  mfaReason: 'Your organization requires a second step.',
  stepUpReason: 'This action requires a second step.',

  organizationsHeading: 'Choose an organization',
  organizationsFor: (email) => `Organizations for ${email}`,
  organizationOption: (organization, membership) => `${organization} — ${membership}`,
  membershipMember: 'member',
  membershipInvited: 'invited',
  membershipJoinable: 'you can join',
  noOrganizations: (email) => `No organization was found for ${email}.`,
  createOrganization: 'Create an organization',
  organizationNameLabel: 'Organization name',
  organizationNameMissing: 'Enter a name for the organization.',
  organizationSlugLabel: 'Short name (used in links)',
  organizationSlugHint: '2 to 128 letters, digits or - . _ ~',
  organizationSlugInvalid: 'Use 2 to 128 letters, digits or - . _ ~ (no spaces).',
  createSubmit: 'Create and sign in',
  backToOrganizations: 'Back to organizations',
  discoveryExpired: 'Your sign-in has expired. Continue with your email to get a new code.',

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
    organization_slug_already_used: 'This short name is taken. Choose another one.',
    organization_creation_not_allowed: 'New organizations cannot be created here.',
    invalid_email_for_jit_provisioning:
      'You cannot join this organization with this email yet. Ask its admin for an invite.',
  },
};
