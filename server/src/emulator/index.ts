// A local emulator of the Stytch B2B OTP API: same paths, fields, answers and errors, with a dev
// outbox instead of real email and SMS. `createEmulator()` returns a Web-standard fetch handler.

import { openEmulator } from './open.js';
import type { Emulator, EmulatorOptions } from './types.js';

export { DEFAULT_PROJECT_ID, DEFAULT_SECRET } from './constants.js';
export { OUTBOX_PATH } from './routes/outbox.js';
export type {
  Channel,
  Clock,
  Emulator,
  EmulatorOptions,
  EmulatorStats,
  OutboxMessage,
  SeedDiscoveryUser,
  SeedInfo,
  SeedMember,
  SeedOrganization,
} from './types.js';

export async function createEmulator(options: EmulatorOptions = {}): Promise<Emulator> {
  return (await openEmulator(options)).emulator;
}
