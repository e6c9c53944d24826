/**
 * The number as shown before the member proved the code: the last four digits, every other digit
 * a bullet, a leading `+` kept (`+15555550123` → `+•••••••0123`). A number the server already
 * masked (`XXXXXXX0123`, `•••0123`) comes out in the same form, so it is masked one way only.
 */
export function maskPhone(phone: string): string {
  const plus = phone.trim().startsWith('+') ? '+' : '';
  const chars = phone.replace(/[^\dXx•*]/g, '');
  const shown = chars.slice(-4);
  return plus + '•'.repeat(chars.length - shown.length) + shown.replace(/[Xx*]/g, '•');
}
