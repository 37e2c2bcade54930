import { describe, expect, it } from 'vitest';
import { COURIERS, courierCode, courierName, courierRequiresPhone, phoneTail } from '../../src/logistics/couriers.js';

describe('courierCode', () => {
  it.each([
    ['顺丰速运', 'shunfeng'],
    ['顺丰', 'shunfeng'],
    ['圆通速递', 'yuantong'],
    ['圆通', 'yuantong'],
    ['中通快递', 'zhongtong'],
    ['中通', 'zhongtong'],
    ['韵达快递', 'yunda'],
    ['韵达', 'yunda'],
    ['申通快递', 'shentong'],
    ['申通', 'shentong'],
    ['极兔速递', 'jtexpress'],
    ['极兔', 'jtexpress'],
    ['EMS', 'ems'],
    ['ems', 'ems'],
    ['邮政快递包裹', 'youzhengguonei'],
    ['邮政', 'youzhengguonei'],
    ['京东快递', 'jd'],
    ['京东', 'jd'],
    ['德邦快递', 'debangwuliu'],
    ['德邦物流', 'debangwuliu'],
    [' 顺丰 速运 ', 'shunfeng'],
    ['SHUNFENG', 'shunfeng'],
    ['J&T', 'jtexpress'],
  ])('when Taobao writes %j, then the code is %s', (name, code) => {
    expect(courierCode(name)).toBe(code);
  });

  it('when the courier is not in the table, then there is no code', () => {
    expect(courierCode('某某快运')).toBeUndefined();
    expect(courierCode('')).toBeUndefined();
  });

  it('when every code is looked up, then it maps to itself', () => {
    for (const c of COURIERS) expect(courierCode(c.code)).toBe(c.code);
  });
});

describe('courierName and courierRequiresPhone', () => {
  it('when asked for a code, then the Chinese name comes back', () => {
    expect(courierName('shunfeng')).toBe('顺丰速运');
    expect(courierName('youzhengguonei')).toBe('邮政快递包裹');
    expect(courierName('nosuchcourier')).toBeUndefined();
  });

  it('when the courier is SF or ZTO, then the phone tail is required, and for the others it is not', () => {
    const needing = COURIERS.filter((c) => courierRequiresPhone(c.code)).map((c) => c.code);
    expect(needing.sort()).toEqual(['shunfeng', 'zhongtong']);
    expect(courierRequiresPhone('中通')).toBe(true);
  });
});

describe('phoneTail', () => {
  it.each([
    ['13812345678', '5678'],
    ['+86 138 1234 5678', '5678'],
    ['13800000000-4321', '4321'],
    ['0571-88889999', '9999'],
    ['0571-88889999-123', '9999'],
  ])('when the phone is %j, then the tail is %s', (phone, tail) => {
    expect(phoneTail(phone)).toBe(tail);
  });

  it('when there is no phone or fewer than four digits, then there is no tail', () => {
    expect(phoneTail(undefined)).toBeUndefined();
    expect(phoneTail('123')).toBeUndefined();
  });
});
