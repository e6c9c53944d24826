import { isSupportedCountry, parsePhoneNumberFromString } from 'libphonenumber-js/min';
import { invalidField, type FieldRule } from './schema.js';

const E164 = /^\+[1-9]\d{6,14}$/;

/** Stytch's own default SMS countries. */
export const DEFAULT_SMS_COUNTRIES = ['US', 'CA'] as const;

/**
 * The region (ISO 3166 alpha-2) a phone number belongs to. A NANP number (+1) whose area code is
 * not assigned to any country, like the fictional `+1 555 555 01xx`, counts as US: it cannot reach
 * another country's (premium) lines, and examples and tests use such numbers.
 */
export function phoneRegion(phone: string): string | undefined {
  const parsed = parsePhoneNumberFromString(phone);
  if (parsed?.country) return parsed.country;
  return /^\+1\d{10}$/.test(phone) ? 'US' : undefined;
}

export function checkSmsCountries(countries: readonly string[]): ReadonlySet<string> {
  for (const country of countries) {
    if (typeof country !== 'string' || !isSupportedCountry(country)) {
      throw new TypeError(`createGateway: smsCountries has an unknown region code: ${country}`);
    }
  }
  return new Set(countries);
}

/**
 * `mfa_phone_number`: E.164, and in a region SMS may go to (SMS toll fraud: numbers of premium
 * ranges abroad). Refused with Stytch's `invalid_phone_number_country_code` before anything is sent.
 */
export function smsPhone(allowed: ReadonlySet<string>): FieldRule {
  return (value, field) => {
    if (value === undefined || value === null) return undefined;
    if (typeof value !== 'string' || !E164.test(value)) {
      throw invalidField(
        field,
        'must be an E.164 number such as +15551234567.',
        'invalid_phone_number',
      );
    }
    const region = phoneRegion(value);
    if (region === undefined || !allowed.has(region)) {
      const list = [...allowed].join(', ');
      throw invalidField(
        field,
        `is in a country SMS cannot be sent to here (allowed: ${list}).`,
        'invalid_phone_number_country_code',
      );
    }
    return value;
  };
}
