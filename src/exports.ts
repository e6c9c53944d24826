// What the package root and the script-tag file share: every element but <otp-code-field> and
// <otp-sms-stepup>, which the package root adds and the script-tag file loads when a step needs them.
// Attached before any element is defined, so a provider defined later still reaches them.
import './internal/context-root.js';
export { OtpAuthProvider } from './define/provider.js';
export { OtpEmailAuth } from './define/email-auth.js';
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
export { OtpCancelEvent, type OtpCancelDetail } from './events/otp-cancel.js';
export {
  OtpOrganizationsDiscoveredEvent,
  type OtpOrganizationsDiscoveredDetail,
} from './events/otp-organizations-discovered.js';
export {
  OtpOrganizationSelectedEvent,
  type OtpOrganizationSelectedDetail,
} from './events/otp-organization-selected.js';
export {
  OtpOrganizationCreatedEvent,
  type OtpOrganizationCreatedDetail,
} from './events/otp-organization-created.js';
export type { OtpMessages, OtpMessagesOverride } from './i18n/messages.js';
export { registerLocale, OTP_LOCALES, type MessagesLoader } from './i18n/locales.js';
export { otpConfigContext, type OtpConfig } from './internal/context.js';
