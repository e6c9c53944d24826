// The demo serves demo/ and dist/ and nothing else: every encoding of a way out answers 404 and
// never the contents of a file outside those folders (issue 8, item 11).

import assert from 'node:assert/strict';
import { after, before, describe, it } from 'node:test';
import { rawRequest, startFixture, type Fixture } from './support.js';

let fixture: Fixture;
let port: number;

before(async () => {
  fixture = await startFixture();
  port = fixture.demo.port;
});
after(() => fixture.remove());

/** Ways to write `..`: plain, percent-encoded, double-encoded, overlong UTF-8, look-alikes, NUL. */
const DOT_DOTS = [
  '..',
  '%2e%2e',
  '%2E%2E',
  '.%2e',
  '%2e.',
  '%252e%252e',
  '%%32%65%%32%65',
  '%c0%ae%c0%ae',
  '%e0%80%ae%e0%80%ae',
  '%f0%80%80%ae%f0%80%80%ae',
  '%u002e%u002e',
  '%ef%bc%8e%ef%bc%8e', // fullwidth full stops, NFKC-equal to ".."
  '%e2%80%a5', // two dot leader, NFKC-equal to ".."
  '..%00',
  '%2e%2e%00',
];

/** Ways to write `/`: percent-encoded, double-encoded, backslashes, overlong UTF-8, look-alikes. */
const SLASHES = [
  '/',
  '//',
  '%2f',
  '%2F',
  '%252f',
  '%5c',
  '%5C',
  '%255c',
  '\\',
  '%c0%af',
  '%e0%80%af',
  '%c1%9c',
  '%ef%bc%8f', // fullwidth solidus
  '%e2%88%95', // division slash
  '%u2215',
];

const TARGETS = ['.data/emulator.json', 'secret.txt', 'package.json'];

function traversals(): string[] {
  const paths: string[] = [];
  for (const folder of ['/demo/', '/dist/', '/dist/demo/'])
    for (const dotDot of DOT_DOTS)
      for (const slash of SLASHES)
        for (const target of TARGETS) {
          const up =
            folder === '/dist/demo/' ? `${dotDot}${slash}${dotDot}${slash}` : dotDot + slash;
          paths.push(folder + up + target.replaceAll('/', slash));
        }
  return paths;
}

const SPECIAL_CASES = [
  // Not served at all.
  '/.data/emulator.json',
  '/.data/',
  '/secret.txt',
  '/package.json',
  '/demo/.hidden.json',
  '/demo/%2ehidden.json',
  // Dot segments the URL parser resolves before routing.
  '/demo/../secret.txt',
  '/demo/./../secret.txt',
  '/demo/../.data/emulator.json',
  // Encoded folder separators and case.
  '/demo%2f..%2fsecret.txt',
  '/demo%2F..%2F.data%2Femulator.json',
  '/DEMO/..%2fsecret.txt',
  '/dist%5c..%5csecret.txt',
  // Through other routes.
  '/emulator/..%2f..%2fsecret.txt',
  '/__dev/..%2f..%2f.data%2femulator.json',
  '/api/..%2f..%2f.data%2femulator.json',
  // NUL to cut an extension.
  '/demo/index.html%00',
  '/demo/..%2fsecret.txt%00.css',
  '/demo/..%2f.data%2femulator.json%00.js',
  // Symlinks inside the folders that lead out of them.
  '/demo/link-out.txt',
  '/demo/dir-link/secret.txt',
  '/demo/dir-link/.data/emulator.json',
  '/demo/dir-link/package.json',
  '/dist/outside-link.js',
];

function absolutePaths(): string[] {
  const outside = `${fixture.outer}/outside.txt`;
  const data = fixture.dataFile;
  return [
    ...[outside, data, '/etc/passwd'].flatMap((file) => [
      `/demo/${file}`,
      `/demo/${encodeURIComponent(file)}`,
      `/dist/${encodeURIComponent(encodeURIComponent(file))}`,
      `/${file}`,
      `/demo/%2f${file.slice(1)}`,
    ]),
    `/demo/..%2f..%2foutside.txt`,
    `/demo/%2e%2e%2f%2e%2e%2f%2e%2e%2f%2e%2e%2f%2e%2e%2f%2e%2e%2f%2e%2e%2fetc%2fpasswd`,
  ];
}

describe('demo static files', () => {
  it('serves the demo page and the built files (the control for the cases below)', async () => {
    for (const [path, text] of [
      ['/', 'demo page'],
      ['/demo/demo.css', 'color: teal'],
      ['/dist/demo/main.js', 'demoBundle'],
    ]) {
      const reply = await rawRequest(port, path!);
      assert.equal(reply.status, 200, path);
      assert.ok(reply.body.includes(text!), path);
    }
  });

  it(`refuses ${DOT_DOTS.length * SLASHES.length * TARGETS.length * 3} encodings of "..": 404 (400 for a raw backslash), never a file outside demo/ and dist/`, async () => {
    const paths = traversals();
    for (let i = 0; i < paths.length; i += 50)
      await Promise.all(paths.slice(i, i + 50).map((path) => assertRefused(path)));
  });

  it('answers 404 to hidden files, NUL bytes, other routes and symlinks leading out', async () => {
    for (const path of SPECIAL_CASES) await assertRefused(path);
  });

  it('answers 404 to absolute paths, plain and encoded', async () => {
    for (const path of absolutePaths()) await assertRefused(path);
  });

  it('never gives out the data file or the private signing key, whatever the method', async () => {
    const paths = [
      ...['/demo/..%2f.data%2femulator.json', '/demo/dir-link/.data/emulator.json'],
      `/demo/${encodeURIComponent(fixture.dataFile)}`,
    ];
    for (const method of ['GET', 'HEAD', 'POST', 'PUT', 'OPTIONS'])
      for (const path of paths) await assertRefused(path, method);
    const jwks = await rawRequest(
      fixture.demo.emulatorPort!,
      `/v1/b2b/sessions/jwks/${fixture.demo.app.emulator!.projectId}`,
    );
    assert.equal(jwks.status, 200);
    assert.deepEqual(leaks(jwks.body), []);
  });
});

async function assertRefused(path: string, method = 'GET') {
  const reply = await rawRequest(port, path, { method });
  assert.deepEqual(leaks(reply.body), [], `${method} ${path} leaked a file`);
  // @hono/node-server refuses a raw backslash in the request target before any route: 400.
  const expected = path.includes('\\') ? 400 : 404;
  assert.equal(reply.status, expected, `${method} ${path} answered ${reply.status}`);
}

/** Names of the secrets found in `body`. */
function leaks(body: string): string[] {
  return Object.entries(fixture.secrets)
    .filter(([, secret]) => body.includes(secret))
    .map(([name]) => name);
}
