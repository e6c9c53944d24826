// Registers <otp-email-auth> and the <otp-sms-stepup> it renders (each only if the name is free).
// The <otp-code-field> they render is registered when the first code is on its way.
import './sms-stepup.js';
import { OtpEmailAuth } from '../email-auth/otp-email-auth.js';
import { defineElement } from '../internal/define.js';

defineElement('otp-email-auth', OtpEmailAuth);

export { OtpEmailAuth };
