import type { ReactiveController, ReactiveControllerHost } from 'lit';
import type { OtpAuthError } from '../client/otp-auth-error.js';
import { english, onEnglishAdded } from '../i18n/english.js';
import { loadMessages, matchLocale, onLocaleRegistered } from '../i18n/locales.js';
import type { OtpMessages, OtpMessagesOverride } from '../i18n/messages.js';

export type LocalizeHost = ReactiveControllerHost & HTMLElement;

export interface LocalizeOptions {
  /** The configured locale (own attribute, else provider); unset = the nearest `lang`. */
  locale: () => string | undefined;
  /** Partial override of the catalog's strings. */
  overrides: () => OtpMessagesOverride | undefined;
}

/** `lang` of the element or its nearest ancestor, looking out of shadow roots. */
export function inheritedLang(element: Element): string | undefined {
  let node: Element | null = element;
  while (node) {
    const holder: Element | null = node.closest('[lang]');
    const lang = holder?.getAttribute('lang');
    if (lang) return lang;
    const root = (holder ?? node).getRootNode();
    node = root instanceof ShadowRoot ? root.host : null;
  }
  return undefined;
}

// One observer for every connected host: a page changing <html lang> re-renders the elements.
const hosts = new Set<ReactiveControllerHost>();
let langObserver: MutationObserver | undefined;
function watchDocumentLang(host: ReactiveControllerHost): void {
  hosts.add(host);
  if (langObserver || typeof MutationObserver === 'undefined') return;
  langObserver = new MutationObserver(() => hosts.forEach((h) => h.requestUpdate()));
  langObserver.observe(document.documentElement, { attributes: true, attributeFilter: ['lang'] });
}

/**
 * The strings of an element: the catalog of its locale (loaded on demand; English until it
 * arrives or when none fits, each step's English loaded with its part), with the element's overrides on top. The locale is the configured
 * one, else the `lang` of the element or its nearest ancestor. Re-renders the host when its
 * catalog arrives, also one registered after the element rendered.
 */
export class LocalizeController implements ReactiveController {
  /** The current strings. */
  msg: OtpMessages = english;
  private tag?: string;
  private catalog?: OtpMessages;
  private overrides?: OtpMessagesOverride;
  private loading = 0;
  private unsubscribe?: () => void;
  private unsubscribeEnglish?: () => void;

  constructor(
    private readonly host: LocalizeHost,
    private readonly options: LocalizeOptions,
  ) {
    host.addController(this);
  }

  /** The BCP 47 tag in effect, configured or inherited from `lang`. */
  get locale(): string | undefined {
    return this.options.locale() || inheritedLang(this.host) || undefined;
  }

  hostConnected(): void {
    watchDocumentLang(this.host);
    this.unsubscribe = onLocaleRegistered((tag) => {
      if (matchLocale(this.tag, [tag])) this.load(this.tag, true);
    });
    // A step's English arrived with its part: shown in English, the host renders it.
    this.unsubscribeEnglish = onEnglishAdded(() => {
      if (this.catalog) return;
      this.compose();
      this.host.requestUpdate();
    });
  }

  hostDisconnected(): void {
    hosts.delete(this.host);
    this.unsubscribe?.();
    this.unsubscribeEnglish?.();
  }

  hostUpdate(): void {
    const tag = this.locale;
    if (tag !== this.tag) {
      this.tag = tag;
      this.load(tag);
    }
    const overrides = this.options.overrides();
    if (overrides !== this.overrides) {
      this.overrides = overrides;
      this.compose();
    }
  }

  /** The message for an error: the catalog's for its type, else the server's for a 4xx, else generic. */
  describe(error: OtpAuthError): string {
    const { errors } = this.msg;
    const type = error.status_code === 429 ? 'too_many_requests' : error.error_type;
    if (Object.hasOwn(errors, type)) return errors[type]!;
    const clientError = error.status_code >= 400 && error.status_code < 500;
    return (clientError && error.error_message) || errors.default;
  }

  private load(tag: string | undefined, keepCurrent = false): void {
    const loading = ++this.loading;
    const catalog = loadMessages(tag);
    if (!(catalog instanceof Promise)) return this.setCatalog(catalog);
    if (!keepCurrent) this.setCatalog(undefined);
    catalog.then(
      (catalog) => {
        if (loading === this.loading) this.setCatalog(catalog);
      },
      () => {}, // a catalog that fails to load leaves English in place
    );
  }

  private setCatalog(catalog: OtpMessages | undefined): void {
    if (catalog === this.catalog) return;
    this.catalog = catalog;
    this.compose();
    this.host.requestUpdate();
  }

  private compose(): void {
    const base = this.catalog ?? english;
    const own = this.overrides;
    this.msg = own ? { ...base, ...own, errors: { ...base.errors, ...own.errors } } : base;
  }
}
