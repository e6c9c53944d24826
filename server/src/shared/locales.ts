// Locales Stytch accepts for OTP messages (stytch-node types/lib/b2b/otp_email.d.ts and
// otp_sms.d.ts, v14): email knows four, SMS sixteen.

export const EMAIL_LOCALES = ['en', 'es', 'pt-br', 'fr'] as const;

export const SMS_LOCALES = [
  'en',
  'es',
  'pt-br',
  'fr',
  'it',
  'de-DE',
  'zh-Hans',
  'ca-ES',
  'ja',
  'ru',
  'nl',
  'pl',
  'tr',
  'fa',
  'vi',
  'cs',
] as const;

export type EmailLocale = (typeof EMAIL_LOCALES)[number];
export type SmsLocale = (typeof SMS_LOCALES)[number];
