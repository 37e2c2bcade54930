/**
 * Returns followed end to end (issue 17 part 5), through the real TOP adapter, the sandbox shop and its courier over
 * HTTP: the platform's refund with goods to return, the buyer's parcel tracked until it is signed at the warehouse
 * (已退回仓库), the warehouse's check through the API, the keeper's refund task, an exchange's waybill in the memo
 * with the yellow flag exactly once, and the platform's own refund settling the keeper's task.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { RETURN_STATE_LABELS, type ReturnView } from '../../src/returns/index.js';
import { DAY, HOUR, formatShanghaiDate } from '../../src/shared/time.js';
import { returnsRig, type ReturnsRig } from './support/returns-rig.js';

let rig: ReturnsRig;
/** Two returns whose parcels arrive (one to refund, one to exchange), picked once they are on their way. */
let refundOne: ReturnView;
let exchangeOne: ReturnView;

beforeAll(async () => {
  rig = await returnsRig();
  for (let i = 0; i < 3; i++) rig.advance(60_000);
  await rig.sync();
  rig.advance(3 * HOUR); // the seller agrees in the back office
  for (let i = 0; i < 6; i++) rig.advance(12 * HOUR); // the buyers send their parcels, one day or more later
  await rig.sync();
}, 60_000);
afterAll(() => rig.close());

const arriving = () =>
  rig.returns.service.list('in_transit').filter((v) => rig.lineOf(v).line.rf!.parcel!.fate === 'normal');

describe('a return from the platform to the keeper', () => {
  it('when the buyer has sent the goods back, then xiaoer has the return in transit with the courier and waybill the platform gave', () => {
    const sent = arriving();
    expect(sent.length).toBeGreaterThanOrEqual(2);
    [refundOne, exchangeOne] = sent as [ReturnView, ReturnView];
    const { line } = rig.lineOf(refundOne);
    expect(refundOne.parcel).toMatchObject({ company: line.rf!.parcel!.company, waybill: line.rf!.parcel!.waybill });
    expect(['collected', 'in_transit', 'dispatching']).toContain(refundOne.parcel!.state);
    expect(refundOne.platformStatus).toBe('WAIT_SELLER_CONFIRM_GOODS');
    expect(refundOne.refundFeeFen).toBe(line.rf!.feeFen);
  });

  it('when the parcel is signed at the warehouse, then the return shows 已退回仓库 and the warehouse person is asked to check it', async () => {
    rig.advance(5 * DAY);
    await rig.sync();
    const now = rig.returns.service.get(refundOne.id);
    expect(now.state).toBe('returned');
    expect(RETURN_STATE_LABELS[now.state]).toBe('已退回仓库');
    expect(now.parcel!.signedAt).not.toBeNull();
    const task = rig.features.service.tasks.get(now.receiptTaskId!)!;
    expect(task).toMatchObject({ type: 'return_receipt', assignee: 'azhang', state: 'open', tid: now.tid });
    const res = await rig.api.as('azhang').get(`/returns?state=returned`);
    expect(res.body.returns.map((r: ReturnView) => r.id)).toContain(refundOne.id);
  });

  it('when customer service tries to confirm the goods, then it is refused in Chinese: the warehouse checks them', async () => {
    const res = await rig.api.as('xiaoli').post(`/returns/${refundOne.id}/receipt`, { condition: 'good' });
    expect(res.status).toBe(403);
    expect(res.body.error.message).toMatch(/[\u4e00-\u9fff]/);
    expect(rig.returns.service.get(refundOne.id).receipt).toBeNull();
  });

  it('when the warehouse confirms receipt and condition, then the keeper gets the refund task, once', async () => {
    const res = await rig.api
      .as('azhang')
      .post(`/returns/${refundOne.id}/receipt`, { condition: 'damaged', note: '鞋盒压坏，鞋子完好' });
    expect(res.status).toBe(200);
    expect(res.body.return).toMatchObject({
      state: 'awaiting_refund',
      receipt: { condition: 'damaged', note: '鞋盒压坏，鞋子完好', by: 'azhang', byName: '阿张' },
    });
    const tasks = rig.features.service.tasks.list({ tid: refundOne.tid, state: 'open' });
    expect(tasks.map((t) => [t.type, t.assignee, t.openedBy])).toEqual([['return_refund', 'xiaozhou', 'azhang']]);
    expect(rig.features.service.tasks.get(res.body.return.receiptTaskId)!.state).toBe('closed');

    const again = await rig.api.as('admin').post(`/returns/${refundOne.id}/receipt`, { condition: 'good' });
    expect(again.body).toMatchObject({ already: true, return: { receipt: { by: 'azhang', condition: 'damaged' } } });
    expect(
      rig.features.service.tasks.list({ tid: refundOne.tid }).filter((t) => t.type === 'return_refund'),
    ).toHaveLength(1);
  });
});

describe('an exchange', () => {
  it('when the buyer wants another item, then after the check no refund task opens and the return waits for the new item', async () => {
    const marked = await rig.api.as('xiaoli').post(`/returns/${exchangeOne.id}/purpose`, { purpose: 'exchange' });
    expect(marked.body.return.purpose).toBe('exchange');
    const res = await rig.api.as('azhang').post(`/returns/${exchangeOne.id}/receipt`, { condition: 'good' });
    expect(res.body.return.state).toBe('awaiting_exchange');
    expect(rig.features.service.tasks.list({ tid: exchangeOne.tid }).map((t) => t.type)).not.toContain('return_refund');
  });

  it('when the new item ships, then its waybill goes into the memo with the yellow flag, exactly once whoever repeats it', async () => {
    const trade = rig.shop.trade(exchangeOne.tid)!;
    const flagBefore = trade.flag;
    const body = { courier: '中通快递', waybill: '78000011112222' };
    const first = await rig.api.as('xiaoli').post(`/returns/${exchangeOne.id}/exchange`, body);
    expect(first.status).toBe(200);
    const entry = `换货已发出,中通快递单号:78000011112222+小丽/${formatShanghaiDate(rig.clock.now(), 'MM.DD')}`;
    expect(first.body).toMatchObject({
      already: false,
      return: { state: 'exchanged' },
      remark: { status: 'written', entry },
    });
    expect(trade.memo).toContain(entry);
    // Yellow, unless the order was already red (red wins; a remark never downgrades a flag).
    expect(trade.flag).toBe(flagBefore === 1 ? 1 : 2);

    const [second, third] = await Promise.all([
      rig.api.as('xiaozhou').post(`/returns/${exchangeOne.id}/exchange`, body),
      rig.api.as('xiaoli').post(`/returns/${exchangeOne.id}/exchange`, { ...body, waybill: '78000099998888' }),
    ]);
    expect([second.body.already, third.body.already]).toEqual([true, true]);
    expect(trade.memo.split('换货已发出').length - 1).toBe(1);
    const written = [...rig.features.service.entries()].filter(
      (e) => e.tid === exchangeOne.tid && e.kind === 'exchange.shipped',
    );
    expect(written).toHaveLength(1);
  });

  it('when a return the buyer wants refunded is sent an exchange, then it is refused in Chinese and the memo is left alone', async () => {
    const other = rig.returns.service.list('all').find((v) => v.purpose === 'refund' && v.id !== refundOne.id)!;
    const memo = rig.shop.trade(other.tid)!.memo;
    const res = await rig.api
      .as('xiaoli')
      .post(`/returns/${other.id}/exchange`, { courier: '圆通', waybill: 'YT123456789' });
    expect(res.status).toBe(409);
    expect(res.body.error.message).toBe('这件退货不是换货，请先标记为换货');
    expect(rig.shop.trade(other.tid)!.memo).toBe(memo);
  });
});

describe('the platform’s own refund', () => {
  it('when the platform has refunded the return, then it shows 已退款 and the keeper’s task is closed', async () => {
    rig.advance(6 * DAY); // ten days after the buyer sent it, nobody having confirmed it on the platform
    await rig.sync();
    const now = rig.returns.service.get(refundOne.id);
    expect(now.state).toBe('refunded');
    expect(rig.features.service.tasks.get(now.refundTaskId!)).toMatchObject({ state: 'closed', closedByName: '小二' });
  });
});
