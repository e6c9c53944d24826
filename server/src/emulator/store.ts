import { mkdir, open, readFile, rename, rm } from 'node:fs/promises';
import { dirname } from 'node:path';
import { randomBytes } from 'node:crypto';
import type { StoredKey } from './keys.js';
import type {
  GuardRecord,
  MemberRecord,
  OrganizationRecord,
  SeedInfo,
  SessionRecord,
} from './types.js';

export const DATA_FORMAT = 'otp-auth-emulator/1';

/** Everything that survives a restart. Codes and intermediate sessions are memory-only on purpose. */
export interface PersistedState {
  format: typeof DATA_FORMAT;
  organizations: Record<string, OrganizationRecord>;
  members: Record<string, MemberRecord>;
  sessions: Record<string, SessionRecord>;
  guards: Record<string, GuardRecord>;
  signing_keys: StoredKey[];
  /** base64url key for the stable ids of members that do not exist. */
  phantom_key: string;
  seed_info?: SeedInfo;
}

export async function loadState(file: string): Promise<PersistedState | undefined> {
  let text: string;
  try {
    text = await readFile(file, 'utf8');
  } catch (error) {
    if ((error as NodeJS.ErrnoException).code === 'ENOENT') return undefined;
    throw new Error(`Cannot read the emulator data file ${file}: ${(error as Error).message}`);
  }
  let state: unknown;
  try {
    state = JSON.parse(text);
  } catch {
    throw new Error(
      `The emulator data file ${file} is not valid JSON. Fix or delete it, or start with --memory.`,
    );
  }
  if ((state as PersistedState | null)?.format !== DATA_FORMAT) {
    throw new Error(
      `The emulator data file ${file} is not in the ${DATA_FORMAT} format. Delete it, or use another --data file.`,
    );
  }
  return state as PersistedState;
}

/** Writes the file atomically (temp file, fsync, rename); the file is readable by the owner only. */
export async function writeAtomically(file: string, text: string): Promise<void> {
  await mkdir(dirname(file), { recursive: true });
  const temp = `${file}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`;
  try {
    const handle = await open(temp, 'w', 0o600);
    try {
      await handle.writeFile(text, 'utf8');
      await handle.sync();
    } finally {
      await handle.close();
    }
    await rename(temp, file);
  } catch (error) {
    await rm(temp, { force: true });
    throw error;
  }
}

/**
 * Serialises saves: `save()` resolves once a write that includes the state at call time has
 * finished. Overlapping calls coalesce into one more write.
 */
export class Saver {
  private dirty = false;
  private running: Promise<void> | undefined;

  constructor(
    private readonly file: string,
    private readonly snapshot: () => string,
    private readonly onError: (error: unknown) => void,
  ) {}

  save(): Promise<void> {
    this.dirty = true;
    this.running ??= this.run();
    return this.running;
  }

  async flush(): Promise<void> {
    while (this.running) await this.running;
  }

  private async run(): Promise<void> {
    try {
      while (this.dirty) {
        this.dirty = false;
        try {
          await writeAtomically(this.file, this.snapshot());
        } catch (error) {
          this.onError(error);
        }
      }
    } finally {
      // Cleared in the same turn as the last `dirty` check, so no save() can slip in between.
      this.running = undefined;
    }
  }
}
