// The package root: registers all four elements and exports their classes, the events, the client
// and the locale API.
export * from './exports.js';
export { OtpCodeField } from './define/code-field.js';
export { OtpSmsStepup } from './define/sms-stepup.js';
