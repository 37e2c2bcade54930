import { describe, expect, it } from 'vitest';
import { baseOfCode, stateOfName, subStateOfCode } from '../../../src/logistics/kuaidi100/state-map.js';

describe('kuaidi100 state codes', () => {
  it.each([
    ['1001', '0'],
    ['1003', '0'],
    ['103', '1'],
    ['202', '2'],
    ['205', '2'],
    ['301', '3'],
    ['401', '4'],
    ['501', '5'],
    ['10', '8'],
    ['13', '8'],
    ['14', '14'],
    ['0', '0'],
    ['6', '6'],
  ])('when resultv2 does not ask for detail, then code %s is reported as base state %s', (code, base) => {
    expect(baseOfCode(code)).toBe(base);
  });

  it('when a code is a base state or undocumented, then it is not a subState', () => {
    expect(['0', '3', '14', '9', 'abc'].map(subStateOfCode)).toEqual([null, null, null, null, null]);
    expect(subStateOfCode(' 205 ')).toBe('205');
  });

  it.each([
    ['在途', 'in_transit'],
    ['揽收', 'collected'],
    ['疑难', 'problem'],
    ['签收', 'signed'],
    ['退签', 'returned'],
    ['派件', 'dispatching'],
    ['退回', 'returning'],
    ['转投', 'in_transit'],
    ['清关', 'customs'],
    ['拒签', 'refused'],
    ['干线', 'in_transit'],
    ['投柜或驿站', 'dispatching'],
    ['柜或驿站超时未取', 'problem'],
  ])('when a trace is named %s, then its state is %s', (name, state) => {
    expect(stateOfName(name)).toBe(state);
  });

  it('when a trace name is not documented, then no state is guessed', () => {
    expect(stateOfName('运输中')).toBeUndefined();
  });
});
