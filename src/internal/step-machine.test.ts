import { expect } from '@open-wc/testing';
import { StepMachine } from './step-machine.js';

const host = () => ({
  updates: 0,
  addController() {},
  removeController() {},
  requestUpdate() {
    this.updates++;
  },
  updateComplete: Promise.resolve(true),
});

describe('StepMachine', () => {
  it('moves along the allowed transitions and re-renders the host', () => {
    const h = host();
    const steps = new StepMachine(h, { a: ['b'], b: ['a', 'c'], c: [] }, 'a');
    steps.go('b');
    steps.go('c');
    expect(steps.current).to.equal('c');
    expect(steps.is('b', 'c')).to.be.true;
    expect(h.updates).to.equal(2);
  });

  it('refuses a move that is not allowed, and ignores one to the current step', () => {
    const h = host();
    const steps = new StepMachine(h, { a: ['b'], b: [] }, 'a');
    steps.go('a');
    expect(h.updates).to.equal(0);
    steps.go('b');
    expect(() => steps.go('a')).to.throw('step b cannot go to a');
    expect(steps.current).to.equal('b');
  });
});
