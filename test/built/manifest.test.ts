// custom-elements.json (from the class JSDoc) is the public contract frameworks and IDEs read.
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { test } from 'node:test';

interface Declaration {
  kind: string;
  name: string;
  tagName?: string;
  customElement?: boolean;
  members?: { name: string; privacy?: string }[];
  events?: {
    name?: string;
    type?: { text: string; references?: { name: string; module: string }[] };
  }[];
  cssParts?: { name: string }[];
  cssProperties?: { name: string }[];
  attributes?: { name: string }[];
}
const manifest = JSON.parse(
  readFileSync(new URL('../../custom-elements.json', import.meta.url), 'utf8'),
) as {
  modules: {
    path: string;
    declarations?: Declaration[];
    exports?: { kind: string; name: string; declaration: { name: string; module?: string } }[];
  }[];
};
const elements = new Map(
  manifest.modules
    .flatMap((m) => m.declarations ?? [])
    .filter((d) => d.tagName)
    .map((d) => [d.tagName!, d]),
);
const names = (list: { name?: string }[] = []) => list.map((x) => x.name);

test('lists the events of each element, every one named', () => {
  assert.deepEqual(names(elements.get('otp-email-auth')!.events).sort(), [
    'otp-code-sent',
    'otp-error',
    'otp-mfa-required',
    'otp-organization-created',
    'otp-organization-selected',
    'otp-organizations-discovered',
    'otp-restart',
    'otp-session-created',
  ]);
  assert.deepEqual(names(elements.get('otp-sms-stepup')!.events).sort(), [
    'otp-cancel',
    'otp-code-sent',
    'otp-error',
    'otp-restart',
    'otp-session-created',
    'otp-step-up-complete',
  ]);
  assert.ok(names(elements.get('otp-code-field')!.events).includes('otp-code-complete'));
  for (const [tag, element] of elements) {
    assert.ok(names(element.events).every(Boolean), `${tag} lists a nameless event`);
  }
});

test('documents the theming surface: parts, custom properties and attributes', () => {
  for (const tag of ['otp-email-auth', 'otp-sms-stepup']) {
    const element = elements.get(tag)!;
    for (const part of ['base', 'form', 'input', 'button', 'error', 'code-field']) {
      assert.ok(names(element.cssParts).includes(part), `${tag} ::part(${part})`);
    }
    for (const property of ['--otp-color-primary', '--otp-radius', '--otp-font-family']) {
      assert.ok(names(element.cssProperties).includes(property), `${tag} ${property}`);
    }
    assert.ok(names(element.attributes).includes('organization-id'), `${tag} organization-id`);
  }
  assert.ok(names(elements.get('otp-code-field')!.cssParts).includes('input'));
});

test('names the shipped modules: every path and module reference is a file in dist/ (.d.ts for types only)', () => {
  const referenced = new Set<string>();
  const collect = (value: unknown): void => {
    if (Array.isArray(value)) return value.forEach(collect);
    if (!value || typeof value !== 'object') return;
    for (const [key, child] of Object.entries(value)) {
      if ((key === 'path' || key === 'module') && typeof child === 'string') referenced.add(child);
      else collect(child);
    }
  };
  collect(manifest.modules);
  assert.ok(referenced.size > 20);
  for (const path of referenced) {
    assert.match(path, /^dist\/.*\.(js|d\.ts)$/);
    assert.ok(existsSync(new URL(`../../${path}`, import.meta.url)), path);
  }
});

test('lists exactly the four tagged elements, each defined by its entry module', () => {
  const custom = manifest.modules
    .flatMap((m) => m.declarations ?? [])
    .filter((d) => d.customElement)
    .map((d) => d.tagName);
  assert.deepEqual(custom.sort(), [
    'otp-auth-provider',
    'otp-code-field',
    'otp-email-auth',
    'otp-sms-stepup',
  ]);
  const definitions = manifest.modules.flatMap((m) =>
    (m.exports ?? [])
      .filter((e) => e.kind === 'custom-element-definition')
      .map((e) => [m.path, e.name, e.declaration.module]),
  );
  assert.deepEqual(definitions.sort(), [
    ['dist/define/code-field.js', 'otp-code-field', 'dist/code-field/otp-code-field.js'],
    ['dist/define/email-auth.js', 'otp-email-auth', 'dist/email-auth/otp-email-auth.js'],
    ['dist/define/provider.js', 'otp-auth-provider', 'dist/provider/otp-auth-provider.js'],
    ['dist/define/sms-stepup.js', 'otp-sms-stepup', 'dist/sms-stepup/otp-sms-stepup.js'],
  ]);
});

test('lists only public members', () => {
  for (const [tag, element] of elements) {
    const hidden = (element.members ?? []).filter(
      (m) => m.privacy === 'private' || m.privacy === 'protected' || m.name.startsWith('_'),
    );
    assert.deepEqual(hidden, [], tag);
  }
});

test('types each custom event with the event class the package exports, with a reference to its module', () => {
  // The root's declarations, and those it re-exports wholesale (`export * from`).
  const declarations = (file: string): string => {
    const text = readFileSync(new URL(`../../dist/${file}`, import.meta.url), 'utf8');
    const reexported = [...text.matchAll(/export \* from '\.\/([^']+)\.js'/g)];
    return [text, ...reexported.map(([, name]) => declarations(`${name}.d.ts`))].join('\n');
  };
  const exported = new Set(declarations('index.d.ts').match(/\bOtp\w+Event\b/g));
  for (const [tag, element] of elements) {
    for (const event of (element.events ?? []).filter((e) => e.name?.includes('-'))) {
      const type = event.type?.text ?? '';
      assert.ok(exported.has(type), `${tag} ${event.name}: ${type}`);
      const [ref] = event.type!.references ?? [];
      assert.equal(ref?.name, type);
      assert.match(
        readFileSync(new URL(`../../${ref.module}`, import.meta.url), 'utf8'),
        new RegExp(`class ${type}\\b`),
      );
    }
  }
});

test('lists the parts forwarded with exportparts as parts of the element that forwards them', () => {
  const codeParts = names(elements.get('otp-code-field')!.cssParts);
  const sms = names(elements.get('otp-sms-stepup')!.cssParts);
  const email = names(elements.get('otp-email-auth')!.cssParts);
  for (const part of codeParts) {
    assert.ok(sms.includes(`code-${part}`), `otp-sms-stepup code-${part}`);
    assert.ok(email.includes(`code-${part}`), `otp-email-auth code-${part}`);
  }
  const forwarded = elements
    .get('otp-email-auth')!
    .cssParts!.find((p) => p.name === 'code-input') as {
    description?: string;
  };
  assert.match(forwarded.description ?? '', /otp-code-field/);
});
