// `otp-auth-server emulator`: serves the emulator on localhost and prints what a developer needs.

import { serve } from '@hono/node-server';
import { resolve } from 'node:path';
import type { CliCommand } from '../cli.js';
import { DEFAULT_PROJECT_ID, DEFAULT_SECRET } from './constants.js';
import { createEmulator } from './index.js';
import { OUTBOX_PATH } from './routes/outbox.js';
import type { Emulator } from './types.js';

export const DEFAULT_PORT = 8788;
export const DEFAULT_DATA_FILE = '.data/emulator.json';

export const emulatorCommand: CliCommand = {
  summary: 'Local emulator of the Stytch B2B OTP API, with a dev outbox instead of email and SMS.',
  usage: '[--port N] [--host H] [--project-id ID] [--secret S] [--data FILE | --memory]',
  options: {
    port: { type: 'string' },
    host: { type: 'string' },
    'project-id': { type: 'string' },
    secret: { type: 'string' },
    data: { type: 'string' },
    memory: { type: 'boolean' },
  },
  async run(values, fail) {
    const port = parsePort(values.port, fail);
    if (values.data !== undefined && values.memory) fail('--data and --memory cannot be combined.');
    const host = (values.host as string | undefined) ?? '127.0.0.1';
    const projectId = (values['project-id'] as string | undefined) ?? DEFAULT_PROJECT_ID;
    const secret = (values.secret as string | undefined) ?? DEFAULT_SECRET;
    if (!projectId || !secret) fail('--project-id and --secret must not be empty.');
    const dataFile = values.memory
      ? undefined
      : resolve((values.data as string | undefined) ?? DEFAULT_DATA_FILE);

    const emulator = await createEmulator({
      projectId,
      secret,
      dataFile,
      seed: values.memory ? true : undefined,
    });
    await new Promise<void>((started, failed) => {
      const server = serve({ fetch: emulator.fetch, port, hostname: host }, (info) => {
        console.log(
          banner(
            emulator,
            `http://${host.includes(':') ? `[${host}]` : host}:${info.port}`,
            dataFile,
          ),
        );
        started();
      });
      server.once('error', failed);
      const stop = () => {
        server.close();
        void emulator.close().then(() => process.exit(0));
      };
      process.once('SIGINT', stop);
      process.once('SIGTERM', stop);
    });
  },
};

export function parsePort(
  value: string | boolean | undefined,
  fail: (message: string) => never,
  fallback = DEFAULT_PORT,
): number {
  if (value === undefined) return fallback;
  const port = typeof value === 'string' && /^[0-9]{1,5}$/.test(value) ? Number(value) : NaN;
  if (!(port >= 0 && port <= 65535))
    fail(`--port must be a number from 0 to 65535, not "${String(value)}".`);
  return port;
}

export function banner(emulator: Emulator, url: string, dataFile: string | undefined): string {
  const lines = [
    '',
    `Stytch B2B OTP emulator: ${url}/`,
    `  B2BClient env:  ${url}/`,
    `  project_id:     ${emulator.projectId}`,
    `  secret:         ${emulator.secret}`,
    `  JWKS:           ${url}/v1/b2b/sessions/jwks/${emulator.projectId}`,
    `  Dev outbox:     ${url}${OUTBOX_PATH}`,
    `  Data:           ${dataFile ?? 'in memory (lost on exit)'}`,
    '',
    'LOCAL DEVELOPMENT ONLY: one-time codes are printed below and shown at the dev outbox in clear',
    'text, so you can log in without an email or SMS provider.',
  ];
  for (const org of emulator.seedInfo?.organizations ?? []) {
    lines.push(
      '',
      `${org.organization_name}  [mfa_policy ${org.mfa_policy}]`,
      `  organization_id ${org.organization_id}  slug ${org.organization_slug}`,
    );
    for (const member of org.members) {
      const phone = member.mfa_phone_number
        ? `, MFA phone ${member.mfa_phone_number}${member.mfa_phone_number_verified ? ' (verified)' : ''}`
        : ', no phone';
      lines.push(`  ${member.email_address} (${member.status}${phone})`);
    }
    for (const domain of org.email_allowed_domains)
      lines.push(`  any new @${domain} address may sign up`);
  }
  const discovery = emulator.seedInfo?.discovery;
  if (discovery) {
    const where = discovery.organizations.map((o) => `${o.organization_slug} (${o.status})`);
    lines.push('', `Discovery login: ${discovery.email_address}, member of ${where.join(', ')}`);
  }
  lines.push('');
  return lines.join('\n');
}
