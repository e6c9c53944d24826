// The generated framework typings, type-checked the way each framework's own compiler does it on a
// small app (test/types/<framework>): the app compiles, and the line after each `MISUSE:` comment,
// and only that line, is reported. React: tsc with @types/react 19. Vue: vue-tsc with
// strictTemplates. Angular 22: ngc with strictTemplates, on the Node 22 and TypeScript 6 its
// compiler needs (installed from npm into test/types/angular on first run).
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { join } from 'node:path';
import { before, test } from 'node:test';
import { root } from './support/page-server.js';

const fixtures = join(root, 'test/types');
const bin = (name: string, dir = root) => join(dir, 'node_modules/.bin', name);

/** `file:line` of the line after each `MISUSE:` comment in a fixture folder. */
function expectedErrors(framework: string): string[] {
  const dir = join(fixtures, framework);
  return readdirSync(dir)
    .filter((f) => /\.(tsx?|vue)$/.test(f))
    .flatMap((file) =>
      readFileSync(join(dir, file), 'utf8')
        .split('\n')
        .flatMap((line, i) => (/\bMISUSE:/.test(line) ? [`${file}:${i + 2}`] : [])),
    )
    .sort();
}

/** Runs a compiler; returns the `file:line` of each error it reports. */
function compile(command: string, args: string[], cwd: string) {
  const run = spawnSync(command, args, { cwd, encoding: 'utf8' });
  // eslint-disable-next-line no-control-regex
  const output = (run.stdout + run.stderr).replace(/\x1b\[[0-9;]*m/g, '');
  // tsc: `file(line,col): error TS…`; ngc (always pretty): `file:line:col - error TS…`.
  const errors = [
    ...output.matchAll(/^(?:.*\/)?([\w.-]+)(?:\((\d+),\d+\):|:(\d+):\d+ -) error TS\d+/gm),
  ]
    .map(([, file, line, pretty]) => `${file}:${line ?? pretty}`)
    .sort();
  return { status: run.status, errors: [...new Set(errors)], output };
}

/** The fixture's misuses, and nothing else, are reported. */
function assertOnlyMisusesFail(framework: string, command: string, args: string[], cwd = root) {
  const expected = expectedErrors(framework);
  assert.ok(expected.length >= 3, `${framework}: the fixture lists its misuses`);
  const { status, errors, output } = compile(command, args, cwd);
  assert.notEqual(status, 0);
  assert.deepEqual(errors, expected, output);
}

test('React 19: JSX intrinsic elements and the @lit/react wrappers', () => {
  assertOnlyMisusesFail('react', bin('tsc'), ['-p', 'test/types/react']);
});

test('Vue 3.5: GlobalComponents under strictTemplates (vue-tsc)', () => {
  assertOnlyMisusesFail('vue', bin('vue-tsc'), ['-p', 'test/types/vue']);
});

const angular = join(fixtures, 'angular');
const node22 = bin('node', angular);

before(() => {
  if (!existsSync(join(angular, 'node_modules/@angular/compiler-cli'))) {
    execFileSync('npm', ['ci', '--no-audit', '--no-fund', '--workspaces=false'], {
      cwd: angular,
      stdio: 'inherit',
    });
  }
});

test('Angular 22: the generated directives type-check property bindings under strictTemplates (ngc)', () => {
  const ngc = join(angular, 'node_modules/@angular/compiler-cli/bundles/src/bin/ngc.js');
  assertOnlyMisusesFail('angular', node22, [ngc, '-p', 'tsconfig.json'], angular);
});

test("Angular 22: the directives' partial declarations link with Angular's own linker", () => {
  const linked = execFileSync(node22, ['link-check.mjs'], { cwd: angular, encoding: 'utf8' });
  assert.doesNotMatch(linked, /ɵɵngDeclare/);
  for (const tag of ['otp-auth-provider', 'otp-code-field', 'otp-email-auth', 'otp-sms-stepup']) {
    assert.match(linked, new RegExp(`ɵɵdefineDirective\\(\\{[^}]*selectors: \\[\\["${tag}"\\]\\]`));
  }
});
