// English of the first step and of what any step may show: busy texts, lockout, outcomes, errors.
import type { OtpMessages } from '../messages.js';

const retryIn = (seconds: number) =>
  seconds < 120 ? `Try again in ${seconds} s` : `Try again in ${Math.ceil(seconds / 60)} minutes`;

export const base = {
  emailHeading: 'Sign in',
  emailLabel: 'Work email',
  emailSubmit: 'Continue',
  emailMissing: 'Enter your email address.',
  emailInvalid: 'Enter an email address like name@example.com.',
  signInTo: (organization) => `Sign in to ${organization}`,
  // Also the heading of an inline SMS step that could not be loaded, with its way back.
  smsCodeHeading: 'Check your phone',
  changeEmail: 'Use a different email',
  sending: 'Sending…',
  verifying: 'Verifying…',
  busy: 'Please wait…',

  retryIn,
  retryAvailable: 'You can try again now.',
  lockedOut: (seconds) => `Too many attempts. ${retryIn(seconds)}.`,
  lockedUntil: (time) => `Too many attempts. Try again at ${time}.`,

  discoveryExpired: 'Your sign-in has expired. Continue with your email to get a new code.',
  signedIn: 'You are signed in.',
  mfaRequired: 'One more step is needed to sign in.',
  stepUpComplete: 'Verified.',

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
} satisfies Partial<OtpMessages>;
