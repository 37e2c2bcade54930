import { createHash } from 'node:crypto';
import { describe, expect, it } from 'vitest';
import { kuaidi100Sign } from '../../../src/logistics/kuaidi100/sign.js';

describe('kuaidi100Sign', () => {
  it('when everything is empty, then it is the uppercase MD5 of the empty string', () => {
    expect(kuaidi100Sign('', '', '')).toBe('D41D8CD98F00B204E9800998ECF8427E');
  });

  it('when signing a query, then it is UPPER(MD5(param + key + customer)) over the exact param text', () => {
    const param = '{"com":"shunfeng","num":"SF1400000000001","phone":"5678","resultv2":"4","show":"0","order":"desc"}';
    const key = 'abcdEFGH1234';
    const customer = 'C0FFEE0000000000000000000000BEEF';
    const expected = createHash('md5').update(`${param}${key}${customer}`, 'utf8').digest('hex').toUpperCase();
    expect(kuaidi100Sign(param, key, customer)).toBe(expected);
    expect(expected).toMatch(/^[0-9A-F]{32}$/);
  });

  it('when the param text differs only in spacing, then the sign differs (the sent text is what is signed)', () => {
    expect(kuaidi100Sign('{"com":"ems"}', 'k', 'c')).not.toBe(kuaidi100Sign('{"com": "ems"}', 'k', 'c'));
  });

  it('when the param holds Chinese text, then it is hashed as UTF-8', () => {
    const param = '{"com":"ems","num":"E1","from":"广东省深圳市"}';
    const expected = createHash('md5')
      .update(Buffer.from(param + 'k' + 'c', 'utf8'))
      .digest('hex')
      .toUpperCase();
    expect(kuaidi100Sign(param, 'k', 'c')).toBe(expected);
  });
});
