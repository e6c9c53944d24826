// axe-core on every state of the flow elements (the states of the visual suite, test/visual/
// states.ts), in the light and the dark theme, in every engine the runner starts.
import { expect, fixture, html } from '@open-wc/testing';
import { mountState, stateNames } from '../../visual/states.js';

describe('every state passes axe-core', () => {
  for (const theme of ['light', 'dark']) {
    describe(theme, () => {
      for (const name of stateNames()) {
        it(name, async () => {
          const container = await fixture<HTMLElement>(html`<main></main>`);
          const { el } = await mountState(name, container, { theme });
          await expect(el).to.be.accessible();
        });
      }
    });
  }
});
