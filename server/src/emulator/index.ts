// A local emulator of the Stytch B2B OTP API: same paths, fields, answers and errors, with a dev
// outbox instead of real email and SMS. `createEmulator()` returns a Web-standard fetch handler.

import { createApp } from './app.js';
import { DEFAULT_PROJECT_ID, DEFAULT_SECRET } from './constants.js';
import { Core } from './core.js';
import { newKey } from './crypto.js';
import { ApiError, errorResponse } from './errors.js';
import { SigningKeys } from './keys.js';
import { seedDemo } from './seed.js';
import { DATA_FORMAT, loadState, Saver, type PersistedState } from './store.js';
import type { Emulator, EmulatorOptions } from './types.js';

export { DEFAULT_PROJECT_ID, DEFAULT_SECRET } from './constants.js';
export { OUTBOX_PATH } from './routes/outbox.js';
export type {
  Channel,
  Clock,
  Emulator,
  EmulatorOptions,
  OutboxMessage,
  SeedInfo,
  SeedMember,
  SeedOrganization,
} from './types.js';

export async function createEmulator(options: EmulatorOptions = {}): Promise<Emulator> {
  const projectId = options.projectId ?? DEFAULT_PROJECT_ID;
  const secret = options.secret ?? DEFAULT_SECRET;
  const clock = options.clock ?? { now: () => Date.now() };
  const now = () => clock.now();
  const log = options.log ?? ((line: string) => console.log(line));
  const file = options.dataFile;

  const loaded = file ? await loadState(file) : undefined;
  const state = loaded ?? emptyState();
  const keys = await SigningKeys.load(state.signing_keys[0], now());
  state.signing_keys = [keys.stored];
  const core = new Core({ projectId, secret, now, log, state, keys });
  if (!loaded && (options.seed ?? file !== undefined)) state.seed_info = seedDemo(core);

  if (file) {
    core.saver = new Saver(
      file,
      () => {
        core.sessions.prune();
        core.codes.prune();
        return JSON.stringify(state, null, 2);
      },
      (error) => log(`[emulator] could not write ${file}: ${String(error)}`),
    );
    if (!loaded) await core.persist();
  }

  const app = createApp(core);
  return {
    async fetch(request: Request): Promise<Response> {
      try {
        return await app.fetch(request);
      } catch (error) {
        log(`[emulator] unexpected error: ${String(error)}`);
        return errorResponse(
          new ApiError(500, 'internal_server_error', 'The emulator failed to handle this request.'),
        );
      }
    },
    projectId,
    secret,
    outbox: () => core.outbox.list(),
    seedInfo: state.seed_info,
    close: () => core.saver?.flush() ?? Promise.resolve(),
  };
}

function emptyState(): PersistedState {
  return {
    format: DATA_FORMAT,
    organizations: {},
    members: {},
    sessions: {},
    guards: {},
    signing_keys: [],
    phantom_key: newKey().toString('base64url'),
  };
}
