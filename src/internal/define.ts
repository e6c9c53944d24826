/** Replaced with the package version by the build; `dev` when the sources run directly. */
declare const __OTP_AUTH_ELEMENTS_VERSION__: string | undefined;

export const version =
  typeof __OTP_AUTH_ELEMENTS_VERSION__ === 'string' ? __OTP_AUTH_ELEMENTS_VERSION__ : 'dev';

/** Marks the classes this copy registered, so a later copy can name the version that holds a tag. */
const versionKey = Symbol.for('otp-auth-elements.version');
type Tagged = CustomElementConstructor & { [versionKey]?: string };

let warned = false;

/**
 * Registers `element` as `name` unless the name is taken. A page (or a server render) that loads
 * the package twice keeps the first registration: the same class is a no-op, another class (a
 * second copy, perhaps another version) is kept and this copy warns once in the console.
 */
export function defineElement(name: string, element: CustomElementConstructor): void {
  const registry = globalThis.customElements;
  if (!registry) return;
  const existing = registry.get(name) as Tagged | undefined;
  if (!existing) {
    (element as Tagged)[versionKey] = version;
    registry.define(name, element);
    return;
  }
  if (existing === element || warned) return;
  warned = true;
  const holder = existing[versionKey]
    ? `otp-auth-elements ${existing[versionKey]}`
    : 'another class (not from otp-auth-elements)';
  console.warn(
    `otp-auth-elements ${version}: <${name}> is already defined by ${holder}; this copy ` +
      'registers none of the names taken. Load the package once.',
  );
}
