// Shared setup for the demo suites: a package folder laid out like otp-auth-elements (with files
// that must never be served), the demo started as `npm start` starts it, and raw HTTP requests.

import { mkdir, mkdtemp, readFile, rm, symlink, writeFile } from 'node:fs/promises';
import { connect } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import assert from 'node:assert/strict';
import { B2BClient } from 'stytch';
import { startDemo, type RunningDemo } from '../../src/demo/start-demo.js';

export interface Fixture {
  /** Folder outside the package: holds `outside.txt`. */
  outer: string;
  /** The package folder: `demo/`, `dist/`, `.data/emulator.json`, `package.json`, `secret.txt`. */
  root: string;
  dataFile: string;
  demo: RunningDemo;
  /** Strings from files the demo must never serve, by name; the signing key's private parts included. */
  secrets: Record<string, string>;
  remove(): Promise<void>;
}

export async function startFixture(): Promise<Fixture> {
  const outer = await mkdtemp(join(tmpdir(), 'otp-demo-'));
  const root = join(outer, 'pkg');
  const files: Record<string, string> = {
    'demo/index.html': '<!doctype html><title>demo page</title>',
    'demo/demo.css': 'body { color: teal }',
    'demo/.hidden.json': '"HIDDEN-SECRET"',
    'dist/demo/main.js': 'export const demoBundle = 1;',
    'dist/report.html': '<!doctype html><title>built report</title>',
    'package.json': '{"name":"PACKAGE-SECRET"}',
    'secret.txt': 'ROOT-SECRET',
  };
  for (const [path, text] of Object.entries(files)) {
    await mkdir(join(root, path, '..'), { recursive: true });
    await writeFile(join(root, path), text);
  }
  await writeFile(join(outer, 'outside.txt'), 'OUTSIDE-SECRET');
  await symlink('../secret.txt', join(root, 'demo/link-out.txt'));
  await symlink('..', join(root, 'demo/dir-link'));
  await symlink(join(outer, 'outside.txt'), join(root, 'dist/outside-link.js'));

  const dataFile = join(root, '.data', 'emulator.json');
  const demo = await startDemo({
    port: 0,
    emulatorPort: 0,
    staticRoot: root,
    dataFile,
    log: () => {},
  });
  const stored = JSON.parse(await readFile(dataFile, 'utf8')) as {
    signing_keys: { private_jwk: { d: string; p: string } }[];
  };
  const { d, p } = stored.signing_keys[0]!.private_jwk;
  return {
    outer,
    root,
    dataFile,
    demo,
    secrets: {
      'secret.txt': 'ROOT-SECRET',
      'outside.txt': 'OUTSIDE-SECRET',
      'package.json': 'PACKAGE-SECRET',
      'demo/.hidden.json': 'HIDDEN-SECRET',
      'signing key d': d,
      'signing key p': p,
      '/etc/passwd': 'root:x:0',
    },
    async remove() {
      await demo.close();
      await rm(outer, { recursive: true, force: true });
    },
  };
}

export interface RawReply {
  status: number;
  headers: Record<string, string>;
  /** Everything after the head, as sent (chunk sizes included). */
  body: string;
}

export interface RawOptions {
  /** The `Host` header; `null` sends none (HTTP/1.0). Default `localhost:PORT`. */
  host?: string | null;
  method?: string;
  headers?: Record<string, string>;
  body?: string;
}

/** Sends `target` byte for byte, without the URL normalization an HTTP client would apply. */
export async function rawRequest(
  port: number,
  target: string,
  { host = `localhost:${port}`, method = 'GET', headers = {}, body = '' }: RawOptions = {},
): Promise<RawReply> {
  const lines = [`${method} ${target} ${host === null ? 'HTTP/1.0' : 'HTTP/1.1'}`];
  if (host !== null) lines.push(`Host: ${host}`);
  for (const [name, value] of Object.entries(headers)) lines.push(`${name}: ${value}`);
  lines.push(`Content-Length: ${Buffer.byteLength(body)}`, 'Connection: close', '', body);
  const socket = connect(port, 'localhost');
  // Not end(): the server would take the half-close as the end of the exchange.
  socket.write(Buffer.from(lines.join('\r\n'), 'latin1'));
  const chunks: Buffer[] = [];
  for await (const chunk of socket) chunks.push(chunk as Buffer);
  const text = Buffer.concat(chunks).toString('utf8');
  const split = text.indexOf('\r\n\r\n');
  const [statusLine, ...headerLines] = text.slice(0, split).split('\r\n');
  const replyHeaders: Record<string, string> = {};
  for (const line of headerLines) {
    const colon = line.indexOf(':');
    replyHeaders[line.slice(0, colon).trim().toLowerCase()] = line.slice(colon + 1).trim();
  }
  const status = Number(statusLine!.split(' ')[1]);
  return { status, headers: replyHeaders, body: text.slice(split + 4) };
}

/** What a back-end developer copies from the banner. */
export function sdkSettings(banner: string) {
  const match =
    /Emulator API for back-end SDKs: (http:\/\/\S+) +\(B2BClient env; project_id (\S+) +secret (\S+)\)/.exec(
      banner,
    );
  assert.ok(match, banner);
  return { env: match[1]!, project_id: match[2]!, secret: match[3]! };
}

/** The SDK warns about a custom env on construction; keep test output clean. */
export function quietClient(settings: ConstructorParameters<typeof B2BClient>[0]): B2BClient {
  const warn = console.warn;
  console.warn = () => {};
  try {
    return new B2BClient(settings);
  } finally {
    console.warn = warn;
  }
}
