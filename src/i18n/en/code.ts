// English of the code step: loaded with <otp-code-field> (the code-step chunk of the script-tag file).
import { addEnglish } from '../english.js';
import type { OtpMessagesOverride } from '../messages.js';

const plural = (n: number, one: string, other: string) => `${n} ${n === 1 ? one : other}`;

export const code = {
  emailCodeHeading: 'Check your email',
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
  sendLimited: (seconds) =>
    `Too many codes requested. You can request a new one in ${
      seconds < 120 ? `${seconds} s` : plural(Math.ceil(seconds / 60), 'minute', 'minutes')
    }.`,
  codeNotNewest: 'That code is not right. Only the newest code works: use the latest message.',
  edit: 'Edit',
  signedIn: 'You are signed in.',
  mfaRequired: 'One more step is needed to sign in.',
  errors: {
    otp_code_not_found: 'That code is not right. Check it and try again.',
    invalid_code: 'That code is not right. Check it and try again.',
    unable_to_auth_otp_code: 'This code has expired or was already used. Request a new one.',
  },
} satisfies OtpMessagesOverride;

addEnglish(code);
