import { describe, expect, it } from 'vitest';
import { createMemoryStore } from '../../../src/storage/memory-store.js';
import { createSandboxShop } from '../../../src/platform/sandbox/shop.js';
import {
  maskReceiverAddress,
  maskReceiverName,
  maskReceiverPhone,
} from '../../../src/platform/sandbox/receiver-mask.js';
import { fixedClock } from '../../../src/shared/time.js';
import { topTimestamp } from './third-party-client.js';
import { NOW } from './fixtures.js';
import { OAID_FIELDS, RECEIVER_FIELDS, oaidRig, tradesOf } from './oaid-rig.js';

const DAY = 86_400_000;

describe('sandbox receivers leave masked, with an oaid', () => {
  const rig = oaidRig();
  const [t] = tradesOf(rig.shop, false, 1);

  it('when a third-party client reads a trade with the receiver fields, then the name, mobile and address are masked and an oaid comes with them', async () => {
    const plain = rig.shop.plainReceiver(t!);
    const trade = await rig.fullinfo(t!.tid);
    expect(trade.receiver_name).toBe(`${[...plain.name][0]}*`);
    expect(trade.receiver_mobile).toBe(`${plain.mobile.slice(0, 3)}****${plain.mobile.slice(-4)}`);
    expect(trade.receiver_address).toBe(`${plain.district}****`);
    // The region stays plain, as the platform sends it.
    expect(trade).toMatchObject({ receiver_state: plain.state, receiver_city: plain.city, receiver_zip: plain.zip });
    expect(trade.receiver_district).toBe(plain.district);
    expect(trade.oaid).toMatch(/^[A-Za-z0-9_-]{1,128}$/);
    expect(trade.receiver_phone).toBeUndefined();
  });

  it('when any of the five oaid fields is left out, then no oaid is generated', async () => {
    for (const missing of OAID_FIELDS.split(',').filter((f) => f !== 'tid')) {
      const fields = RECEIVER_FIELDS.split(',')
        .filter((f) => f !== missing)
        .join(',');
      expect((await rig.fullinfo(t!.tid, fields)).oaid, missing).toBeUndefined();
    }
    const refused = await rig.call('taobao.trade.fullinfo.get', {
      tid: t!.tid,
      fields: 'tid,receiver_name',
      include_oaid: 'true',
    });
    expect(refused.json.error_response).toMatchObject({ code: 15, sub_code: 'isv.oaid-field-miss' });
  });

  it('when the list methods return a page, then no buyer plain name, mobile or address is in it and each trade has its oaid', async () => {
    const { json, text } = await rig.call('taobao.trades.sold.get', {
      fields: RECEIVER_FIELDS,
      start_created: topTimestamp(NOW - 30 * DAY),
      end_created: topTimestamp(NOW),
      page_size: '100',
    });
    const trades = json.trades_sold_get_response.trades.trade as { tid_str: string; oaid?: string }[];
    expect(trades.length).toBe(100);
    for (const w of trades) {
      const plain = rig.shop.plainReceiver(rig.shop.trade(w.tid_str)!);
      expect(text).not.toContain(plain.mobile);
      expect(text).not.toContain(plain.address);
      if ([...plain.name].length > 1) expect(text).not.toContain(`"${plain.name}"`);
      expect(w.oaid).toBe(rig.shop.oaidOf(rig.shop.trade(w.tid_str)!));
    }
    const inc = await rig.call('taobao.trades.sold.increment.get', {
      fields: RECEIVER_FIELDS,
      start_modified: topTimestamp(NOW - DAY),
      end_modified: topTimestamp(NOW),
    });
    const first = inc.json.trades_sold_increment_get_response.trades.trade[0];
    expect(first.oaid).toEqual(expect.any(String));
    expect(first.receiver_mobile).toMatch(/^\d{2,3}\*{4}\d{2,4}$/);
  });

  it('when the same trade is read twice, then the oaid is the same; another order of the same buyer has its own', async () => {
    const again = await rig.fullinfo(t!.tid);
    expect(again.oaid).toBe((await rig.fullinfo(t!.tid)).oaid);
    const other = rig.shop
      .tradesByCreated(0, NOW, {}, { pageNo: 1, pageSize: 10_000 })
      .items.find((x) => x.buyer === t!.buyer && x.tid !== t!.tid);
    if (other) expect((await rig.fullinfo(other.tid)).oaid).not.toBe(again.oaid);
  });

  it('when the back office changes the address, then the trade gets a new oaid', async () => {
    const r = oaidRig();
    const open = r.shop.tradesByCreated(
      0,
      NOW,
      { statuses: new Set(['WAIT_SELLER_SEND_GOODS']) },
      { pageNo: 1, pageSize: 1 },
    ).items[0]!;
    const before = (await r.fullinfo(open.tid)).oaid;
    r.clock.advance(1000);
    await r.shop.changeAddress(open.tid, { ...r.shop.receiverOf(open), address: '文三路 90 号' });
    const after = await r.fullinfo(open.tid);
    expect(after.oaid).not.toBe(before);
    expect(after.receiver_address).not.toContain('文三路');
  });

  it('when another sandbox is generated from the same seed, then its oaids differ: they rest on its own secret, not on the seed', async () => {
    const twin = oaidRig();
    expect(twin.shop.trade(t!.tid)).toEqual(rig.shop.trade(t!.tid));
    expect(twin.shop.oaidOf(t!)).not.toBe(rig.shop.oaidOf(t!));
    expect(twin.shop.issuedOaid(rig.shop.oaidOf(t!))).toBe(false);
  });

  it('when a stored shop is opened again, then its oaids are the same (the secret is kept in its own store)', async () => {
    const store = createMemoryStore();
    const first = createSandboxShop({ seed: 4, orders: 100, clock: fixedClock(NOW), store });
    await first.flush();
    const second = createSandboxShop({ seed: 4, orders: 100, clock: fixedClock(NOW), store });
    const trade = second.tradesByCreated(0, NOW, {}, { pageNo: 1, pageSize: 1 }).items[0]!;
    expect(second.oaidOf(trade)).toBe(first.oaidOf(first.trade(trade.tid)!));
  });
});

describe('the platform masking rules', () => {
  it('keeps the first character of a name, the ends of a mobile, a landline area code, a country code and the district', () => {
    expect(maskReceiverName('张三丰')).toBe('张*');
    expect(maskReceiverName('欧阳')).toBe('欧*');
    expect(maskReceiverName('')).toBe('');
    expect(maskReceiverPhone('13812345678')).toBe('138****5678');
    expect(maskReceiverPhone('0571-88886666')).toBe('0571-****6666');
    expect(maskReceiverPhone('91234567')).toBe('91****67');
    expect(maskReceiverPhone('+81 9012345678')).toBe('+81 ****5678');
    expect(maskReceiverPhone('+1 2131234567')).toBe('+1 ****4567');
    expect(maskReceiverPhone('+65 91234567')).toBe('+65 ****67');
    expect(maskReceiverAddress({ city: '杭州市', district: '西湖区' })).toBe('西湖区****');
    expect(maskReceiverAddress({ city: 'Singapore', district: '' })).toBe('Singapore****');
  });
});
