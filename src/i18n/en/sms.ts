// English of the SMS and phone steps: loaded with <otp-sms-stepup>.
import { addEnglish } from '../english.js';
import type { OtpMessagesOverride } from '../messages.js';

export const sms = {
  changeNumber: 'Change number',
  cancel: 'Cancel',
  cancelled: 'Verification cancelled.',
  startAgain: 'Start again',
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
  stepUpComplete: 'Verified.',
  errors: {
    intermediate_session_not_found: 'Your sign-in has expired. Please start again.',
    invalid_phone_number: 'This phone number is not valid. Check it and try again.',
    duplicate_member_phone_number: 'This phone number is already in use. Use another number.',
    no_session_arguments: 'Your sign-in has expired. Please start again.',
    session_not_found: 'Your session has ended. Please sign in again.',
    unauthorized_credentials: 'Your session has ended. Please sign in again.',
  },
} satisfies OtpMessagesOverride;

addEnglish(sms);
