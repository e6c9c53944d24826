// The script-tag file (`otp-auth-elements.min.js`): the package root's exports, with
// <otp-code-field> in a chunk of its own, registered when a flow element's first code is on its
// way, or as soon as the page has a field of its own. A field only inside another element's shadow
// root is not seen: call `defineCodeField()` for it.
import { loadCodeStep } from './internal/otp-flow-element.js';

export * from './exports.js';

/** Registers `<otp-code-field>` (only if the name is free); resolves once it is defined. */
export async function defineCodeField(): Promise<void> {
  await loadCodeStep();
}

if (typeof document !== 'undefined' && !customElements.get('otp-code-field')) {
  const fields = document.getElementsByTagName('otp-code-field');
  const check = () => {
    if (!fields.length) return;
    observer.disconnect();
    loadCodeStep().catch(() => {}); // retried by the next code step
  };
  const observer = new MutationObserver(check);
  observer.observe(document, { childList: true, subtree: true });
  void customElements.whenDefined('otp-code-field').then(() => observer.disconnect());
  check();
}
