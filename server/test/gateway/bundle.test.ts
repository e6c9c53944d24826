// The package's gateway entries must bundle for a platform-neutral runtime (Workers, Deno, edge):
// no `node:` module and no Node built-in anywhere in their module graph.
import assert from 'node:assert/strict';
import { describe, it } from 'node:test';
import { bundleNeutral, specifierOf } from '../workers/bundle.js';

const reexport = (subpath: string) =>
  bundleNeutral(`export * from '${specifierOf(subpath)}';`, [subpath]);

describe('package entries for neutral platforms', () => {
  for (const subpath of ['./gateway', '.']) {
    it(`${specifierOf(subpath)} bundles with no node: import`, async () => {
      const { imports, code } = await reexport(subpath);
      assert.deepEqual(imports, []);
      assert.match(code, /createGateway/);
    });
  }

  it('the emulator entry is Node-only, and the check sees it', async () => {
    const { imports } = await reexport('./emulator');
    assert.ok(
      imports.some((name) => name.startsWith('node:')),
      'expected node: imports',
    );
  });
});
