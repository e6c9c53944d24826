// The package as npm would publish it: every export resolves, the light entries stay light,
// `sideEffects` names exactly the modules that register something, source maps carry their
// sources, the tarball holds no demo, and publint and arethetypeswrong (Node 16 ESM and bundler
// resolution) find nothing.
import assert from 'node:assert/strict';
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import { dirname, join, posix, relative } from 'node:path';
import { test } from 'node:test';
import { base } from '../../src/i18n/en/base.js';
import { code } from '../../src/i18n/en/code.js';
import { discovery } from '../../src/i18n/en/discovery.js';
import { sms } from '../../src/i18n/en/sms.js';
import type { OtpMessagesOverride } from '../../src/i18n/messages.js';
import { root } from './support/page-server.js';

const pkg = JSON.parse(readFileSync(join(root, 'package.json'), 'utf8'));
const dist = join(root, 'dist');
const files = (dir: string): string[] =>
  readdirSync(dir, { withFileTypes: true }).flatMap((e) =>
    e.isDirectory() ? files(join(dir, e.name)) : [relative(root, join(dir, e.name))],
  );
const distFiles = files(dist).map((f) => f.split('\\').join('/'));
const read = (file: string) => readFileSync(join(root, file), 'utf8');

/**
 * Package-relative paths of the modules `entry` loads statically (imports and re-exports), and
 * with `lazy` also those it may load later (`import()`).
 */
function moduleGraph(entry: string, { lazy = false } = {}): Set<string> {
  const seen = new Set<string>();
  const visit = (file: string) => {
    if (seen.has(file)) return;
    seen.add(file);
    const code = read(file);
    const specs = [
      ...code.matchAll(/(?:^|[;\n])\s*(?:import|export)\b[^'"`;]*?['"]([^'"]+)['"]/g),
      ...(lazy ? code.matchAll(/\bimport\(\s*['"]([^'"]+)['"]\s*\)/g) : []),
    ];
    for (const [, spec] of specs) {
      if (spec.startsWith('.')) visit(posix.join(posix.dirname(file), spec));
    }
  };
  visit(entry);
  return seen;
}

const bareImports = (graph: Set<string>) =>
  new Set(
    [...graph].flatMap((file) =>
      [
        ...read(file).matchAll(
          /(?:^|[;\n])\s*(?:import|export)\b[^'"`;]*?['"]([^'"./][^'"]*)['"]/g,
        ),
      ].map(([, spec]) => spec),
    ),
  );

const matchesGlob = (glob: string, file: string) =>
  new RegExp(
    `^${glob
      .replace(/^\.\//, '')
      .replace(/[.+?^${}()|[\]\\]/g, '\\$&')
      .replace(/\*/g, '[^/]*')}$`,
  ).test(file);

test('every export target is in the build', () => {
  for (const [key, target] of Object.entries(pkg.exports as Record<string, unknown>)) {
    const paths = typeof target === 'string' ? [target] : Object.values(target as object);
    for (const path of paths as string[]) {
      assert.ok(existsSync(join(root, path)), `${key} → ${path}`);
    }
  }
});

test('the script-tag file’s types are its own: defineCodeField(), defineSmsStepup(), OtpSmsStepup as a type only', () => {
  const entry = (pkg.exports as Record<string, { types: string }>)['./otp-auth-elements.min.js']!;
  const types = readFileSync(join(root, entry.types), 'utf8');
  assert.match(types, /export declare function defineCodeField\(\)/);
  assert.match(types, /export declare function defineSmsStepup\(\): Promise<typeof OtpSmsStepup>/);
  assert.match(types, /^export type \{ OtpSmsStepup \};$/m);
  assert.match(types, /^export \* from '\.\/exports\.js';$/m);
});

test('the client entry loads only the client, and no Lit', () => {
  const graph = moduleGraph('dist/client/index.js');
  assert.deepEqual(
    [...graph].filter((f) => !f.startsWith('dist/client/')),
    [],
  );
  assert.deepEqual([...bareImports(graph)], []);
});

test('the code-field entries load the code field only: no other element, style or the client', () => {
  for (const entry of ['dist/define/code-field.js', 'dist/code-field/otp-code-field.js']) {
    const graph = [...moduleGraph(entry)];
    assert.ok(graph.includes('dist/code-field/otp-code-field.styles.js'));
    const foreign = graph.filter((f) =>
      /email-auth|sms-stepup|provider|otp-flow-element|internal\/styles|context|client\//.test(f),
    );
    assert.deepEqual(foreign, [], entry);
    assert.deepEqual(
      graph.filter((f) => f.endsWith('.styles.js')),
      ['dist/code-field/otp-code-field.styles.js'],
    );
  }
});

// The parts a page loads when their step is reached, each with a string of its template. The
// classic script has them inside.
const LAZY_PARTS: Record<string, string> = {
  // with a discovery code
  'dist/otp-auth-elements.discovery-step.min.js': 'part="organization-list"',
  // with a first code, or a page's own <otp-code-field>
  'dist/otp-auth-elements.code-step.min.js': 'autocomplete="one-time-code"',
  // when a member without a verified phone reaches enrollment
  'dist/otp-auth-elements.phone-step.min.js': 'autocomplete="tel-national"',
  // when MFA continues inline, or a page's own <otp-sms-stepup>
  'dist/otp-auth-elements.sms-stepup.min.js': '"set-mfa-enrollment"',
  // with a first email code: what a right one leads to (session, MFA, the organizations)
  'dist/otp-auth-elements.code-outcome.min.js': 'part="sms-stepup"',
  // when a `Retry-After` is an HTTP-date rather than seconds
  'dist/otp-auth-elements.http-date.min.js': 'janfebmar',
};

// The date parser needs nothing; the discovery steps take the code step's styles helper (the code
// step is loaded before them).
const CHUNK_IMPORTS: Record<string, string[]> = {
  'dist/otp-auth-elements.http-date.min.js': [],
  'dist/otp-auth-elements.discovery-step.min.js': [
    './otp-auth-elements.min.js',
    './otp-auth-elements.code-step.min.js',
  ],
};

test('the steps after the code, the discovery steps, the code step, the SMS step-up, the phone step and the HTTP-date parser are lazy chunks of the script-tag file, inside the classic script', () => {
  const bundle = read('dist/otp-auth-elements.min.js');
  const classic = read('dist/otp-auth-elements.iife.min.js');
  for (const [chunk, marker] of Object.entries(LAZY_PARTS)) {
    assert.ok(read(chunk).includes(marker), chunk);
    assert.ok(!bundle.includes(marker), `${marker} in the script-tag file`);
    assert.ok(classic.includes(marker), `${marker} not in the classic script`);
    assert.ok(!classic.includes(chunk.slice('dist/'.length)), `the classic script loads ${chunk}`);
    // Lit comes from the script-tag file, rather than a second copy of its own.
    assert.deepEqual(
      [...read(chunk).matchAll(/from\s*"([^"]+)"/g)].map(([, s]) => s),
      CHUNK_IMPORTS[chunk] ?? ['./otp-auth-elements.min.js'],
      chunk,
    );
  }
  assert.match(
    read('dist/otp-auth-elements.code-step.min.js'),
    /\("otp-code-field",/,
    'the code step registers the field',
  );
  assert.match(
    read('dist/otp-auth-elements.sms-stepup.min.js'),
    /\("otp-sms-stepup",/,
    'the SMS step-up chunk registers it',
  );
});

// Each step's English (its error messages too), with the chunk of that step; the first step's in
// the script-tag file.
const ENGLISH_BY_CHUNK: Record<string, OtpMessagesOverride> = {
  'dist/otp-auth-elements.code-step.min.js': code,
  'dist/otp-auth-elements.sms-stepup.min.js': sms,
  'dist/otp-auth-elements.discovery-step.min.js': discovery,
  'dist/otp-auth-elements.min.js': base,
};
const literal = (text: string) =>
  new RegExp(`["'\`]${text.replace(/[.*+?^${}()|[\]\\]/g, '\\$&')}["'\`]`);

test('each step’s English is in its chunk, and not in the script-tag file', () => {
  const bundle = read('dist/otp-auth-elements.min.js');
  for (const [chunk, part] of Object.entries(ENGLISH_BY_CHUNK)) {
    const strings = [...Object.values(part), ...Object.values(part.errors ?? {})].filter(
      (v) => typeof v === 'string',
    );
    assert.ok(strings.length > 5, chunk);
    for (const text of strings) {
      assert.match(read(chunk), literal(text), `${chunk} lacks "${text}"`);
      if (chunk !== 'dist/otp-auth-elements.min.js') {
        assert.doesNotMatch(bundle, literal(text), `"${text}" in the script-tag file`);
      }
    }
  }
});

test('the catalog chunks beside the script-tag builds never load the bundle itself (it would register a second copy)', () => {
  const chunks = distFiles.filter(
    (f) =>
      /^dist\/otp-auth-elements\.[^/]+\.min\.js$/.test(f) &&
      !f.includes('.iife.') &&
      !(f in LAZY_PARTS),
  );
  assert.ok(chunks.length >= 7, chunks.join());
  for (const chunk of chunks) {
    const graph = [...moduleGraph(chunk)];
    assert.ok(!graph.includes('dist/otp-auth-elements.min.js'), `${chunk} imports the bundle`);
    assert.doesNotMatch(read(chunk), /defineElement|customElements/);
  }
});

test('each element entry registers its own element and what it renders, nothing else', () => {
  const registers = (entry: string, options?: { lazy: boolean }) =>
    [...moduleGraph(entry, options)]
      .flatMap((f) =>
        [...read(f).matchAll(/defineElement\(\s*['"]([a-z-]+)['"]/g)].map(([, tag]) => tag),
      )
      .sort();
  assert.deepEqual(registers('dist/define/code-field.js'), ['otp-code-field']);
  assert.deepEqual(registers('dist/define/provider.js'), ['otp-auth-provider']);
  assert.deepEqual(registers('dist/define/sms-stepup.js'), ['otp-sms-stepup']);
  assert.deepEqual(registers('dist/define/email-auth.js'), ['otp-email-auth']);
  // The SMS step-up it renders comes when MFA continues inline.
  assert.deepEqual(registers('dist/define/email-auth.js', { lazy: true }), [
    'otp-code-field',
    'otp-email-auth',
    'otp-sms-stepup',
  ]);
  // The code field they render comes when their first code is on its way.
  for (const entry of ['email-auth', 'sms-stepup']) {
    assert.deepEqual(
      registers(`dist/define/${entry}.js`, { lazy: true }).includes('otp-code-field'),
      true,
    );
  }
  assert.deepEqual(registers('dist/index.js'), [
    'otp-auth-provider',
    'otp-code-field',
    'otp-email-auth',
    'otp-sms-stepup',
  ]);
  for (const entry of ['email-auth', 'sms-stepup', 'code-field', 'provider']) {
    const target = (pkg.exports[`./${entry}/class`] as { default: string }).default.slice(2);
    assert.deepEqual(registers(target), [], `${entry}/class registers nothing`);
  }
});

test('sideEffects lists exactly the modules that register, attach or add English strings, and the entries made of them', () => {
  const globs = pkg.sideEffects as string[];
  const marked = (file: string) => globs.some((g) => matchesGlob(g, file));
  const entriesOfEffects = ['dist/index.js', 'dist/exports.js', 'dist/react/index.js'];
  for (const file of distFiles.filter((f) => f.endsWith('.js'))) {
    const code = read(file);
    const effectful =
      /(^|\n)\s*defineElement\(/.test(code) ||
      /\.attach\(/.test(code) ||
      /(^|\n)\s*addEnglish\(/.test(code) ||
      /^dist\/otp-auth-elements\.[^/]*js$/.test(file) ||
      entriesOfEffects.includes(file);
    assert.equal(marked(file), effectful, file);
  }
});

test('source maps carry their sources, and every sourceMappingURL resolves', () => {
  const maps = distFiles.filter((f) => f.endsWith('.map'));
  assert.ok(maps.length > 10);
  for (const file of maps) {
    const map = JSON.parse(read(file));
    assert.equal(map.sourcesContent?.length, map.sources.length, file);
    assert.ok(
      map.sourcesContent.every((s: unknown) => typeof s === 'string' && s.length > 0),
      file,
    );
  }
  for (const file of distFiles.filter((f) => f.endsWith('.js'))) {
    const url = read(file).match(/\/\/# sourceMappingURL=(\S+)\s*$/)?.[1];
    if (url) assert.ok(existsSync(join(root, dirname(file), url)), `${file} → ${url}`);
  }
});

test('the tarballs: no demo or sources, a LICENSE in both packages', () => {
  const packed = (args: string[]) =>
    (
      JSON.parse(
        execFileSync('npm', ['pack', '--dry-run', '--json', ...args], {
          cwd: root,
          encoding: 'utf8',
        }),
      )[0].files as { path: string }[]
    ).map((f) => f.path);
  const elements = packed([]);
  assert.ok(elements.includes('LICENSE'));
  assert.ok(elements.includes('custom-elements.json'));
  assert.ok(elements.includes('dist/otp-auth-elements.iife.min.js'));
  assert.deepEqual(
    elements.filter((f) => /^(demo|src|test|bench|server)\/|demo\/|\.test\.|(?<!\.d)\.ts$/.test(f)),
    [],
  );
  assert.ok(packed(['-w', 'otp-auth-server']).includes('LICENSE'));
  assert.match(read('LICENSE'), /^MIT License/);
  assert.equal(read('server/LICENSE'), read('LICENSE'));
});

test('publint finds nothing', () => {
  const run = spawnSync('npx', ['publint', 'run', '--strict'], { cwd: root, encoding: 'utf8' });
  assert.equal(run.status, 0, run.stdout + run.stderr);
  assert.match(run.stdout, /All good!/);
});

test('arethetypeswrong: every entry resolves with types under node16 ESM and bundler resolution', () => {
  const run = spawnSync(
    'npx',
    ['attw', '--pack', '.', '--profile', 'esm-only', '--format', 'json'],
    {
      cwd: root,
      encoding: 'utf8',
    },
  );
  assert.equal(run.status, 0, run.stdout + run.stderr);
  const { analysis } = JSON.parse(run.stdout);
  const entries = Object.keys(analysis.entrypoints);
  for (const key of Object.keys(pkg.exports)) assert.ok(entries.includes(key), key);
  const problems = (
    analysis.problems as { kind: string; resolutionKind?: string; entrypoint?: string }[]
  ).filter((p) => !['node10', 'node16-cjs'].includes(p.resolutionKind ?? ''));
  assert.deepEqual(problems, []);
});
