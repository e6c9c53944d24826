// Organization rules Stytch applies to emails and phone numbers, each with its reference.

import { ApiError, badRequest } from './errors.js';
import type { MemberRecord, OrganizationRecord } from './types.js';

export const emailDomain = (email: string) => email.slice(email.lastIndexOf('@') + 1);

/**
 * "Stytch disallows setting certain common email domains on the email_allowed_domains array" (B2B
 * guide "JIT provision members", by email domain). The list names providers; any of their country
 * domains (gmail.com, yahoo.co.uk, mail.ru…) is refused.
 */
const COMMON_PROVIDERS = new Set(
  (
    'gmail aol yahoo icloud hotmail msn comcast live outlook att earthlink me mac sbcglobal verizon ' +
    'ig mail hey laposte wanadoo googlemail orange rediffmail uol bol free gmx yandex ymail libero'
  ).split(' '),
);

export function isCommonEmailDomain(domain: string): boolean {
  const [provider, ...suffix] = domain.toLowerCase().split('.');
  return (
    COMMON_PROVIDERS.has(provider!) &&
    suffix.length >= 1 &&
    suffix.length <= 2 &&
    suffix.every((label) => label.length <= 3)
  );
}

/** 400 `organization_settings_domain_too_common` (Stytch error type list) for a consumer domain. */
export function assertAllowedDomains(domains: readonly string[]): void {
  const common = domains.find(isCommonEmailDomain);
  if (common) {
    throw badRequest(
      'organization_settings_domain_too_common',
      `${common} is a common email provider and cannot be an allowed domain.`,
    );
  }
}

export const domainAllowed = (org: OrganizationRecord, email: string) =>
  org.email_allowed_domains.includes(emailDomain(email).toLowerCase());

/**
 * Email JIT provisioning for an address that is not a member: `email_jit_provisioning_not_allowed`
 * when the organization does not allow it, `invalid_email_for_jit_provisioning` when the domain is not
 * allowed (the two errors stytch-browser's B2B EmailForm treats as "cannot join"). HTTP status 403 is
 * not confirmed by a primary source.
 */
export function assertMayProvision(org: OrganizationRecord, email: string): void {
  if (org.email_jit_provisioning !== 'RESTRICTED') {
    throw new ApiError(
      403,
      'email_jit_provisioning_not_allowed',
      'This organization does not allow new members to join by email; the address must be invited.',
    );
  }
  if (!domainAllowed(org, email)) {
    throw new ApiError(
      403,
      'invalid_email_for_jit_provisioning',
      "This email address's domain is not one of the organization's allowed domains.",
    );
  }
}

/** MFA applies to the member: the organization requires it, or the member enrolled. */
export const mfaRequired = (org: OrganizationRecord, member: MemberRecord) =>
  org.mfa_policy === 'REQUIRED_FOR_ALL' || member.mfa_enrolled;

/** `primary_required` when the organization restricts primary methods and email OTP is not one. */
export function primaryRequired(
  org: OrganizationRecord,
): { allowed_auth_methods: string[] } | null {
  if (org.auth_methods !== 'RESTRICTED' || org.allowed_auth_methods.includes('email_otp'))
    return null;
  return { allowed_auth_methods: [...org.allowed_auth_methods] };
}

export function assertEmailOtpAllowed(org: OrganizationRecord): void {
  if (primaryRequired(org)) {
    throw badRequest(
      'operation_restricted_by_organization_auth_methods',
      'This organization does not allow email one-time passcodes.',
    );
  }
}

export function assertSmsAllowed(org: OrganizationRecord): void {
  if (org.mfa_methods === 'RESTRICTED' && !org.allowed_mfa_methods.includes('sms_otp')) {
    throw badRequest(
      'operation_restricted_by_organization_mfa_methods',
      'This organization does not allow SMS one-time passcodes as an MFA method.',
    );
  }
}

/**
 * SMS outside the allowed calling codes is `invalid_phone_number_country_code` (Stytch's error type
 * list). Stytch projects start with SMS to US and Canada only (+1); others are enabled per project,
 * here with the `smsCallingCodes` option.
 */
export function assertSmsCountry(phone: string, callingCodes: readonly string[]): void {
  if (!callingCodes.some((code) => phone.startsWith(`+${code}`))) {
    throw badRequest(
      'invalid_phone_number_country_code',
      `SMS to this country is not enabled; allowed calling codes: ${callingCodes.map((c) => `+${c}`).join(', ')}.`,
    );
  }
}
