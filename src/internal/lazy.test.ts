import { expect } from '@open-wc/testing';
import { OtpAuthError } from '../client/otp-auth-error.js';
import { lazy } from './lazy.js';

describe('lazy', () => {
  it('loads once for every caller, and keeps the module', async () => {
    let loads = 0;
    const load = lazy(async () => ({ n: ++loads }));
    const [a, b] = await Promise.all([load(), load()]);
    expect(a).to.equal(b);
    expect(await load()).to.equal(a);
    expect(loads).to.equal(1);
  });

  it('turns a failed load into a network error and loads again on the next call', async () => {
    let loads = 0;
    const load = lazy(async () => {
      loads += 1;
      if (loads === 1) throw new TypeError('Failed to fetch dynamically imported module');
      return 'module';
    });
    const warnings: unknown[][] = [];
    const warn = console.warn;
    console.warn = (...args: unknown[]) => void warnings.push(args);
    const error = await load()
      .then(
        () => undefined,
        (e: unknown) => e,
      )
      .finally(() => (console.warn = warn));
    expect(warnings.length, 'one warning for the developer').to.equal(1);
    expect(String(warnings[0]![0])).to.include('serve the otp-auth-elements.*.min.js files');
    expect(error).to.be.instanceOf(OtpAuthError);
    expect((error as OtpAuthError).error_type).to.equal('network_error');
    expect((error as OtpAuthError).isNetworkError).to.equal(true);
    expect((error as OtpAuthError).cause).to.be.instanceOf(TypeError);
    expect(await load()).to.equal('module');
    expect(loads).to.equal(2);
  });
});
