import { describe, expect, it } from 'vitest';
import { stateOfCode, subStateOfCode, nameOfCode } from '../../src/logistics/kuaidi100/state-map.js';
import { courierName } from '../../src/messaging/templates/display-names.js';
import { parseFields } from '../../src/platform/sandbox/wire-trade.js';
import { bankShortName } from '../../src/ledger/index.js';
import { maskDeep } from '../../src/shared/mask.js';
import { ownEntry } from '../../src/shared/own-entry.js';

// Text from outside (a request, a platform's answer, a statement, a log field) named like a member
// every object has: each table must say "not listed", not answer with Object's member.
const INHERITED = ['constructor', 'toString', 'valueOf', 'hasOwnProperty', '__proto__'];

describe('tables looked up with text from outside', () => {
  it('when the key is only inherited, then ownEntry finds nothing, and own keys are still found', () => {
    const table: Record<string, number> = { a: 1 };
    for (const k of INHERITED) expect(ownEntry(table, k), k).toBeUndefined();
    expect(ownEntry(table, 'a')).toBe(1);
  });

  it('when a sandbox caller asks for fields named like them, then they are ignored like any unknown field', () => {
    const sel = parseFields(['tid', ...INHERITED, ...INHERITED.map((k) => `orders.${k}`), 'orders.oid'].join(','));
    expect(sel).toEqual({ trade: ['tid'], orders: ['oid'] });
  });

  it('when a courier code or a bank name is named like them, then it is shown as given', () => {
    for (const k of INHERITED) {
      expect(courierName(k), k).toBe(k);
      expect(bankShortName(k), k).toBe(k);
    }
    expect(courierName('yuantong')).toBe('圆通速递');
    expect(bankShortName('中国工商银行')).toBe('工行');
  });

  it('when a kuaidi100 state code is named like them, then it is unknown, not undefined', () => {
    for (const k of INHERITED) {
      expect(stateOfCode(k), k).toBe('unknown');
      expect(subStateOfCode(k), k).toBeNull();
      expect(nameOfCode(k), k).toBeUndefined();
    }
    expect(stateOfCode('3')).toBe('signed');
  });

  it('when a logged object has fields named like them, then their values are logged as text, not mangled by Object members', () => {
    expect(maskDeep({ toString: 'plain', constructor: 'text', valueOf: 'v' })).toEqual({
      toString: 'plain',
      constructor: 'text',
      valueOf: 'v',
    });
  });
});
