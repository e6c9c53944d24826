// custom-elements.json (from the class JSDoc) is the public contract frameworks and IDEs read.
import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import { test } from 'node:test';

interface Declaration {
  tagName?: string;
  events?: { name?: string }[];
  cssParts?: { name: string }[];
  cssProperties?: { name: string }[];
  attributes?: { name: string }[];
}
const manifest = JSON.parse(
  readFileSync(new URL('../../custom-elements.json', import.meta.url), 'utf8'),
) as { modules: { declarations?: Declaration[] }[] };
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
    'otp-restart',
    'otp-session-created',
  ]);
  assert.deepEqual(names(elements.get('otp-sms-stepup')!.events).sort(), [
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
  assert.ok(names(elements.get('otp-code-field')!.cssParts).includes('slot'));
});
