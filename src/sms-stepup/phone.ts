// Phone number helpers for SMS enrollment: a short list of calling codes and E.164 assembly.

/** Regions offered in the country-code select, with their calling codes. */
export const CALLING_CODES: ReadonlyArray<readonly [region: string, code: string]> = (
  'US1 CA1 GB44 IE353 FR33 DE49 AT43 CH41 BE32 NL31 LU352 ES34 PT351 IT39 SE46 NO47 DK45 FI358 ' +
  'PL48 CZ420 GR30 TR90 IL972 AE971 IN91 CN86 HK852 JP81 KR82 SG65 AU61 NZ64 ZA27 BR55 MX52 AR54 ' +
  'CO57 CL56'
)
  .split(' ')
  .map((entry) => [entry.slice(0, 2), entry.slice(2)] as const);

const codeOf = (region: string) => CALLING_CODES.find(([r]) => r === region)?.[1];

/**
 * The E.164 form of what the member typed, or undefined when it cannot be a phone number. A number
 * starting with `+` or `00` is taken as international; otherwise the region's calling code is put
 * in front and a national trunk `0` dropped (`07700 900123` in GB → `+447700900123`).
 */
export function toE164(region: string, typed: string): string | undefined {
  const raw = typed.replace(/[\s().\-/]/g, '');
  const number = raw.startsWith('+')
    ? raw
    : raw.startsWith('00')
      ? `+${raw.slice(2)}`
      : `+${codeOf(region) ?? ''}${raw.replace(/^0/, '')}`;
  return /^\+[1-9]\d{6,14}$/.test(number) ? number : undefined;
}

/** Splits an E.164 number into a listed region and the national part (longest code wins). */
export function fromE164(phone: string): { region?: string; national: string } {
  let best: readonly [string, string] | undefined;
  for (const entry of CALLING_CODES) {
    if (phone.startsWith(`+${entry[1]}`) && entry[1].length > (best?.[1].length ?? 0)) best = entry;
  }
  return best
    ? { region: best[0], national: phone.slice(best[1].length + 1) }
    : { national: phone };
}

export { maskPhone } from './mask-phone.js';
