// Starts an emulator and hands back its core too (tests look at the state behind the API).

import { createApp } from './app.js';
import {
  DEFAULT_PROJECT_ID,
  DEFAULT_SECRET,
  DEFAULT_SMS_CALLING_CODES,
  USER_LOCK_DEFAULT_THRESHOLD,
  USER_LOCK_DEFAULT_TTL_MINUTES,
} from './constants.js';
import { Core } from './core.js';
import { SigningKeys } from './keys.js';
import { Records } from './records.js';
import { seedDemo } from './seed.js';
import { loadState, removeStrayTempFiles, writeAtomically } from './store.js';
import type { Emulator, EmulatorOptions } from './types.js';

export async function openEmulator(
  options: EmulatorOptions = {},
): Promise<{ emulator: Emulator; core: Core }> {
  const projectId = options.projectId ?? DEFAULT_PROJECT_ID;
  const secret = options.secret ?? DEFAULT_SECRET;
  const clock = options.clock ?? { now: () => Date.now() };
  const now = () => clock.now();
  const log = options.log ?? ((line: string) => console.log(line));
  const file = options.dataFile;

  const records = new Records();
  if (file) {
    const stray = await removeStrayTempFiles(file);
    if (stray) log(`[emulator] removed ${stray} temp file(s) an earlier run left beside ${file}`);
  }
  const loaded = file ? await loadState(file) : undefined;
  if (loaded) records.load(loaded);
  const keys = await SigningKeys.load(records.signingKeys[0], now());
  records.signingKeys = [keys.stored];
  const core = new Core({
    projectId,
    secret,
    now,
    log,
    records,
    keys,
    userLock: {
      threshold: options.userLock?.threshold ?? USER_LOCK_DEFAULT_THRESHOLD,
      ttlMs: (options.userLock?.ttlMinutes ?? USER_LOCK_DEFAULT_TTL_MINUTES) * 60_000,
    },
    smsCallingCodes: options.smsCallingCodes ?? DEFAULT_SMS_CALLING_CODES,
  });
  if (!loaded && (options.seed ?? file !== undefined)) core.seedInfo = seedDemo(core);

  if (file) {
    const text = core.snapshot();
    if (!loaded) await writeAtomically(file, text);
    core.persistTo(file, text);
  }

  const app = createApp(core);
  const emulator: Emulator = {
    fetch: async (request: Request) => app.fetch(request),
    projectId,
    secret,
    outbox: () => core.outbox.list(),
    seedInfo: core.seedInfo,
    stats: () => core.stats(),
    close: () => core.flush(),
  };
  return { emulator, core };
}
