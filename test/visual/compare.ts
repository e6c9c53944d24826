// Compares a screenshot with its committed baseline (pixelmatch). On a difference the actual,
// expected and diff images go to test/visual/output/ (gitignored); in update mode the screenshot
// becomes the baseline.
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import pixelmatch from 'pixelmatch';
import { PNG } from 'pngjs';

/** Per-pixel colour distance (0–1) pixelmatch tolerates, and how many pixels may differ. */
export const THRESHOLD = 0.1;
export const MAX_DIFF_PIXELS = 20;

export interface Outcome {
  /** 'same', 'written' (update mode or a new baseline in update mode), or why it failed. */
  result: 'same' | 'written' | 'missing' | 'size' | 'pixels';
  diffPixels?: number;
  message?: string;
}

export function compareWithBaseline(
  actual: Buffer,
  name: string,
  dirs: { baselines: string; output: string },
  update: boolean,
): Outcome {
  const baselinePath = join(dirs.baselines, `${name}.png`);
  if (update) {
    const unchanged = existsSync(baselinePath) && same(readFileSync(baselinePath), actual);
    if (!unchanged) writeFileSync(baselinePath, actual);
    return { result: unchanged ? 'same' : 'written' };
  }
  if (!existsSync(baselinePath)) {
    writeOutput(dirs.output, name, { actual });
    return {
      result: 'missing',
      message: `no baseline ${baselinePath}; create it with npm run test:visual -- --update`,
    };
  }
  const expected = PNG.sync.read(readFileSync(baselinePath));
  const got = PNG.sync.read(actual);
  if (expected.width !== got.width || expected.height !== got.height) {
    writeOutput(dirs.output, name, { actual, expected: readFileSync(baselinePath) });
    return {
      result: 'size',
      message: `${name}: ${got.width}×${got.height}, baseline ${expected.width}×${expected.height}`,
    };
  }
  const diff = new PNG({ width: got.width, height: got.height });
  const diffPixels = pixelmatch(expected.data, got.data, diff.data, got.width, got.height, {
    threshold: THRESHOLD,
  });
  if (diffPixels <= MAX_DIFF_PIXELS) return { result: 'same', diffPixels };
  writeOutput(dirs.output, name, {
    actual,
    expected: readFileSync(baselinePath),
    diff: PNG.sync.write(diff),
  });
  return {
    result: 'pixels',
    diffPixels,
    message: `${name}: ${diffPixels} pixels differ (allowed ${MAX_DIFF_PIXELS}); see ${dirs.output}`,
  };
}

function same(a: Buffer, b: Buffer): boolean {
  const x = PNG.sync.read(a);
  const y = PNG.sync.read(b);
  if (x.width !== y.width || x.height !== y.height) return false;
  return pixelmatch(x.data, y.data, null, x.width, x.height, { threshold: THRESHOLD }) === 0;
}

function writeOutput(dir: string, name: string, images: Record<string, Buffer>): void {
  mkdirSync(dir, { recursive: true });
  for (const [kind, data] of Object.entries(images)) {
    writeFileSync(join(dir, `${name}.${kind}.png`), data);
  }
}
