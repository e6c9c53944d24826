// Registers <otp-code-field> (only if the name is free).
import { OtpCodeField } from '../code-field/otp-code-field.js';
import { defineElement } from '../internal/define.js';

defineElement('otp-code-field', OtpCodeField);

export { OtpCodeField };
export { OtpCodeCompleteEvent, type OtpCodeCompleteDetail } from '../events/otp-code-complete.js';
