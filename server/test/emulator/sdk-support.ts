// The official `stytch` Node SDK, unmodified, against an emulator served over HTTP on a free port.

import { serve, type ServerType } from '@hono/node-server';
import assert from 'node:assert/strict';
import type { AddressInfo } from 'node:net';
import { B2BClient } from 'stytch';
import { createEmulator, type Emulator, type EmulatorOptions } from '../../src/emulator/index.js';

export interface SdkHarness {
  emulator: Emulator;
  base: string;
  client: B2BClient;
  newClient(secret: string): B2BClient;
  /** The newest code for `to`, read over HTTP like a developer would. */
  codeFor(to: string): Promise<string>;
  close(): Promise<void>;
}

export async function startSdkHarness(options: EmulatorOptions = {}): Promise<SdkHarness> {
  const emulator = await createEmulator({ log: () => {}, ...options });
  let server: ServerType | undefined;
  await new Promise<void>((ready) => {
    server = serve({ fetch: emulator.fetch, port: 0, hostname: '127.0.0.1' }, () => ready());
  });
  const base = `http://127.0.0.1:${(server!.address() as AddressInfo).port}/`;
  const newClient = (secret: string) => {
    // The SDK warns about a custom env on construction; keep test output clean.
    const warn = console.warn;
    console.warn = () => {};
    try {
      return new B2BClient({ project_id: emulator.projectId, secret, env: base });
    } finally {
      console.warn = warn;
    }
  };
  return {
    emulator,
    base,
    client: newClient(emulator.secret),
    newClient,
    async codeFor(to) {
      const response = await fetch(`${base}__dev/outbox`, {
        headers: { accept: 'application/json' },
      });
      const { messages } = (await response.json()) as { messages: { to: string; code: string }[] };
      const message = messages.filter((m) => m.to === to).at(-1);
      assert.ok(message, `no code for ${to}`);
      return message.code;
    },
    async close() {
      await new Promise((closed) => server!.close(closed));
      await emulator.close();
    },
  };
}
