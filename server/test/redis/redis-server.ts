// Starts a throwaway redis-server (Debian package `redis-server`) on a free loopback port, with no
// persistence, for tests that need a real Redis. A missing binary is an error, never a skip:
// `.ci/run` installs it.
import { spawn, type ChildProcess } from 'node:child_process';
import { existsSync } from 'node:fs';
import { createServer } from 'node:net';

export interface RedisServer {
  port: number;
  url: string;
  stop(): Promise<void>;
}

const CANDIDATES = [
  '/usr/bin/redis-server',
  '/usr/local/bin/redis-server',
  '/usr/sbin/redis-server',
];
const START_TIMEOUT_MS = 10_000;

export function redisServerBinary(): string {
  const override = process.env.REDIS_SERVER_BIN;
  const found = override
    ? existsSync(override)
      ? override
      : undefined
    : CANDIDATES.find(existsSync);
  if (!found) {
    throw new Error(
      'redis-server is not installed: the Redis store tests need it. ' +
        'On Debian/Ubuntu: apt-get install -y redis-server (bash .ci/run does), ' +
        'or set REDIS_SERVER_BIN to its path.',
    );
  }
  return found;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      const port = typeof address === 'object' && address ? address.port : 0;
      server.close(() => resolve(port));
    });
  });
}

/** Resolves once the server accepts connections; rejects if it exits or stays silent too long. */
function ready(child: ChildProcess): Promise<void> {
  return new Promise((resolve, reject) => {
    let output = '';
    const timer = setTimeout(
      () => fail(new Error(`redis-server did not start:\n${output}`)),
      START_TIMEOUT_MS,
    );
    function fail(error: Error) {
      clearTimeout(timer);
      child.kill('SIGKILL');
      reject(error);
    }
    child.stdout?.on('data', (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes('Ready to accept connections')) {
        clearTimeout(timer);
        resolve();
      }
    });
    child.once('error', fail);
    child.once('exit', (code) => fail(new Error(`redis-server exited (${code}):\n${output}`)));
  });
}

export async function startRedisServer(): Promise<RedisServer> {
  const binary = redisServerBinary();
  const port = await freePort();
  const args = ['--port', String(port), '--bind', '127.0.0.1', '--save', '', '--appendonly', 'no'];
  const child = spawn(binary, args, { stdio: ['ignore', 'pipe', 'inherit'] });
  await ready(child);
  child.removeAllListeners('exit');
  child.removeAllListeners('error');
  return {
    port,
    url: `redis://127.0.0.1:${port}`,
    stop: () =>
      new Promise((resolve) => {
        if (child.exitCode !== null) return resolve();
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}
