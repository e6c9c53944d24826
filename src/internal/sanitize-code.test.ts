import { expect } from '@open-wc/testing';
import fc from 'fast-check';
import { normalizeDigits, sanitizeCode } from './sanitize-code.js';

describe('sanitizeCode', () => {
  const cases: [string, string][] = [
    ['123456', '123456'],
    ['123 456', '123456'],
    ['123-456', '123456'],
    [' 123456\n', '123456'],
    ['Your code is 123456.', '123456'],
    ['Order 42: your code is 987654, valid 10 minutes', '987654'],
    ['1234 567890 12', '567890'],
    ['1234 56789 12', '123456'],
    ['12345678', '123456'],
    ['12', '12'],
    ['abc', ''],
    ['', ''],
    ['０１２３４５', '012345'],
    ['١٢٣٤٥٦', '123456'],
    ['۱۲۳۴۵۶', '123456'],
    ['१२३ ४५६', '123456'],
    ['๑๒๓๔๕๖', '123456'],
    ['0x1E240', '01240'],
  ];
  for (const [input, expected] of cases) {
    it(`${JSON.stringify(input)} → ${JSON.stringify(expected)}`, () => {
      expect(sanitizeCode(input)).to.equal(expected);
    });
  }

  it('keeps leading zeros (a string, never a number)', () => {
    expect(sanitizeCode('000123')).to.equal('000123');
  });

  it('honours the length: first run of exactly that length, else joined and cut', () => {
    expect(sanitizeCode('code 123456 or 12345678', 8)).to.equal('12345678');
    expect(sanitizeCode('12 34 56 78 90', 4)).to.equal('1234');
    expect(sanitizeCode('PIN 1234', 4)).to.equal('1234');
  });

  it('drops digits of scripts it does not fold (no guessing)', () => {
    // U+1040 MYANMAR DIGIT ZERO, U+1D7CE MATHEMATICAL BOLD DIGIT ZERO
    expect(sanitizeCode('\u1040\u{1D7CE}12')).to.equal('12');
  });

  it('property: only ASCII digits, at most length, idempotent', () => {
    const text = fc.string({ unit: fc.constantFrom(...'0123456789 -.a\n١٢۳४๕５\u1040'.split('')) });
    fc.assert(
      fc.property(
        fc.oneof(text, fc.string({ unit: 'grapheme' })),
        fc.integer({ min: 1, max: 12 }),
        (input, n) => {
          const out = sanitizeCode(input, n);
          expect(out).to.match(/^[0-9]*$/);
          expect(out.length).to.be.at.most(n);
          expect(sanitizeCode(out, n)).to.equal(out);
        },
      ),
    );
  });

  it('property: a code survives any non-digit wrapping', () => {
    const noDigits = fc.string().map((s) => s.replace(/\p{Nd}/gu, ''));
    fc.assert(
      fc.property(fc.stringMatching(/^[0-9]{6}$/), noDigits, noDigits, (code, before, after) => {
        expect(sanitizeCode(`${before} ${code} ${after}`)).to.equal(code);
      }),
    );
  });
});

describe('normalizeDigits', () => {
  it('folds each supported script to ASCII and keeps other text', () => {
    expect(normalizeDigits('a٠٩۰۹०९০৯๐๙０９b')).to.equal('a090909090909b');
  });
});
