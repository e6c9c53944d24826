import type { ReactiveControllerHost } from 'lit';

/** For each step, the steps it may go to. */
export type Transitions<S extends string> = { readonly [K in S]: readonly S[] };

/**
 * The steps of a flow, named, with the moves allowed between them. `go()` re-renders the host;
 * a move not listed is a bug in the element and throws; going to the current step does nothing.
 */
export class StepMachine<S extends string> {
  private step: S;

  constructor(
    private readonly host: ReactiveControllerHost,
    private readonly transitions: Transitions<S>,
    initial: S,
  ) {
    this.step = initial;
  }

  get current(): S {
    return this.step;
  }

  is(...steps: S[]): boolean {
    return steps.includes(this.step);
  }

  go(next: S): void {
    if (next === this.step) return;
    if (!this.transitions[this.step].includes(next)) {
      throw new Error(`step ${this.step} cannot go to ${next}`);
    }
    this.step = next;
    this.host.requestUpdate();
  }
}
