// `otp-auth-server demo`: the demo page, the built elements, the gateway and the emulator on one port.

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
    'Demo on http://localhost:PORT (default $PORT or 8787): page, elements, gateway at /api and ' +
    'the embedded emulator, or Stytch when STYTCH_PROJECT_ID and STYTCH_SECRET are set.',
  usage: '[--port N] [--data FILE | --memory]',
  options: {
    port: { type: 'string' },
    data: { type: 'string' },
    memory: { type: 'boolean' },
  },
  async run(values, fail) {
    const port = parsePort(values.port ?? process.env.PORT, fail, DEFAULT_DEMO_PORT);
    if (values.data !== undefined && values.memory) fail('--data and --memory cannot be combined.');
    const { STYTCH_PROJECT_ID: projectId, STYTCH_SECRET: secret } = process.env;
    if (Boolean(projectId) !== Boolean(secret))
      fail('Set both STYTCH_PROJECT_ID and STYTCH_SECRET.');
    await startDemo({
      port,
      staticRoot: PACKAGE_ROOT,
      stytch: projectId && secret ? { projectId, secret } : undefined,
      dataFile: values.memory
        ? undefined
        : resolve(PACKAGE_ROOT, (values.data as string | undefined) ?? DEFAULT_DATA_FILE),
    });
  },
};
