import assert from 'node:assert/strict';
import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { join } from 'node:path';
import { describe, it } from 'node:test';
import { fileURLToPath } from 'node:url';
import { tempDir } from './support.js';

const CLI = fileURLToPath(new URL('../../src/cli.ts', import.meta.url));
const TSX = import.meta.resolve('tsx');

interface Run {
  code: number | null;
  stdout: string;
  stderr: string;
}

/** Runs the CLI to completion (for commands that exit by themselves). */
function run(args: string[], cwd = process.cwd()): Promise<Run> {
  return new Promise((resolve, reject) => {
    const child = spawn(process.execPath, ['--import', TSX, CLI, ...args], { cwd });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (chunk) => (stdout += chunk));
    child.stderr.on('data', (chunk) => (stderr += chunk));
    child.on('error', reject);
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

/** Starts the emulator command, waits for its banner, runs `use`, then stops it with SIGTERM. */
async function withServer(
  args: string[],
  cwd: string,
  use: (url: string, banner: string) => Promise<void>,
) {
  const child = spawn(process.execPath, ['--import', TSX, CLI, 'emulator', ...args], { cwd });
  let stdout = '';
  let stderr = '';
  child.stderr.on('data', (chunk) => (stderr += chunk));
  const exited = new Promise<number | null>((resolve) => child.on('close', resolve));
  try {
    const url = await new Promise<string>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`no banner: ${stdout} ${stderr}`)), 20_000);
      child.stdout.on('data', (chunk) => {
        stdout += chunk;
        const match = /Stytch B2B OTP emulator: (http:\/\/\S+)\//.exec(stdout);
        if (match && stdout.includes('Dev outbox')) {
          clearTimeout(timer);
          resolve(match[1]!);
        }
      });
      child.on('close', () => reject(new Error(`exited early: ${stderr}`)));
    });
    await new Promise((resolve) => setTimeout(resolve, 50)); // the rest of the banner
    await use(url, stdout);
  } finally {
    child.kill('SIGTERM');
  }
  assert.equal(await exited, 0, stderr);
}

describe('otp-auth-server CLI', () => {
  for (const [label, args, message] of [
    ['an unknown flag', ['emulator', '--colour'], /Unknown option '--colour'/],
    ['a bad port', ['emulator', '--port', 'http'], /--port must be a number/],
    ['a port out of range', ['emulator', '--port', '70000'], /--port must be a number/],
    ['--data with --memory', ['emulator', '--data', 'x.json', '--memory'], /cannot be combined/],
    ['a positional argument', ['emulator', 'extra'], /Unexpected argument 'extra'/],
  ] as const) {
    it(`exits 2 with a clear error and usage for ${label}`, async () => {
      const result = await run([...args]);
      assert.equal(result.code, 2);
      assert.match(result.stderr, message);
      assert.match(result.stderr, /Usage: otp-auth-server emulator \[--port N\]/);
    });
  }

  it('exits 2 for an unknown command and lists the commands', async () => {
    const result = await run(['emulatr']);
    assert.equal(result.code, 2);
    assert.match(result.stderr, /unknown command "emulatr"/);
    assert.match(result.stderr, /emulator \[--port N\]/);
  });

  it('prints help with --help and exits 0', async () => {
    const result = await run(['emulator', '--help']);
    assert.equal(result.code, 0);
    assert.match(result.stdout, /--data FILE \| --memory/);
  });

  it('serves the emulator in memory and prints URL, credentials, outbox and the seeded project', async () => {
    const dir = await tempDir();
    try {
      await withServer(
        [
          '--memory',
          '--port',
          '0',
          '--project-id',
          'project-test-cli',
          '--secret',
          'secret-test-cli',
        ],
        dir.path,
        async (url, banner) => {
          assert.match(banner, /project_id: +project-test-cli/);
          assert.match(banner, /secret: +secret-test-cli/);
          assert.ok(banner.includes(`${url}/__dev/outbox`));
          assert.match(banner, /LOCAL DEVELOPMENT ONLY/);
          assert.match(banner, /Acme \(MFA optional\)/);
          assert.match(banner, /Globex \(MFA required\)/);
          assert.match(banner, /hank@example\.com .*\+15555550100 \(verified\)/);
          assert.match(banner, /in memory/);

          const orgId = /organization_id (organization-test-\S+) +slug acme/.exec(banner)![1];
          const auth = `Basic ${Buffer.from('project-test-cli:secret-test-cli').toString('base64')}`;
          const sent = await fetch(`${url}/v1/b2b/otps/email/login_or_signup`, {
            method: 'POST',
            headers: { authorization: auth, 'content-type': 'application/json' },
            body: JSON.stringify({ organization_id: orgId, email_address: 'ada@example.com' }),
          });
          assert.equal(sent.status, 200);
          const outbox = (await (await fetch(`${url}/__dev/outbox`)).json()) as {
            messages: { to: string }[];
          };
          assert.deepEqual(
            outbox.messages.map((m) => m.to),
            ['ada@example.com'],
          );
        },
      );
      assert.equal(existsSync(join(dir.path, '.data')), false);
    } finally {
      await dir.remove();
    }
  });

  it('keeps its data in .data/emulator.json under the working directory by default', async () => {
    const dir = await tempDir();
    try {
      await withServer(['--port', '0'], dir.path, async (_url, banner) => {
        assert.ok(banner.includes(join(dir.path, '.data', 'emulator.json')));
      });
      assert.equal(existsSync(join(dir.path, '.data', 'emulator.json')), true);
    } finally {
      await dir.remove();
    }
  });
});
