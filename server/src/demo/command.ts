// `otp-auth-server demo`: the demo page, the built elements and the gateway on one port; the
// emulator API on the next one, at its root as back-end SDKs expect.

import { resolve } from 'node:path';
import { fileURLToPath } from 'node:url';
import type { CliCommand } from '../cli.js';
import { DEFAULT_DATA_FILE, parsePort } from '../emulator/command.js';
import { startDemo } from './start-demo.js';

const DEFAULT_DEMO_PORT = 8787;
// server/{src,dist}/demo/ → the otp-auth-elements package, which holds demo/ and dist/.
const PACKAGE_ROOT = fileURLToPath(new URL('../../../', import.meta.url));

export const demoCommand: CliCommand = {
  summary:
    'Demo on http://localhost:PORT (default $PORT or 8787): page, elements and gateway at /api, ' +
    'with the embedded emulator API on http://localhost:EMULATOR_PORT (default PORT + 1), or ' +
    'Stytch when STYTCH_PROJECT_ID and STYTCH_SECRET are set. Listens on localhost only.',
  usage: '[--port N] [--emulator-port N] [--data FILE | --memory]',
  options: {
    port: { type: 'string' },
    'emulator-port': { type: 'string' },
    data: { type: 'string' },
    memory: { type: 'boolean' },
  },
  async run(values, fail) {
    const port = parsePort(values.port ?? process.env.PORT, fail, DEFAULT_DEMO_PORT);
    const emulatorPort = parsePort(
      values['emulator-port'],
      (message) => fail(message.replace('--port', '--emulator-port')),
      port === 0 ? 0 : port + 1,
    );
    if (emulatorPort > 65535) fail(`--emulator-port is needed: PORT + 1 is ${emulatorPort}.`);
    if (emulatorPort === port && port !== 0) fail('--port and --emulator-port must differ.');
    if (values.data !== undefined && values.memory) fail('--data and --memory cannot be combined.');
    const { STYTCH_PROJECT_ID: projectId, STYTCH_SECRET: secret } = process.env;
    if (Boolean(projectId) !== Boolean(secret))
      fail('Set both STYTCH_PROJECT_ID and STYTCH_SECRET.');
    const demo = await startDemo({
      port,
      emulatorPort,
      staticRoot: PACKAGE_ROOT,
      stytch: projectId && secret ? { projectId, secret } : undefined,
      dataFile: values.memory
        ? undefined
        : resolve(PACKAGE_ROOT, (values.data as string | undefined) ?? DEFAULT_DATA_FILE),
    });
    console.log(demo.banner);
    const stop = () => void demo.close().then(() => process.exit(0));
    process.once('SIGINT', stop);
    process.once('SIGTERM', stop);
  },
};
