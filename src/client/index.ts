export { createOtpClient } from './otp-client.js';
export type { OtpClientOptions } from './otp-client.js';
export { OtpAuthError } from './otp-auth-error.js';
export type { ClientErrorType, OtpAuthErrorInit } from './otp-auth-error.js';
export type * from './types.js';
