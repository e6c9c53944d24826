// The two ways an example is served in the tests: its static build next to the gateway (as the
// server README mounts it), or its own `npm start` with the emulator as the gateway's upstream.
import { spawn } from 'node:child_process';
import { readFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { extname, join, normalize } from 'node:path';
import { serve } from '@hono/node-server';
import { createGateway } from 'otp-auth-server/gateway';

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.svg': 'image/svg+xml',
  '.ico': 'image/x-icon',
  '.map': 'application/json',
};

async function staticFile(dir, pathname) {
  const relative = normalize(decodeURIComponent(pathname)).replace(/^(\.\.[/\\])+/, '');
  for (const candidate of [relative, join(relative, 'index.html'), 'index.html']) {
    try {
      const body = await readFile(join(dir, candidate));
      const type = TYPES[extname(candidate)] ?? 'application/octet-stream';
      return new Response(body, { headers: { 'content-type': type } });
    } catch {
      // next candidate; a single-page app answers unknown paths with its index.html
    }
  }
  return new Response('Not found', { status: 404 });
}

function listening(server) {
  return new Promise((resolve) => server.once('listening', () => resolve(server.address().port)));
}

/** Serves `dir` with the gateway at /api, forwarding to the emulator at `upstream.url`. */
export async function serveExample(dir, upstream) {
  const gateway = createGateway({
    projectId: upstream.emulator.projectId,
    secret: upstream.emulator.secret,
    upstream: upstream.url,
    basePath: '/api',
  });
  const server = serve({
    fetch: (request) => {
      const { pathname } = new URL(request.url);
      return pathname.startsWith('/api/') ? gateway(request) : staticFile(dir, pathname);
    },
    port: 0,
  });
  const port = await listening(server);
  return { port, close: () => new Promise((resolve) => server.close(resolve)) };
}

async function freePort() {
  const probe = createServer().listen(0);
  const port = await listening(probe);
  await new Promise((resolve) => probe.close(resolve));
  return port;
}

async function waitForHttp(url, child) {
  for (let attempt = 0; attempt < 600; attempt++) {
    if (child.exitCode !== null) throw new Error(`npm start exited with ${child.exitCode}`);
    try {
      await fetch(url);
      return;
    } catch {
      await new Promise((resolve) => setTimeout(resolve, 100));
    }
  }
  throw new Error(`${url} never answered`);
}

/**
 * Runs the example's `npm start` on a free port; its gateway reaches the emulator through
 * STYTCH_PROJECT_ID, STYTCH_SECRET and STYTCH_API_URL, as it would reach Stytch.
 */
export async function startOwnServer(dir, upstream) {
  const port = await freePort();
  const child = spawn('npm', ['start', '--silent'], {
    cwd: dir,
    stdio: 'inherit',
    detached: true,
    env: {
      ...process.env,
      PORT: String(port),
      STYTCH_PROJECT_ID: upstream.emulator.projectId,
      STYTCH_SECRET: upstream.emulator.secret,
      STYTCH_API_URL: upstream.url,
    },
  });
  const exited = new Promise((resolve) => child.once('exit', resolve));
  const stop = async () => {
    if (child.exitCode === null) process.kill(-child.pid, 'SIGTERM');
    await exited;
  };
  try {
    await waitForHttp(`http://127.0.0.1:${port}/`, child);
  } catch (error) {
    await stop();
    throw error;
  }
  return { port, close: stop };
}
