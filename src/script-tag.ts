// The script-tag file (`otp-auth-elements.min.js`): the package root's exports, with
// <otp-code-field> and <otp-sms-stepup> in chunks of their own, registered when a flow element
// reaches their step, or as soon as the page has one of its own. One only inside another element's
// shadow root is not seen: call `defineCodeField()` or `defineSmsStepup()` for it.
import { loadSmsStepup } from './email-auth/otp-email-auth.js';
import { loadCodeStep } from './internal/otp-flow-element.js';
import type { OtpSmsStepup } from './sms-stepup/otp-sms-stepup.js';

export * from './exports.js';
export type { OtpSmsStepup };

/** Registers `<otp-code-field>` (only if the name is free); resolves once it is defined. */
export async function defineCodeField(): Promise<void> {
  await loadCodeStep();
}

/** Registers `<otp-sms-stepup>` (only if the name is free); resolves with its class. */
export async function defineSmsStepup(): Promise<typeof OtpSmsStepup> {
  return (await loadSmsStepup()).OtpSmsStepup;
}

/** Loads the part that defines `tag` once the page has a `<tag>` (in its markup or added later). */
function loadWhenOnPage(tag: string, load: () => Promise<unknown>): void {
  if (typeof document === 'undefined' || customElements.get(tag)) return;
  const found = document.getElementsByTagName(tag);
  const check = () => {
    if (!found.length) return;
    observer.disconnect();
    load().catch(() => {}); // lazy() warned; the next step that needs it fetches again
  };
  const observer = new MutationObserver(check);
  observer.observe(document, { childList: true, subtree: true });
  void customElements.whenDefined(tag).then(() => observer.disconnect());
  check();
}

loadWhenOnPage('otp-code-field', loadCodeStep);
loadWhenOnPage('otp-sms-stepup', loadSmsStepup);
