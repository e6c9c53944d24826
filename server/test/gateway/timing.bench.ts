// Anti-enumeration timing: how long `login_or_signup` through the gateway takes for a member, a
// new address that may sign up, and a refused address, against the in-process emulator. A
// benchmark, not a test: run `node --import tsx test/gateway/timing.bench.ts [rounds]`.
import { performance } from 'node:perf_hooks';
import { createEmulator } from '../../src/emulator/index.js';
import { createGateway } from '../../src/gateway/index.js';
import { EMAIL_LOGIN, apiRequest } from './support.js';

const rounds = Number(process.argv[2] ?? 400);
let now = Date.now();
// Sixteen minutes pass between rounds, so the emulator's per-address send caps never answer 429.
const emulator = await createEmulator({
  seed: true,
  log: () => undefined,
  clock: { now: () => now },
});
const gateway = createGateway({
  projectId: emulator.projectId,
  secret: emulator.secret,
  upstream: 'http://emulator.invalid',
  fetch: (input, init) => emulator.fetch(new Request(input, init)),
  rateLimits: false, // measured here: the answer itself, not the limiter
});
const acme = emulator.seedInfo!.organizations.find((o) => o.mfa_policy === 'OPTIONAL')!;
const kinds = {
  member: () => 'ada@example.com',
  'new address (JIT sign-up)': () => `new-${crypto.randomUUID()}@example.com`,
  'refused domain': () => `someone-${crypto.randomUUID()}@elsewhere.test`,
};
const samples: Record<string, number[]> = Object.fromEntries(
  Object.keys(kinds).map((k) => [k, []]),
);

async function once(email: string): Promise<number> {
  const request = apiRequest(EMAIL_LOGIN, {
    body: { organization_id: acme.organization_id, email_address: email },
  });
  const started = performance.now();
  const response = await gateway(request);
  const text = await response.text();
  const elapsed = performance.now() - started;
  if (response.status !== 200) throw new Error(`${response.status} for ${email}: ${text}`);
  return elapsed;
}

for (let i = 0; i < 50; i += 1) {
  now += 16 * 60_000;
  for (const email of Object.values(kinds)) await once(email()); // warm-up
}
for (let round = 0; round < rounds; round += 1) {
  now += 16 * 60_000;
  for (const [kind, email] of Object.entries(kinds)) samples[kind].push(await once(email()));
}
await emulator.close();

const quantile = (values: number[], q: number) =>
  [...values].sort((a, b) => a - b)[Math.floor(q * (values.length - 1))];
const medians: Record<string, number> = {};
for (const [kind, values] of Object.entries(samples)) {
  medians[kind] = quantile(values, 0.5);
  console.log(
    `${kind.padEnd(26)} median ${medians[kind].toFixed(3)} ms  p90 ${quantile(values, 0.9).toFixed(3)} ms  (n=${values.length})`,
  );
}
const member = medians.member;
for (const kind of Object.keys(kinds).slice(1)) {
  console.log(`median difference member − ${kind}: ${(member - medians[kind]).toFixed(3)} ms`);
}
