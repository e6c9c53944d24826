import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import { parseHttpDate } from './http-date.js';
import { MAX_RETRY_AFTER_SECONDS as MAX, parseRetryAfter } from './retry-after.js';

const DATE = 'Sun, 06 Nov 1994 08:49:37 GMT';
const NOW = Date.UTC(2030, 0, 1);

describe('parseRetryAfter', () => {
  it('reads delta-seconds', async () => {
    expect(await parseRetryAfter('30')).to.equal(30);
    expect(await parseRetryAfter(' 120 ')).to.equal(120);
    expect(await parseRetryAfter('0')).to.equal(0);
  });

  it('turns negative waits into 0 and clamps long ones to one day', async () => {
    expect(await parseRetryAfter('-5')).to.equal(0);
    expect(await parseRetryAfter('86401')).to.equal(MAX);
    expect(await parseRetryAfter('9'.repeat(400))).to.equal(MAX);
    expect(MAX).to.equal(86_400);
  });

  it('measures an HTTP-date from the Date header, not from the client clock', async () => {
    // The client clock is decades away from the server's; only the Date header counts.
    expect(await parseRetryAfter('Sun, 06 Nov 1994 08:50:37 GMT', DATE, NOW)).to.equal(60);
    expect(await parseRetryAfter('Sunday, 06-Nov-94 08:50:37 GMT', DATE, NOW)).to.equal(60);
    expect(await parseRetryAfter('Sun Nov  6 08:50:37 1994', DATE, NOW)).to.equal(60);
  });

  it('measures an HTTP-date from the client clock when the Date header is absent or invalid', async () => {
    const in90s = new Date(NOW + 90_000).toUTCString();
    expect(await parseRetryAfter(in90s, null, NOW)).to.equal(90);
    expect(await parseRetryAfter(in90s, 'yesterday', NOW)).to.equal(90);
  });

  it('gives 0 for a date in the past and the maximum for a date years ahead', async () => {
    expect(await parseRetryAfter('Sun, 06 Nov 1994 08:48:37 GMT', DATE, NOW)).to.equal(0);
    expect(await parseRetryAfter('Fri, 31 Dec 9999 23:59:59 GMT', DATE, NOW)).to.equal(MAX);
  });

  it('ignores garbage', async () => {
    const garbage = [
      '',
      '   ',
      'soon',
      '1.5',
      '1e3',
      '30, 60',
      'Infinity',
      'NaN',
      'foo 12',
      '0x10',
      'Sun, 31 Feb 2030 00:00:00 GMT',
      'Sun, 06 Nov 1994 25:00:00 GMT',
      'Sun, 06 Foo 1994 08:49:37 GMT',
      'Sun, 06 Nov 1994 08:49:37 PST',
      '2030-01-01T00:00:00Z',
    ];
    for (const value of garbage)
      expect(await parseRetryAfter(value, DATE, NOW), value).to.equal(undefined);
    expect(await parseRetryAfter(null)).to.equal(undefined);
    expect(await parseRetryAfter(undefined)).to.equal(undefined);
  });

  it('never rejects and yields undefined or a whole number of seconds in [0, max] (property)', async () => {
    const dateText = fc
      .date({ min: new Date(-2e12), max: new Date(4e12), noInvalidDate: true })
      .map((d) => d.toUTCString());
    const headerValue = fc.oneof(
      fc.string(),
      fc.string({ unit: fc.constantFrom(...'0123456789 -.,:GMTSunNov') }),
      fc.bigInt().map(String),
      dateText,
      dateText.map((s) => s.replace(/ (\d\d) (\w+) \d\d(\d\d)/, ' $1-$2-$3')),
      fc.constantFrom(null, undefined),
    );
    await fc.assert(
      fc.asyncProperty(
        headerValue,
        headerValue,
        fc.integer({ min: 0, max: 4e12 }),
        async (value, date, now) => {
          const result = await parseRetryAfter(value, date, now);
          return (
            result === undefined ||
            (Number.isInteger(result) && result >= 0 && result <= MAX && !Object.is(result, -0))
          );
        },
      ),
      { numRuns: 2000 },
    );
  });

  it('reads back any IMF-fixdate to the second (property)', () => {
    fc.assert(
      fc.property(
        fc.date({ min: new Date(Date.UTC(1970, 0, 1)), max: new Date(Date.UTC(9999, 11, 31)) }),
        (d) => {
          if (Number.isNaN(d.getTime())) return true;
          return parseHttpDate(d.toUTCString()) === Math.floor(d.getTime() / 1000) * 1000;
        },
      ),
      { numRuns: 1000 },
    );
  });
});
