// `otp-auth-server demo` as `npm start` runs it: banner with both addresses, the page on one
// port, the official SDK on the other, a clean exit on SIGTERM; clear errors for bad ports.

import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { quietClient, sdkSettings } from './support.js';

const CLI = fileURLToPath(new URL('../../src/cli.ts', import.meta.url));
const TSX = import.meta.resolve('tsx');

function startCli(args: string[]) {
  const env = { ...process.env };
  for (const name of ['PORT', 'STYTCH_PROJECT_ID', 'STYTCH_SECRET']) delete env[name];
  const child = spawn(process.execPath, ['--import', TSX, CLI, 'demo', ...args], { env });
  let stdout = '';
  let stderr = '';
  child.stdout.on('data', (chunk) => (stdout += chunk));
  child.stderr.on('data', (chunk) => (stderr += chunk));
  const exited = new Promise<number | null>((resolve) => child.on('close', resolve));
  /** Resolves with the banner once it is printed in full. */
  const banner = new Promise<string>((resolve, reject) => {
    child.stdout.on('data', () => {
      if (/Seeded organizations:[\s\S]*@/.test(stdout)) resolve(stdout);
    });
    void exited.then(() => reject(new Error(`exited early: ${stderr}`)));
  });
  banner.catch(() => {}); // awaited only by the tests that expect the demo to start
  return { child, banner, exited, output: () => ({ stdout, stderr }) };
}

describe('otp-auth-server demo', () => {
  it('serves the page and, on its own port, the emulator API the official SDK reaches', async () => {
    const run = startCli(['--port', '0', '--memory']);
    try {
      const banner = await run.banner;
      const page = /otp-auth-elements demo: (http:\/\/localhost:\d+)\//.exec(banner)![1]!;
      assert.match(await (await fetch(`${page}/`)).text(), /<otp-|main\.js/);
      const settings = sdkSettings(banner);
      assert.notEqual(settings.env, `${page}/`);
      const client = quietClient(settings);
      const [, name, id] = /^ {2}(\S.*) \[\w+\] (organization-\S+)$/m.exec(banner)!;
      const { organization } = await client.organizations.get({ organization_id: id! });
      assert.equal(organization.organization_name, name);
    } finally {
      run.child.kill('SIGTERM');
    }
    assert.equal(await run.exited, 0, run.output().stderr);
  });

  for (const [label, args, message] of [
    ['a port whose next one does not exist', ['--port', '65535'], /--emulator-port is needed/],
    ['the same port twice', ['--port', '9000', '--emulator-port', '9000'], /must differ/],
    ['a bad emulator port', ['--emulator-port', 'x'], /--emulator-port must be a number/],
  ] as const) {
    it(`exits 2 with a clear error for ${label}`, async () => {
      const run = startCli([...args]);
      assert.equal(await run.exited, 2);
      assert.match(run.output().stderr, message);
      assert.match(
        run.output().stderr,
        /Usage: otp-auth-server demo \[--port N\] \[--emulator-port N\]/,
      );
    });
  }
});
