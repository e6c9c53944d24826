import { expect } from '@open-wc/testing';
import type { ReactiveController, ReactiveControllerHost } from 'lit';
import { FakeClock } from '../../test/browser/support/fake-clock.js';
import { systemClock } from './clock.js';
import { Countdown } from './countdown.js';

class Host implements ReactiveControllerHost {
  updates = 0;
  controllers: ReactiveController[] = [];
  addController(c: ReactiveController) {
    this.controllers.push(c);
  }
  removeController() {}
  requestUpdate() {
    this.updates++;
  }
  get updateComplete() {
    return Promise.resolve(true);
  }
}

describe('Countdown', () => {
  it('counts whole seconds down on its clock and calls onEnd once', () => {
    const clock = new FakeClock();
    let ended = 0;
    const countdown = new Countdown(
      new Host(),
      () => clock,
      () => ended++,
    );
    countdown.start(1.5);
    expect(countdown.remaining).to.equal(2);
    expect(countdown.active).to.be.true;
    clock.advance(499);
    expect(countdown.remaining).to.equal(2);
    clock.advance(1);
    expect(countdown.remaining).to.equal(1);
    clock.advance(999);
    expect(countdown.active).to.be.true;
    clock.advance(1);
    expect(countdown.active).to.be.false;
    expect(ended).to.equal(1);
    clock.advance(5000);
    expect(ended, 'once').to.equal(1);
    expect(clock.pending, 'no timer left').to.equal(0);
  });

  it('re-renders only when the number of seconds changes', () => {
    const clock = new FakeClock();
    const host = new Host();
    const countdown = new Countdown(host, () => clock);
    countdown.start(3);
    const afterStart = host.updates;
    clock.advance(300);
    expect(host.updates).to.equal(afterStart);
    clock.advance(700);
    expect(host.updates).to.equal(afterStart + 1);
  });

  it('stops without calling onEnd, and pauses while disconnected', () => {
    const clock = new FakeClock();
    let ended = 0;
    const countdown = new Countdown(
      new Host(),
      () => clock,
      () => ended++,
    );
    countdown.start(0.2);
    countdown.stop();
    expect(countdown.active).to.be.false;
    expect(clock.pending).to.equal(0);
    countdown.start(0.2);
    countdown.hostDisconnected();
    expect(clock.pending, 'no timer while disconnected').to.equal(0);
    clock.advance(300);
    expect(ended).to.equal(0);
    countdown.hostConnected();
    expect(countdown.active).to.be.false;
    expect(ended, 'ends on reconnect when the deadline passed').to.equal(1);
  });

  it('runs on the monotonic clock by default, whatever the device clock says', () => {
    const realNow = Date.now;
    try {
      const before = systemClock.now();
      Date.now = () => realNow() + 365 * 24 * 3600 * 1000;
      expect(systemClock.now() - before).to.be.below(1000);
    } finally {
      Date.now = realNow;
    }
  });
});
