// Number, unit, plural and time wording for the catalogs other than English, by the rules of
// each locale (Intl), so no catalog hand-writes a plural or a number format.

/** `n` written the way `locale` writes numbers. */
export const count = (locale: string, n: number): string => new Intl.NumberFormat(locale).format(n);

/** `n` seconds or minutes, spelled out ("5 minutes", "5 Minuten") or short ("30 s", "30 Sek."). */
export const units = (
  locale: string,
  n: number,
  unit: 'second' | 'minute',
  unitDisplay: 'long' | 'short' = 'long',
): string => new Intl.NumberFormat(locale, { style: 'unit', unit, unitDisplay }).format(n);

/**
 * "in 45 seconds" / "in 3 minutes" as `locale` says it: seconds under two minutes, else whole
 * minutes rounded up (the wait is never announced shorter than it is).
 */
export const within = (locale: string, seconds: number): string => {
  const rtf = new Intl.RelativeTimeFormat(locale, { numeric: 'always' });
  return seconds < 120
    ? rtf.format(seconds, 'second')
    : rtf.format(Math.ceil(seconds / 60), 'minute');
};

/** The form of `forms` that `locale`'s plural rules pick for `n` (`other` when none is given). */
export const plural = (
  locale: string,
  n: number,
  forms: Partial<Record<Intl.LDMLPluralRule, string>> & { other: string },
): string => forms[new Intl.PluralRules(locale).select(n)] ?? forms.other;

/** A time of day in the one o'clock hour ("1:05", "01:05"), which some languages say in the singular. */
export const oneOClock = (time: string): boolean => /^0?1\D/.test(time.trim());
