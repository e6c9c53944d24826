// The package root: registers all four elements and exports their classes, the events, the client
// and the locale API.
export * from './exports.js';
export { OtpCodeField } from './define/code-field.js';
export { OtpSmsStepup } from './define/sms-stepup.js';
// English, whole (the elements load each step's English with the step).
export { en } from './i18n/en.js';
