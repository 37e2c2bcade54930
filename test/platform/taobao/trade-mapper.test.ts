import { describe, expect, it } from 'vitest';
import { mapRate, mapTrade, parseTopResponse } from '../../../src/platform/taobao/index.js';
import type { TopTrade } from '../../../src/platform/top/wire.js';
import { UpstreamError } from '../../../src/shared/errors.js';
import { fixture } from './top-gateway.js';

const fullTrade = () => parseTopResponse('taobao.trade.fullinfo.get', fixture('trade-fullinfo-get.json')).trade;
const listTrades = () =>
  parseTopResponse('taobao.trades.sold.increment.get', fixture('trades-sold-increment-get.json')).trades!.trade;

describe('mapTrade', () => {
  it('when a full trade is mapped, then money is fen, times are +08:00 instants and ids are exact strings', () => {
    const o = mapTrade(fullTrade());
    expect(o).toMatchObject({
      tid: '4137654321098765432',
      status: 'WAIT_SELLER_SEND_GOODS',
      type: 'fixed',
      buyerNick: 'tb_小花猫2020',
      buyerMessage: '请发顺丰，谢谢',
      createdAt: '2026-11-23T09:15:02.000+08:00',
      modifiedAt: '2026-11-23T16:30:45.000+08:00',
      paidAt: '2026-11-23T09:16:40.000+08:00',
      consignedAt: null,
      endAt: null,
      payDeadlineAt: null,
      totalFee: 129800,
      payment: 128850,
      postFee: 1000,
      discountFee: 1950,
      sellerMemo: '已核对地址+小李/11.23',
      sellerFlag: 2,
      buyerRated: false,
      sellerRated: false,
      shippingType: 'express',
    });
    expect(o.receiver).toEqual({
      name: '张三丰',
      mobile: '13800138000',
      phone: '',
      state: '浙江省',
      city: '杭州市',
      district: '西湖区',
      town: '文新街道',
      address: '文一西路969号3号楼',
      zip: '310012',
      country: '',
    });
    expect(o.items).toEqual([
      {
        oid: '4137654321098765433',
        numIid: '689012345678',
        title: '羊毛混纺针织开衫 秋冬款',
        outerIid: 'KS-2026-088',
        skuId: '5012345678901',
        skuProperties: '颜色分类:黑色;尺码:M',
        price: 64900,
        num: 2,
        totalFee: 129800,
        payment: 127850,
        discountFee: 1950,
        status: 'WAIT_SELLER_SEND_GOODS',
        refundStatus: 'NO_REFUND',
        refundId: '',
        logisticsCompany: '',
        invoiceNo: '',
      },
    ]);
  });

  it('when the platform sends a masked receiver with its oaid, then the oaid is kept with it (and no oaid key without one)', () => {
    const masked: TopTrade = {
      ...fullTrade(),
      receiver_name: '张*',
      receiver_mobile: '138****8000',
      receiver_address: '西湖区****',
      oaid: '1AbCdEfGhIjKlMnOpQrStUv2wXyZ',
    };
    expect(mapTrade(masked).receiver).toMatchObject({
      name: '张*',
      mobile: '138****8000',
      address: '西湖区****',
      oaid: '1AbCdEfGhIjKlMnOpQrStUv2wXyZ',
    });
    expect(mapTrade(fullTrade()).receiver).not.toHaveProperty('oaid');
  });

  it('when an unpaid trade has timeout_action_time, then it becomes the pay deadline', () => {
    const o = mapTrade(listTrades()[0]!);
    expect(o.tid).toBe('4137654321098765499');
    expect(o.payDeadlineAt).toBe('2026-11-24T10:00:00.000+08:00');
    expect(o.paidAt).toBeNull();
  });

  it('when fields are left out, then strings are empty, amounts 0 and the bare big ids survive without tid_str', () => {
    const o = mapTrade(listTrades()[1]!);
    expect(o).toMatchObject({
      tid: '3987654321012345678',
      buyerMessage: '',
      sellerMemo: '',
      shippingType: '',
      sellerFlag: 3,
      buyerRated: false,
    });
    expect(o.receiver.name).toBe('');
    expect(o.items.map((i) => [i.oid, i.refundId, i.outerIid, i.refundStatus, i.payment])).toEqual([
      ['3987654321012345679', '', '', 'NO_REFUND', 19400],
      ['3987654321012345680', '9123456789012345678', '', 'WAIT_SELLER_AGREE', 12400],
    ]);
    expect(o.consignedAt).toBe('2026-11-21T14:02:00.000+08:00');
  });

  it('when a finished trade ends at its modified time, then every instant is still its own field, and a bad end time is still refused', () => {
    const t: TopTrade = {
      ...fullTrade(),
      status: 'TRADE_FINISHED',
      consign_time: '2026-11-24 10:00:00',
      end_time: '2026-11-23 16:30:45',
      modified: '2026-11-23 16:30:45',
    };
    const o = mapTrade(t);
    expect([o.modifiedAt, o.endAt, o.consignedAt, o.paidAt]).toEqual([
      '2026-11-23T16:30:45.000+08:00',
      '2026-11-23T16:30:45.000+08:00',
      '2026-11-24T10:00:00.000+08:00',
      '2026-11-23T09:16:40.000+08:00',
    ]);
    expect(mapTrade({ ...t, end_time: '', modified: '' })).toMatchObject({ endAt: null, modifiedAt: '' });
    expect(() => mapTrade({ ...t, end_time: 'yesterday' })).toThrow(/end_time/);
    expect(() => mapTrade({ ...t, end_time: '2026-11-31 16:30:45' })).toThrow(/end_time/);
    expect(() => mapTrade({ ...t, end_time: '0001-01-01 00:00:00' })).toThrow(/end_time/);
    expect(mapTrade({ ...t, end_time: '2026-10-31 16:30:45' }).endAt).toBe('2026-10-31T16:30:45.000+08:00');
  });

  it('when a trade has no orders list, then it has no items', () => {
    const t: TopTrade = { ...fullTrade(), orders: undefined };
    expect(mapTrade(t).items).toEqual([]);
  });

  it('when an amount or status is unreadable, then an UpstreamError names the trade instead of a guess', () => {
    expect(() => mapTrade({ ...fullTrade(), payment: '12,5x' })).toThrow(UpstreamError);
    expect(() => mapTrade({ ...fullTrade(), status: 'SOMETHING_NEW' })).toThrow(/4137654321098765432/);
  });

  it('when a status is named like a member of every object, then it is refused as unknown, not taken for a function', () => {
    for (const status of ['constructor', 'toString', '__proto__', 'hasOwnProperty']) {
      expect(() => mapTrade({ ...fullTrade(), status }), status).toThrow(/unknown trade status/);
      const item = { ...fullTrade().orders!.order[0]!, status };
      expect(() => mapTrade({ ...fullTrade(), orders: { order: [item] } }), `item ${status}`).toThrow(
        /unknown trade status/,
      );
    }
  });

  it('when the platform says PAID_FORBID_CONSIGN, then the order is still waiting to be sent', () => {
    expect(mapTrade({ ...fullTrade(), status: 'PAID_FORBID_CONSIGN' }).status).toBe('WAIT_SELLER_SEND_GOODS');
  });
});

describe('mapRate', () => {
  it('when a bad review is mapped, then ids stay exact and the time is an instant', () => {
    const rate = parseTopResponse('taobao.traderates.get', fixture('traderates-get.json')).trade_rates!.trade_rate[0]!;
    expect(mapRate(rate)).toEqual({
      tid: '4137654321098765432',
      oid: '4137654321098765433',
      buyerNick: 't**猫',
      result: 'bad',
      content: '起球严重，和描述不符',
      reply: '',
      itemTitle: '羊毛混纺针织开衫 秋冬款',
      createdAt: '2026-11-22T21:05:33.000+08:00',
    });
  });
});
