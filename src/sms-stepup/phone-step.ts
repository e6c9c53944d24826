// The enrollment step (country and number): a chunk of its own, loaded when a member without a
// verified phone reaches it.
import { html, nothing, type TemplateResult } from 'lit';
import type { OtpMessages } from '../i18n/messages.js';
import { CALLING_CODES } from './phone.js';

export { fromE164, toE164 } from './phone.js';

export interface PhoneStepOptions {
  msg: OtpMessages;
  heading: TemplateResult;
  /** Why the number is asked for (second factor or step-up). */
  reason: string;
  /** BCP 47 tag for the country names. */
  locale: string | undefined;
  region: string;
  phone: string;
  busy: boolean;
  phoneInvalid: boolean;
  hasError: boolean;
  error: unknown;
  submit: unknown;
  back: unknown;
  onSubmit: (event: SubmitEvent) => void;
  onRegion: (event: Event) => void;
  onInput: () => void;
}

function regionNames(locale = 'en'): Intl.DisplayNames {
  try {
    return new Intl.DisplayNames([locale, 'en'], { type: 'region' });
  } catch {
    return new Intl.DisplayNames(['en'], { type: 'region' });
  }
}

/** The country of the page's locale when it is on the list, else the first one. */
export function defaultRegion(locale: string | undefined): string {
  const tag = locale ?? globalThis.navigator?.language ?? 'en';
  let region: string | undefined;
  try {
    region = new Intl.Locale(tag).maximize().region;
  } catch {
    // not a valid tag: use the first entry
  }
  return CALLING_CODES.some(([r]) => r === region) ? region! : CALLING_CODES[0][0];
}

export function renderPhoneStep(o: PhoneStepOptions): TemplateResult {
  const m = o.msg;
  const names = regionNames(o.locale);
  const regions = CALLING_CODES.map(([region, code]) => ({
    region,
    label: `${names.of(region) ?? region} (+${code})`,
  })).sort((a, b) => a.label.localeCompare(b.label));
  return html`<form part="form" novalidate aria-busy=${o.busy} @submit=${o.onSubmit}>
    ${o.heading}
    <p part="hint">${o.reason} ${m.phoneIntro}</p>
    <label part="label" for="country">${m.countryLabel}</label>
    <select part="input" id="country" autocomplete="tel-country-code" @change=${o.onRegion}>
      ${regions.map(
        (r) =>
          html`<option value=${r.region} ?selected=${r.region === o.region}>${r.label}</option>`,
      )}
    </select>
    <label part="label" for="phone">${m.phoneLabel}</label>
    <input
      part="input"
      id="phone"
      name="phone"
      type="tel"
      autocomplete="tel-national"
      required
      data-autofocus
      .value=${o.phone}
      ?readonly=${o.busy}
      aria-invalid=${o.phoneInvalid ? 'true' : nothing}
      aria-describedby=${o.hasError ? 'phone-hint error' : 'phone-hint'}
      @input=${o.onInput}
    />
    <p part="hint" id="phone-hint">${m.phoneHint}</p>
    ${o.error} ${o.submit} ${o.back}
  </form>`;
}
