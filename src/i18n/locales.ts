import type { OtpMessages } from './messages.js';

/** The languages the elements are designed for (and Stytch's SMS templates support). */
export const OTP_LOCALES = ['en', 'es', 'pt-br', 'fr', 'it', 'de-DE', 'zh-Hans', 'ca-ES'] as const;

/** Locales Stytch accepts for email login codes. */
export const EMAIL_LOCALES = ['en', 'es', 'pt-br', 'fr'] as const;

export type MessagesLoader = () => Promise<OtpMessages>;

/**
 * Catalogs other than English, loaded on demand so each stays out of the English bundle. A shipped
 * locale lives in `./locales/<tag>.ts` and is added here as `'<tag>': () => import(...).then(m => m.messages)`.
 */
const loaders = new Map<string, MessagesLoader>();

/** Adds or replaces the catalog of a locale; elements using that `locale` pick it up when loaded. */
export function registerLocale(tag: string, loader: MessagesLoader): void {
  loaders.set(tag.toLowerCase(), loader);
}

/**
 * The entry of `supported` for a BCP 47 tag: exact match first (any case), then the same language
 * (`pt-PT` → `pt-br`, `de` → `de-DE`). Undefined when none fits.
 */
export function matchLocale(
  tag: string | undefined,
  supported: readonly string[],
): string | undefined {
  if (!tag) return undefined;
  const wanted = tag.toLowerCase();
  const language = wanted.split('-')[0];
  return (
    supported.find((s) => s.toLowerCase() === wanted) ??
    supported.find((s) => s.toLowerCase().split('-')[0] === language)
  );
}

/** The catalog for a locale, or undefined when only English is available for it. */
export function loadMessages(tag: string | undefined): Promise<OtpMessages> | undefined {
  const match = matchLocale(tag, [...loaders.keys()]);
  return match && match !== 'en' ? loaders.get(match)!() : undefined;
}
