import { expect, waitUntil } from '@open-wc/testing';
import type { ReactiveController, ReactiveControllerHost } from 'lit';
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
  it('counts whole seconds down and calls onEnd once', async () => {
    const host = new Host();
    let ended = 0;
    const countdown = new Countdown(host, () => ended++);
    countdown.start(1.5);
    expect(countdown.remaining).to.equal(2);
    expect(countdown.active).to.be.true;
    await waitUntil(() => countdown.remaining === 1, 'one second left', { timeout: 2000 });
    await waitUntil(() => !countdown.active, 'ended', { timeout: 2000 });
    expect(ended).to.equal(1);
    expect(host.updates).to.equal(3);
  });

  it('ignores the device clock', async () => {
    const realNow = Date.now;
    const countdown = new Countdown(new Host());
    try {
      countdown.start(60);
      Date.now = () => realNow() + 3600_000;
      await new Promise((r) => setTimeout(r, 50));
      expect(countdown.remaining).to.equal(60);
    } finally {
      Date.now = realNow;
      countdown.stop();
    }
  });

  it('stops without calling onEnd, and pauses while disconnected', async () => {
    const host = new Host();
    let ended = 0;
    const countdown = new Countdown(host, () => ended++);
    countdown.start(0.2);
    countdown.stop();
    expect(countdown.active).to.be.false;
    countdown.start(0.2);
    countdown.hostDisconnected();
    await new Promise((r) => setTimeout(r, 300));
    expect(ended, 'no timer runs while disconnected').to.equal(0);
    countdown.hostConnected();
    expect(countdown.active).to.be.false;
    expect(ended, 'ends on reconnect when the deadline passed').to.equal(1);
  });
});
