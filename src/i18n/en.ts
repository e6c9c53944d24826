import { base } from './en/base.js';
import { code } from './en/code.js';
import { discovery } from './en/discovery.js';
import { sms } from './en/sms.js';
import type { OtpMessages } from './messages.js';

/**
 * English strings, whole: the built-in default. The elements carry them by step (`en/*`): the
 * first step's with the elements, each later step's with its part.
 */
export const en: OtpMessages = {
  ...base,
  ...code,
  ...sms,
  ...discovery,
  errors: { ...base.errors, ...code.errors, ...sms.errors, ...discovery.errors },
};
