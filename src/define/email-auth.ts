// Registers <otp-email-auth> (only if the name is free). The <otp-code-field> it renders is
// registered when the first code is on its way, the <otp-sms-stepup> when MFA continues inline.
import { OtpEmailAuth } from '../email-auth/otp-email-auth.js';
import { defineElement } from '../internal/define.js';

defineElement('otp-email-auth', OtpEmailAuth);

export { OtpEmailAuth };
