import { expect } from '@open-wc/testing';
import { fromE164, maskPhone, toE164 } from './phone.js';

describe('phone helpers', () => {
  it('masks all but the last four digits, keeping the +', () => {
    expect(maskPhone('+15555550123')).to.equal('+•••••••0123');
    expect(maskPhone('+44 7912 345678')).to.equal('+••••••••5678');
  });

  it('gives a number the server masked the same form', () => {
    expect(maskPhone('XXXXXXX0123')).to.equal('•••••••0123');
    expect(maskPhone(maskPhone('+15555550123'))).to.equal('+•••••••0123');
  });

  it('leaves four digits or fewer as they are', () => {
    expect(maskPhone('0123')).to.equal('0123');
    expect(maskPhone('')).to.equal('');
  });

  it('builds E.164 from a region and a national number, and splits it back', () => {
    expect(toE164('GB', '07912 345678')).to.equal('+447912345678');
    expect(toE164('US', '12-34')).to.equal(undefined);
    expect(fromE164('+33612345678')).to.deep.equal({ region: 'FR', national: '612345678' });
  });
});
