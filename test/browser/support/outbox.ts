// The emulator's outbox (behind the test server at /__dev/outbox): the codes it "sent".

import type { OutboxMessage } from '../../../server/src/emulator/types.js';
import { waitUntil } from './dom.js';

export async function outbox(): Promise<OutboxMessage[]> {
  const response = await fetch('/__dev/outbox', { headers: { accept: 'application/json' } });
  return (await response.json()).messages;
}

export async function messagesTo(to: string, channel: OutboxMessage['channel']) {
  return (await outbox()).filter((m) => m.to === to && m.channel === channel);
}

/** The newest code sent to `to`, waiting until more than `after` messages arrived. */
export async function latestCode(to: string, channel: OutboxMessage['channel'], after = 0) {
  let found: OutboxMessage[] = [];
  await waitUntil(
    async () => (found = await messagesTo(to, channel)).length > after,
    `no ${channel} code for ${to}`,
  );
  return found[found.length - 1].code;
}
