import { serve } from '@hono/node-server';
import { createDemoApp } from './demo-app.js';

export interface StartDemoOptions {
  port: number;
  /** Folder of the otp-auth-elements package (holds demo/ and dist/). */
  staticRoot: string;
  /** Data file of the embedded emulator; absent = in memory. */
  dataFile?: string;
  stytch?: { projectId: string; secret: string };
}

/** Starts the demo on localhost: page, elements, gateway and (without Stytch credentials) the emulator. */
export async function startDemo(options: StartDemoOptions) {
  const app = await createDemoApp(options);
  const server = serve({ fetch: app.fetch, port: options.port, hostname: 'localhost' });
  const url = `http://localhost:${options.port}`;
  const lines = [
    '',
    `otp-auth-elements demo: ${url}/`,
    app.emulator
      ? `Gateway ${url}/api → embedded Stytch emulator (no account, no network)`
      : `Gateway ${url}/api → Stytch (${options.stytch!.projectId})`,
  ];
  if (app.emulator) {
    lines.push(
      `Dev outbox (codes sent): ${url}/__dev/outbox`,
      `Emulator API for back-end SDKs: ${url}/emulator/  project_id ${app.emulator.projectId}  secret ${app.emulator.secret}`,
      ...(options.dataFile ? [`Emulator data: ${options.dataFile}`] : []),
      '',
      'Seeded organizations:',
    );
    for (const org of app.emulator.seedInfo?.organizations ?? []) {
      lines.push(`  ${org.organization_name} [${org.mfa_policy}] ${org.organization_id}`);
      for (const m of org.members) {
        const phone = m.mfa_phone_number_verified ? `, SMS MFA ${m.mfa_phone_number}` : '';
        lines.push(`    ${m.email_address}${phone}`);
      }
      for (const domain of org.email_allowed_domains) lines.push(`    any new @${domain} address`);
    }
  }
  console.log(lines.join('\n'));
  const stop = () => {
    server.close();
    void app.close().then(() => process.exit(0));
  };
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
  return server;
}
