// Rough throughput of the email OTP login (login_or_signup + authenticate) against the in-process
// emulator. Not a test: run `node --import tsx test/emulator/bench.ts [iterations] [data-file]` in
// server/ (with a data file every request also writes it: temp file, fsync, rename).

import { performance } from 'node:perf_hooks';
import { MINUTE, setup } from './support.js';

const iterations = Number(process.argv[2] ?? 1000);
const api = await setup({ dataFile: process.argv[3] });
const org = await api.createOrg({ organization_name: 'Bench' });
await api.createMember(org.organization_id, 'bench@corp.test');

async function login(): Promise<void> {
  // Two minutes between logins keeps the member under the send cap.
  api.clock.advance(2 * MINUTE);
  const reply = await api.emailLogin(org.organization_id, 'bench@corp.test');
  if (reply.status !== 200) throw new Error(`login failed: ${JSON.stringify(reply.body)}`);
}

for (let i = 0; i < 50; i++) await login(); // warm-up
const start = performance.now();
for (let i = 0; i < iterations; i++) await login();
const seconds = (performance.now() - start) / 1000;
console.log(
  `${iterations} email logins in ${seconds.toFixed(2)} s: ${(iterations / seconds).toFixed(0)} logins/s, ` +
    `${((2 * iterations) / seconds).toFixed(0)} requests/s (login_or_signup + authenticate, RS256 JWT each)`,
);
