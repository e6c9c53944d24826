export type OtpAction = 'send' | 'authenticate';
export type OtpChannel = 'email' | 'sms';

export interface OtpOperation {
  action: OtpAction;
  channel: OtpChannel;
}

/** The upstream paths the limits apply to; every other path is left alone. */
export const OTP_OPERATIONS: Readonly<Record<string, OtpOperation>> = {
  '/v1/b2b/otps/email/login_or_signup': { action: 'send', channel: 'email' },
  '/v1/b2b/otps/email/authenticate': { action: 'authenticate', channel: 'email' },
  '/v1/b2b/otps/email/discovery/send': { action: 'send', channel: 'email' },
  '/v1/b2b/otps/email/discovery/authenticate': { action: 'authenticate', channel: 'email' },
  '/v1/b2b/otps/sms/send': { action: 'send', channel: 'sms' },
  '/v1/b2b/otps/sms/authenticate': { action: 'authenticate', channel: 'sms' },
};

const MAX_IDENTIFIER_LENGTH = 320;

/**
 * Who a request is about, normalised so spellings of one inbox or phone share a counter: the email
 * address, the SMS phone number, or (SMS to the member's enrolled phone) the member. Undefined when
 * the body names none; the upstream refuses such a request anyway.
 */
export function identifierOf(channel: OtpChannel, body: Readonly<Record<string, unknown>>) {
  if (channel === 'email') {
    const email = body.email_address;
    return typeof email === 'string' && email.trim() !== '' ? normalizeEmail(email) : undefined;
  }
  const phone = body.mfa_phone_number;
  if (typeof phone === 'string' && phone.trim() !== '') return normalizePhone(phone);
  const { organization_id: organization, member_id: member } = body;
  if (typeof organization === 'string' && typeof member === 'string' && member !== '') {
    return cap(`member:${organization}:${member}`);
  }
  return undefined;
}

/**
 * Case-folded (NFKC, lower case) with any `+tag` dropped from the local part: `Ada+x@Example.com`
 * and `ada@example.com` reach the same inbox, so they share one count.
 */
export function normalizeEmail(email: string): string {
  const folded = email.normalize('NFKC').trim().toLowerCase();
  const at = folded.lastIndexOf('@');
  if (at < 1) return cap(folded);
  const local = folded.slice(0, at).replace(/\+.*$/, '');
  return cap(`${local || folded.slice(0, at)}@${folded.slice(at + 1)}`);
}

/** Digits with the leading `+`: spaces, dots, dashes and brackets dropped. */
export function normalizePhone(phone: string): string {
  return cap(phone.normalize('NFKC').replace(/[\s().-]/g, ''));
}

function cap(value: string): string {
  return value.slice(0, MAX_IDENTIFIER_LENGTH);
}

/** Keys hold a SHA-256 of the address or identifier, not the value itself. */
export async function sha256(text: string): Promise<string> {
  const digest = await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text));
  let binary = '';
  for (const byte of new Uint8Array(digest)) binary += String.fromCharCode(byte);
  return btoa(binary).replace(/=+$/, '');
}
