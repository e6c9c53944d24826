// English of the first step and of what any step may show: busy texts, lockout, the errors of
// sending; each later step's outcomes and errors come with its part.
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

  errors: {
    default: 'Something went wrong. Please try again.',
    network_error: 'We could not reach the server. Check your connection and try again.',
    timeout: 'The server took too long to answer. Please try again.',
    too_many_requests: 'Too many attempts. Please wait, then try again.',
    invalid_email: 'Enter an email address like name@example.com.',
    email_jit_provisioning_not_allowed: 'This email address cannot sign in to this organization.',
    invalid_email_for_jit_provisioning:
      'You cannot join this organization with this email yet. Ask its admin for an invite.',
  },
} satisfies Partial<OtpMessages>;
