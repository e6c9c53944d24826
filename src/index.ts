export { OtpEmailAuth } from './email-auth/otp-email-auth.js';
export { OtpSmsStepup } from './sms-stepup/otp-sms-stepup.js';
export { OtpAuthProvider } from './provider/otp-auth-provider.js';
export { OtpCodeField } from './code-field/otp-code-field.js';
export { createOtpClient, OtpAuthError } from './client/index.js';
export type * from './client/index.js';
export { OtpCodeCompleteEvent, type OtpCodeCompleteDetail } from './events/otp-code-complete.js';
export { OtpCodeSentEvent, type OtpCodeSentDetail } from './events/otp-code-sent.js';
export {
  OtpSessionCreatedEvent,
  type OtpSessionCreatedDetail,
} from './events/otp-session-created.js';
export { OtpMfaRequiredEvent, type OtpMfaRequiredDetail } from './events/otp-mfa-required.js';
export {
  OtpErrorEvent,
  type OtpErrorDetail,
  type OtpStep,
  type OtpAction,
} from './events/otp-error.js';
export {
  OtpStepUpCompleteEvent,
  type OtpStepUpCompleteDetail,
} from './events/otp-step-up-complete.js';
export { OtpRestartEvent, type OtpRestartDetail } from './events/otp-restart.js';
export type { OtpMessages, OtpMessagesOverride } from './i18n/messages.js';
export { en } from './i18n/en.js';
export { registerLocale, OTP_LOCALES, type MessagesLoader } from './i18n/locales.js';
export { otpConfigContext, type OtpConfig } from './internal/context.js';
