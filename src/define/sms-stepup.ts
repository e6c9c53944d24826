// Registers <otp-sms-stepup> (only if the name is free). The <otp-code-field> it renders is
// registered when its first code is on its way (a chunk of its own in bundles).
import { OtpSmsStepup } from '../sms-stepup/otp-sms-stepup.js';
import { defineElement } from '../internal/define.js';

defineElement('otp-sms-stepup', OtpSmsStepup);

export { OtpSmsStepup };
