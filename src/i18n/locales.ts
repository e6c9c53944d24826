import type { OtpMessages } from './messages.js';

/** The languages the elements ship catalogs for (each one of Stytch's SMS locales). */
export const OTP_LOCALES = ['en', 'es', 'pt-br', 'fr', 'it', 'de-DE', 'zh-Hans', 'ca-ES'] as const;

/**
 * Locales Stytch accepts for email codes (`otps/email/login_or_signup`, `discovery/send`), in
 * Stytch's spelling. Kept equal to `server/src/shared/locales.ts`.
 */
export const EMAIL_LOCALES = ['en', 'es', 'pt-br', 'fr'] as const;

/**
 * Locales Stytch accepts for SMS codes (`otps/sms/send`, and the SMS `authenticate` may send), in
 * Stytch's spelling: more than the catalogs, so a Japanese page gets a Japanese SMS around English
 * text. Kept equal to `server/src/shared/locales.ts`.
 */
export const SMS_LOCALES = [
  ...OTP_LOCALES,
  'ja',
  'ru',
  'nl',
  'pl',
  'tr',
  'fa',
  'vi',
  'cs',
] as const;

export type MessagesLoader = () => Promise<OtpMessages>;

/**
 * Catalogs other than English, each its own module loaded on first use, so none of them is in the
 * English bundle. Keys are lower case; `registerLocale` adds more or replaces these.
 */
const loaders = new Map<string, MessagesLoader>([
  ['es', () => import('./es.js').then((m) => m.es)],
  ['pt-br', () => import('./pt-br.js').then((m) => m.ptBR)],
  ['fr', () => import('./fr.js').then((m) => m.fr)],
  ['it', () => import('./it.js').then((m) => m.it)],
  ['de-de', () => import('./de-DE.js').then((m) => m.deDE)],
  ['zh-hans', () => import('./zh-Hans.js').then((m) => m.zhHans)],
  ['ca-es', () => import('./ca-ES.js').then((m) => m.caES)],
]);

const listeners = new Set<(tag: string) => void>();

/**
 * Adds or replaces the catalog of a locale. Elements showing that locale switch to it, also when
 * they were rendered before the catalog was registered.
 */
export function registerLocale(tag: string, loader: MessagesLoader): void {
  loaders.set(tag.toLowerCase(), loader);
  loaded.delete(tag.toLowerCase());
  for (const listener of listeners) listener(tag);
}

/** Calls `listener` with the tag of every catalog registered from now on; returns the unsubscribe. */
export function onLocaleRegistered(listener: (tag: string) => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

interface Subtags {
  tag: string;
  language: string;
  script?: string;
  region?: string;
  /** The tag names a region itself (`fr-CA`), rather than the likely one (`fr` → FR). */
  regional: boolean;
}

/** Language, script and region of a tag, with the likely script and region filled in. */
function subtags(tag: string): Subtags {
  const lower = tag.toLowerCase();
  try {
    const given = new Intl.Locale(tag);
    const { language, script, region } = given.maximize();
    return {
      tag: lower,
      language,
      script: script?.toLowerCase(),
      region: region?.toLowerCase(),
      regional: !!given.region,
    };
  } catch {
    return { tag: lower, language: lower.split(/[-_]/)[0]!, regional: false };
  }
}

/**
 * The entry of `supported` for a BCP 47 tag: the same tag (any case), else the same language in
 * the same script, preferring the same region, then an entry that names no region (`pt-PT`, `pt`
 * → `pt-br`; `de`, `de-AT` → `de-DE`; `zh`, `zh-CN`, `zh-Hans-SG` → `zh-Hans`, but not `zh-TW`,
 * which is written in Traditional characters; `es-MX` → `es`). Undefined when none fits. The
 * answer keeps the spelling of `supported`, so it is what Stytch expects when `supported` is one
 * of Stytch's lists.
 */
export function matchLocale(
  tag: string | undefined,
  supported: readonly string[],
): string | undefined {
  if (!tag) return undefined;
  const wanted = subtags(tag);
  const exact = supported.find((s) => s.toLowerCase() === wanted.tag);
  if (exact) return exact;
  const sameScript = supported
    .map((entry) => ({ entry, ...subtags(entry) }))
    .filter((s) => s.language === wanted.language && s.script === wanted.script);
  const best =
    sameScript.find((s) => s.region === wanted.region) ??
    sameScript.find((s) => !s.regional) ??
    sameScript[0];
  return best?.entry;
}

// Catalogs already loaded, by loader key: a step rendered later shows its language at once.
const loaded = new Map<string, OtpMessages>();

/**
 * The catalog for a locale: the catalog itself when it was loaded before, a promise of it when
 * it must be fetched, undefined when only English is available for it.
 */
export function loadMessages(
  tag: string | undefined,
): OtpMessages | Promise<OtpMessages> | undefined {
  const match = matchLocale(tag, ['en', ...loaders.keys()]);
  const loader = match && loaders.get(match);
  if (!loader) return undefined;
  const cached = loaded.get(match);
  if (cached) return cached;
  return loader().then((catalog) => {
    if (loaders.get(match) === loader) loaded.set(match, catalog);
    return catalog;
  });
}
