import './context-root.js';
import { createContext } from '@lit/context';
import type { OtpApi } from '../client/types.js';
import type { OtpMessagesOverride } from '../i18n/messages.js';
import type { Clock } from './clock.js';

/**
 * The configuration an element resolves (own value, else the nearest provider's, else the
 * default) and hands down: `<otp-auth-provider>` to the elements inside it, a flow element to the
 * `<otp-sms-stepup>` it embeds. A new option is one property in `OtpConfigElement` and its name
 * in `CONFIG_KEYS`.
 */
export interface OtpConfig {
  organizationId?: string;
  apiBase?: string;
  locale?: string;
  sessionDurationMinutes?: number;
  resendCooldown?: number;
  client?: OtpApi;
  messages?: OtpMessagesOverride;
  clock?: Clock;
  organizationName?: string;
  headingLevel?: number;
  noCodeBoxes?: boolean;
}

export const CONFIG_KEYS = [
  'organizationId',
  'apiBase',
  'locale',
  'sessionDurationMinutes',
  'resendCooldown',
  'client',
  'messages',
  'clock',
  'organizationName',
  'headingLevel',
  'noCodeBoxes',
] as const satisfies readonly (keyof OtpConfig)[];

export const otpConfigContext = createContext<OtpConfig | undefined>('otp-auth-config');

/** Own values first, then the inherited ones; unset keys are left out. */
export function resolveConfig(own: OtpConfig, inherited: OtpConfig | undefined): OtpConfig {
  const config: OtpConfig = {};
  for (const key of CONFIG_KEYS) {
    const value = own[key] ?? inherited?.[key];
    if (value !== undefined) (config as Record<string, unknown>)[key] = value;
  }
  return config;
}

/** The configuration properties an element sets for itself. */
export function ownConfig(element: OtpConfig): OtpConfig {
  return resolveConfig(element, undefined);
}

export const sameConfig = (a: OtpConfig | undefined, b: OtpConfig) =>
  !!a && CONFIG_KEYS.every((key) => a[key] === b[key]);
