// DOM helpers for unit and end-to-end tests: shadow queries, typing, focus, events, rejections.
import { aTimeout, expect, waitUntil as waitUntilWithin } from '@open-wc/testing';
import { sendKeys } from '@web/test-runner-commands';
import { deepQuery } from './deep-query.js';

type Host = Element & { shadowRoot: ShadowRoot | null };

export { deepQuery };

/** First match of `selector` in the host's shadow root, or in shadow roots nested in it. */
export function find<T extends Element = HTMLElement>(host: Host, selector: string): T | null {
  return host.shadowRoot ? deepQuery<T>(host.shadowRoot, selector) : null;
}

export function get<T extends Element = HTMLElement>(host: Host, selector: string): T {
  const el = find<T>(host, selector);
  if (!el) throw new Error(`no ${selector} in ${host.localName}`);
  return el;
}

/**
 * `waitUntil` with a hang guard instead of open-wc's one second: under CI load a file's first test waits for the
 * dev server to transform the parts the element loads lazily, and a busy browser may take seconds to run a timer.
 */
export function waitUntil(
  predicate: () => unknown,
  message?: string,
  options: { interval?: number; timeout?: number } = {},
): Promise<void> {
  return waitUntilWithin(predicate, message, { timeout: 10_000, ...options });
}

/** Waits until `selector` is found under `root` (through shadow roots). */
export async function waitUntilFound<T extends HTMLElement>(root: ParentNode, selector: string) {
  let found: T | null = null;
  await waitUntil(() => (found = deepQuery<T>(root, selector)), `${selector} never appeared`);
  return found!;
}

export const text = (el: Element | null) => (el?.textContent ?? '').replace(/\s+/g, ' ').trim();

/** What the element's alert says ('' when it shows none). */
export const alertText = (host: Host) => text(find(host, '[part~=error][role=alert]'));
/** What the element's live status region says. */
export const statusText = (host: Host) => text(get(host, '[role=status]'));
/** The step's heading. */
export const heading = (host: Host) => text(get(host, '[part=heading]'));

/** The element that has focus, looking through shadow roots. */
export function deepActiveElement(): Element | null {
  let active = document.activeElement;
  while (active?.shadowRoot?.activeElement) active = active.shadowRoot.activeElement;
  return active;
}

/** Collects the events of the given types dispatched on (or bubbling to) `target`. */
export function record(target: EventTarget, ...types: string[]): CustomEvent[] {
  const seen: CustomEvent[] = [];
  for (const type of types) target.addEventListener(type, (e) => seen.push(e as CustomEvent));
  return seen;
}

/** Lets pending promise reactions and Lit updates run. */
export async function settle(el?: Element & { updateComplete?: Promise<unknown> }): Promise<void> {
  await aTimeout(0);
  await el?.updateComplete;
  await aTimeout(0);
}

/** Focuses and types like a user, one key at a time (WebKit's driver collapses repeated keys). */
export async function typeInto(input: HTMLElement, value: string): Promise<void> {
  input.focus();
  for (const key of value) await sendKeys({ type: key });
}

/** Waits until the focused element (through shadow roots) matches. */
export async function focusLandsOn(matches: (el: Element | null) => boolean, what: string) {
  await waitUntil(() => matches(deepActiveElement()), `focus should move to ${what}`);
}

/** Records unhandled promise rejections; `check()` fails the test if any happened. */
export function trackRejections() {
  const reasons: unknown[] = [];
  const listener = (e: PromiseRejectionEvent) => reasons.push(e.reason);
  window.addEventListener('unhandledrejection', listener);
  return {
    async check() {
      await aTimeout(20);
      window.removeEventListener('unhandledrejection', listener);
      expect(reasons, 'unhandled rejections').to.deep.equal([]);
    },
  };
}
