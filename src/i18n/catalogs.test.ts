import { expect } from '@open-wc/testing';
import {
  EMAIL_LOCALES as GATEWAY_EMAIL_LOCALES,
  SMS_LOCALES as GATEWAY_SMS_LOCALES,
} from '../../server/src/shared/locales.js';
import { caES } from './ca-ES.js';
import { deDE } from './de-DE.js';
import { en } from './en.js';
import { es } from './es.js';
import { fr } from './fr.js';
import { it as itIT } from './it.js';
import { EMAIL_LOCALES, OTP_LOCALES, SMS_LOCALES, loadMessages, matchLocale } from './locales.js';
import type { OtpMessages } from './messages.js';
import { ptBR } from './pt-br.js';
import { zhHans } from './zh-Hans.js';

type OtpLocale = (typeof OTP_LOCALES)[number];

const CATALOGS: Record<OtpLocale, OtpMessages> = {
  en,
  es,
  'pt-br': ptBR,
  fr,
  it: itIT,
  'de-DE': deDE,
  'zh-Hans': zhHans,
  'ca-ES': caES,
};
const TRANSLATED = OTP_LOCALES.filter((l) => l !== 'en');

type FunctionKey = {
  [K in keyof OtpMessages]: OtpMessages[K] extends (...args: never[]) => string ? K : never;
}[keyof OtpMessages];

// Arguments for every function-valued message: a new one fails to compile until it is listed.
const ARGS: { [K in FunctionKey]: Parameters<OtpMessages[K]> } = {
  signInTo: ['Acme'],
  codeSentTo: ['ada@example.com'],
  codeHint: [6],
  codeIncomplete: [6, 3],
  expiresIn: [10],
  resendIn: [30],
  codeResent: ['ada@example.com', '14:05'],
  resendWait: [30],
  retryIn: [45],
  lockedOut: [45],
  lockedUntil: ['14:05'],
  sendLimited: [900],
  smsWillSend: ['+•••••••0123'],
  organizationsFor: ['ada@example.com'],
  organizationOption: ['Acme', 'member'],
  noOrganizations: ['ada@example.com'],
};

/** Every message as text: strings as they are, functions called with their sample arguments. */
function texts(catalog: OtpMessages): Map<string, string> {
  const out = new Map<string, string>();
  for (const [key, value] of Object.entries(catalog)) {
    if (key === 'errors') continue;
    const args = (ARGS as Record<string, unknown[]>)[key];
    out.set(
      key,
      typeof value === 'function' ? (value as (...a: unknown[]) => string)(...args!) : value,
    );
  }
  for (const [type, value] of Object.entries(catalog.errors)) out.set(`errors.${type}`, value);
  return out;
}

// Messages that may read the same as in English: a pattern with nothing to translate.
const SAME_AS_ENGLISH: Record<string, readonly OtpLocale[]> = {
  organizationOption: ['es', 'pt-br', 'fr', 'it', 'ca-ES'],
};

describe('locale catalogs', () => {
  it('ships one catalog for each of OTP_LOCALES', () => {
    expect(Object.keys(CATALOGS)).to.deep.equal([...OTP_LOCALES]);
  });

  for (const locale of TRANSLATED) {
    describe(locale, () => {
      const catalog = CATALOGS[locale];

      it('has every message of the English catalog, errors included, and no other', () => {
        expect([...texts(catalog).keys()].sort()).to.deep.equal([...texts(en).keys()].sort());
        for (const [key, value] of Object.entries(en)) {
          expect(typeof catalog[key as keyof OtpMessages], key).to.equal(typeof value);
        }
      });

      it('translates every message (none left in English, none empty)', () => {
        const english = texts(en);
        for (const [key, value] of texts(catalog)) {
          expect(value.trim(), key).not.to.equal('');
          if (SAME_AS_ENGLISH[key]?.includes(locale)) continue;
          expect(value, `${locale} ${key}`).not.to.equal(english.get(key));
        }
      });

      it('is the catalog the registry loads for it', async () => {
        expect(await loadMessages(locale)).to.equal(catalog);
      });
    });
  }

  it('writes counts, units and waits by each language’s rules', () => {
    expect(deDE.expiresIn(1)).to.equal('Der Code läuft in 1 Minute ab.');
    expect(deDE.expiresIn(5)).to.equal('Der Code läuft in 5 Minuten ab.');
    expect(deDE.lockedOut(45)).to.equal(
      'Zu viele Versuche. Versuchen Sie es in 45 Sekunden erneut.',
    );
    expect(deDE.codeIncomplete(6, 2)).to.equal('Der Code hat 6 Stellen; Sie haben 2 eingegeben.');
    expect(fr.lockedOut(45)).to.equal('Trop de tentatives. Réessayez dans 45 secondes.');
    expect(fr.retryIn(300), 'minutes from two minutes on').to.equal('Réessayez dans 5 minutes');
    expect(fr.retryIn(121), 'rounded up').to.equal('Réessayez dans 3 minutes');
    expect(fr.expiresIn(1)).to.equal('Le code expire dans 1 minute.');
    expect(es.retryIn(1)).to.equal('Vuelve a intentarlo dentro de 1 segundo');
    expect(es.resendWait(30)).to.equal('Podrás solicitar un código nuevo dentro de 30 segundos.');
    expect(es.codeHint(1)).to.equal('Introduce el código de 1 dígito.');
    expect(es.codeHint(6)).to.equal('Introduce el código de 6 dígitos.');
    expect(ptBR.expiresIn(10)).to.equal('O código expira em 10 minutos.');
    expect(itIT.codeIncomplete(6, 1)).to.equal('Il codice è di 6 cifre; ne hai inserita 1.');
    expect(itIT.codeIncomplete(6, 4)).to.equal('Il codice è di 6 cifre; ne hai inserite 4.');
    expect(itIT.resendWait(30)).to.equal('Potrai richiedere un nuovo codice tra 30 secondi.');
    expect(caES.expiresIn(1)).to.equal('El codi caduca d’aquí a 1 minut.');
    expect(caES.lockedOut(45)).to.equal('Massa intents. Torneu-ho a provar d’aquí a 45 segons.');
    expect(zhHans.expiresIn(10)).to.equal('验证码将在10分钟后过期。');
    expect(zhHans.codeHint(6)).to.equal('请输入6位验证码。');
  });

  it('says the one o’clock hour in the singular where the language does', () => {
    expect(es.codeResent('ada@example.com', '1:05')).to.equal(
      'Hemos enviado un código nuevo a ada@example.com a la 1:05.',
    );
    expect(es.codeResent('ada@example.com', '13:05')).to.equal(
      'Hemos enviado un código nuevo a ada@example.com a las 13:05.',
    );
    expect(ptBR.codeResent('x', '01:05')).to.contain(' à 01:05');
    expect(caES.codeResent('x', '9:30')).to.contain(' a les 9:30');
  });
});

describe('matchLocale', () => {
  const cases: [string, string | undefined][] = [
    ['pt-BR', 'pt-br'],
    ['pt', 'pt-br'],
    ['pt-PT', 'pt-br'],
    ['de', 'de-DE'],
    ['de-AT', 'de-DE'],
    ['DE-ch', 'de-DE'],
    ['zh', 'zh-Hans'],
    ['zh-CN', 'zh-Hans'],
    ['zh-Hans-CN', 'zh-Hans'],
    ['zh-SG', 'zh-Hans'],
    ['zh-TW', undefined],
    ['zh-Hant', undefined],
    ['ca', 'ca-ES'],
    ['ca-AD', 'ca-ES'],
    ['es-MX', 'es'],
    ['es-419', 'es'],
    ['fr-CA', 'fr'],
    ['it-CH', 'it'],
    ['en-GB', 'en'],
    ['ar', undefined],
    ['nl-BE', undefined],
    ['', undefined],
    ['not a tag!', undefined],
  ];
  for (const [tag, expected] of cases) {
    it(`${JSON.stringify(tag)} → ${expected ?? 'none (English)'}`, () => {
      expect(matchLocale(tag, OTP_LOCALES)).to.equal(expected);
    });
  }

  it('answers in Stytch’s spelling for each endpoint, and nothing Stytch refuses', () => {
    expect(matchLocale('ja-JP', SMS_LOCALES)).to.equal('ja');
    expect(matchLocale('nl-BE', SMS_LOCALES)).to.equal('nl');
    expect(matchLocale('fa-IR', SMS_LOCALES)).to.equal('fa');
    expect(matchLocale('de-AT', SMS_LOCALES)).to.equal('de-DE');
    expect(matchLocale('de-AT', EMAIL_LOCALES), 'no German email').to.equal(undefined);
    expect(matchLocale('pt-BR', EMAIL_LOCALES)).to.equal('pt-br');
    expect(matchLocale('ja', EMAIL_LOCALES)).to.equal(undefined);
  });

  it('agrees with the gateway on what Stytch accepts', () => {
    expect([...EMAIL_LOCALES]).to.deep.equal([...GATEWAY_EMAIL_LOCALES]);
    expect([...SMS_LOCALES].sort()).to.deep.equal([...GATEWAY_SMS_LOCALES].sort());
  });

  it('prefers the same region among catalogs of one language', () => {
    expect(matchLocale('fr-CA', ['fr', 'fr-CA'])).to.equal('fr-CA');
    expect(matchLocale('fr-BE', ['fr-CA', 'fr'])).to.equal('fr');
  });
});
