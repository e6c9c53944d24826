// 4. Server: send + authenticate cycles on loopback, against the emulator directly and through the
// gateway (limiter off and on), then the emulator's heap after N sessions. Each server runs in its
// own process; this process drives them with `concurrency` loops for a bounded time and count.
// A cycle: POST email login_or_signup (a new member each time), read the code from the emulator's
// outbox (GET /__bench/code, in-process, the same in both setups), POST email authenticate.
import { spawn } from 'node:child_process';
import { SERVER } from './config.mjs';
import { root } from './lib/paths.mjs';
import { summary } from './lib/stats.mjs';

function startHost(args, nodeFlags = []) {
  const child = spawn(
    process.execPath,
    ['--import', 'tsx', ...nodeFlags, 'bench/server/host.mjs', ...args],
    {
      cwd: root,
      stdio: ['pipe', 'pipe', 'inherit'],
    },
  );
  return new Promise((resolve, reject) => {
    let buffer = '';
    child.stdout.on('data', (chunk) => {
      buffer += chunk;
      const newline = buffer.indexOf('\n');
      if (newline >= 0)
        resolve({ info: JSON.parse(buffer.slice(0, newline)), stop: () => child.stdin.end() });
    });
    child.on('exit', (code) => reject(new Error(`bench host ${args[0]} exited with ${code}`)));
  });
}

async function post(url, headers, body) {
  const started = performance.now();
  const response = await fetch(url, { method: 'POST', headers, body: JSON.stringify(body) });
  await response.arrayBuffer();
  return { status: response.status, ms: performance.now() - started };
}

async function drive({ base, headers, emulator, organizationId, label }) {
  let next = 0;
  const send = [];
  const authenticate = [];
  const cycle = [];
  const failures = new Map();
  const fail = (what) => failures.set(what, (failures.get(what) ?? 0) + 1);
  const run = async (deadline, record) => {
    while (performance.now() < deadline && next < SERVER.maxCycles) {
      const email_address = `${label}-${next++}@example.com`;
      const started = performance.now();
      const sent = await post(`${base}/v1/b2b/otps/email/login_or_signup`, headers, {
        organization_id: organizationId,
        email_address,
      });
      if (sent.status !== 200) {
        fail(`send ${sent.status}`);
        continue;
      }
      const { code } = await (
        await fetch(`${emulator}/__bench/code?to=${encodeURIComponent(email_address)}`)
      ).json();
      const done = await post(`${base}/v1/b2b/otps/email/authenticate`, headers, {
        organization_id: organizationId,
        email_address,
        code,
      });
      if (done.status !== 200) {
        fail(`authenticate ${done.status}`);
        continue;
      }
      if (record) {
        send.push(sent.ms);
        authenticate.push(done.ms);
        cycle.push(performance.now() - started);
      }
    }
  };
  const loops = (seconds, record) => {
    const deadline = performance.now() + seconds * 1000;
    return Promise.all(Array.from({ length: SERVER.concurrency }, () => run(deadline, record)));
  };
  await loops(2, false); // warm-up: JIT, connection pools
  next = 0;
  const started = performance.now();
  await loops(SERVER.seconds, true);
  const seconds = (performance.now() - started) / 1000;
  return {
    cycles: cycle.length,
    seconds,
    cyclesPerSecond: cycle.length / seconds,
    requestsPerSecond: (2 * cycle.length) / seconds,
    send: summary(send),
    authenticate: summary(authenticate),
    cycle: summary(cycle),
    failures: Object.fromEntries(failures),
  };
}

export async function measureServer() {
  const results = {};
  const emulator = await startHost(['emulator']);
  const { port, organizationId, projectId, secret } = emulator.info;
  const emulatorUrl = `http://127.0.0.1:${port}`;
  try {
    results.direct = await drive({
      base: emulatorUrl,
      emulator: emulatorUrl,
      organizationId,
      label: 'direct',
      headers: {
        'content-type': 'application/json',
        authorization: `Basic ${Buffer.from(`${projectId}:${secret}`).toString('base64')}`,
      },
    });
    for (const limiter of ['off', 'on']) {
      const gateway = await startHost([
        'gateway',
        emulatorUrl,
        limiter,
        JSON.stringify({ projectId, secret }),
      ]);
      const gatewayUrl = `http://127.0.0.1:${gateway.info.port}`;
      try {
        results[`gateway-${limiter}`] = {
          limiter: gateway.info.limiter,
          ...(await drive({
            base: `${gatewayUrl}/api`,
            emulator: emulatorUrl,
            organizationId,
            label: `gateway-${limiter}`,
            headers: { 'content-type': 'application/json', origin: gatewayUrl, 'x-otp-auth': '1' },
          })),
        };
      } finally {
        gateway.stop();
      }
    }
  } finally {
    emulator.stop();
  }
  const memory = await startHost(
    ['sessions', String(SERVER.sessions), String(SERVER.members)],
    ['--expose-gc'],
  );
  memory.stop();
  results.memory = memory.info;
  const scaling = await startHost([
    'scaling',
    String(SERVER.scalingMembers),
    String(SERVER.scalingBatch),
  ]);
  scaling.stop();
  results.scaling = scaling.info.batches;
  results.config = { ...SERVER };
  return results;
}
