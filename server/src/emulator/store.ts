// The data file: read at start, written atomically, only when the persisted state changed (as the
// records' generation tells, without serializing anything to find out).

import { randomBytes } from 'node:crypto';
import { mkdir, open, readdir, readFile, rename, rm } from 'node:fs/promises';
import { basename, dirname, join } from 'node:path';
import { DATA_FORMAT, type PersistedState } from './records.js';

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

const tempName = (file: string) => `${file}.${process.pid}.${randomBytes(6).toString('hex')}.tmp`;

/** Matches the names `tempName` gives, for `file`. */
function isTempOf(file: string, name: string): boolean {
  const prefix = `${basename(file)}.`;
  return name.startsWith(prefix) && /^[0-9]+\.[0-9a-f]{12}\.tmp$/.test(name.slice(prefix.length));
}

/** Removes temp files a crash left beside the data file. Returns how many were removed. */
export async function removeStrayTempFiles(file: string): Promise<number> {
  let names: string[];
  try {
    names = await readdir(dirname(file));
  } catch {
    return 0;
  }
  const stray = names.filter((name) => isTempOf(file, name));
  await Promise.all(stray.map((name) => rm(join(dirname(file), name), { force: true })));
  return stray.length;
}

/** Writes the file atomically (temp file, fsync, rename); the file is readable by the owner only. */
export async function writeAtomically(file: string, text: string): Promise<void> {
  await mkdir(dirname(file), { recursive: true });
  const temp = tempName(file);
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

interface Waiter {
  resolve(): void;
  reject(error: unknown): void;
}

/**
 * Serialises saves: `save()` resolves once the file holds the state as it was at the call (at once,
 * without serializing anything, when the state's generation has not moved since the last write).
 * Overlapping calls share one write. A write serializes the whole state (the file is replaced
 * atomically). When a write fails, `restore` puts the last written state back in memory and every
 * caller whose changes are lost is rejected, so memory and file never disagree about an answered
 * change.
 */
export class Saver {
  private waiting: Waiter[] = [];
  private running = false;
  /** The generation the file holds. */
  private savedAt: number;

  constructor(
    private readonly file: string,
    private readonly generation: () => number,
    private readonly snapshot: () => string,
    private readonly restore: (saved: string) => void,
    /** What the file holds, at the current generation. */
    private saved: string,
    readonly write: (file: string, text: string) => Promise<void> = writeAtomically,
  ) {
    this.savedAt = generation();
  }

  save(): Promise<void> {
    if (!this.running && this.generation() === this.savedAt) return Promise.resolve();
    return new Promise<void>((resolve, reject) => {
      this.waiting.push({ resolve, reject });
      if (!this.running) void this.run();
    });
  }

  async flush(): Promise<void> {
    while (this.running || this.waiting.length) await this.save().catch(() => undefined);
  }

  private async run(): Promise<void> {
    this.running = true;
    try {
      while (this.waiting.length) {
        const batch = this.waiting.splice(0);
        const generation = this.generation();
        if (generation === this.savedAt) {
          for (const waiter of batch) waiter.resolve();
          continue;
        }
        const text = this.snapshot();
        try {
          await this.write(this.file, text);
          this.saved = text;
          this.savedAt = generation;
          for (const waiter of batch) waiter.resolve();
        } catch (error) {
          // Changes made while the write ran are not on disk either: undo and refuse them too.
          const lost = [...batch, ...this.waiting.splice(0)];
          this.restore(this.saved);
          this.savedAt = this.generation();
          for (const waiter of lost) waiter.reject(error);
        }
      }
    } finally {
      this.running = false;
    }
  }
}
