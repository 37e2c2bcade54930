import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { TmcApplied } from '../../src/sync/index.js';
import { AGREE_AFTER_MS } from '../../src/platform/sandbox/return-flow.js';
import { serviceRig } from '../support/service-rig.js';

/**
 * Issue 19, part 2, against the default sandbox with xiaoer's consumer on: a refund asked for is an open item of the
 * person on duty (and a return with goods is on the returns page) seconds after the buyer asks, with no poll; an
 * address changed in the seller's back office after the label was printed opens the label-fix task once.
 */
let rig: Awaited<ReturnType<typeof serviceRig>>;
beforeAll(async () => {
  rig = await serviceRig();
});
afterAll(() => rig.close());

/** Resolves with the first applied message that `match` accepts (registered after the service's own hand-offs). */
const applied = (match: (a: TmcApplied) => boolean) =>
  new Promise<TmcApplied>((resolve) => {
    const off = rig.svc.tmc.onApplied((a) => {
      if (!match(a)) return;
      off();
      resolve(a);
    });
  });

async function waitFor<T>(read: () => T | undefined | Promise<T | undefined>, ms = 8000): Promise<T | undefined> {
  const started = Date.now();
  for (;;) {
    const v = await read();
    if (v !== undefined || Date.now() - started > ms) return v;
    await new Promise((r) => setTimeout(r, 50));
  }
}

const lastSync = async () => (await request(rig.svc.url).get('/healthz')).body.lastSync as string;

const ADDRESS = 'taobao_trade_TradeLogisticsAddressChanged';

describe('an address changed after printing hands the label on', () => {
  it("when the back office changes a printed order's address, then one label-fix task opens for the assistant per change, and none for an unprinted order", async () => {
    const shop = rig.svc.outside.shop!;
    const token = await rig.login('admin');
    // Orders the back office may still change: paid and not shipped (the one printed), or not paid yet.
    const open = shop
      .tradesByCreated(
        0,
        Date.now() + 1000,
        { statuses: new Set(['WAIT_SELLER_SEND_GOODS', 'WAIT_BUYER_PAY'] as const) },
        { pageNo: 1, pageSize: 500 },
      )
      .items.filter((t) => t.consigned === null && t.lines.every((l) => !l.refund));
    const printed = open.find((t) => t.status === 'WAIT_SELLER_SEND_GOODS')?.tid;
    const unprinted = open.find((t) => t.tid !== printed)?.tid;
    expect(printed).toBeDefined();
    expect(unprinted).toBeDefined();
    const fixLabel = (tid: string) => rig.svc.remarks.tasks.list({ tid }).filter((t) => t.type === 'fix_label');
    const changeAddress = async (tid: string, address: string) => {
      const done = applied((a) => a.tid === tid && a.topic === ADDRESS);
      const res = await request(rig.svc.url)
        .post(`/sandbox/back-office/trades/${tid}/address`)
        .send({ state: '浙江省', city: '杭州市', district: '西湖区', address });
      expect(res.status).toBe(200);
      await done;
    };

    const res = await request(rig.svc.url)
      .post(`/api/orders/${printed}/remarks`)
      .set('Authorization', `Bearer ${token}`)
      .send({ kind: 'print.printed' });
    expect(res.status).toBe(201);

    await changeAddress(printed!, '文三路 90 号 3 幢 501');
    const first = await waitFor(() => (fixLabel(printed!).length ? fixLabel(printed!) : undefined));
    expect(first).toHaveLength(1);
    expect(first![0]).toMatchObject({ assignee: 'azhang', openedBy: 'xiaoer', state: 'open' });

    // The unprinted order's change is applied, then a second change of the printed one: once that one's task is
    // there, the hand-off has long decided on the first, which opened nothing.
    await changeAddress(unprinted!, '教工路 18 号');
    await changeAddress(printed!, '文一西路 969 号');
    const second = await waitFor(() => (fixLabel(printed!).length === 2 ? fixLabel(printed!) : undefined));
    expect(second, 'one task per change').toHaveLength(2);
    expect(fixLabel(unprinted!)).toEqual([]);
  });
});

// Last: it moves the living shop two hours on.
describe('a pushed refund hands on to the returns and the open items', () => {
  it('when a buyer asks to return goods, then the refund is an open item of the person on duty and the return is listed, with no poll', async () => {
    const shop = rig.svc.outside.shop!;
    const token = await rig.login('admin');
    const syncedAt = await lastSync();
    const asked: string[] = [];
    rig.svc.tmc.onApplied((a) => {
      if (a.topic === 'taobao_refund_RefundCreated') asked.push(a.tid);
    });
    // The living shop moves on a few milliseconds at a time until a buyer asks to send goods back.
    let at = shop.baseTime + 1;
    for (; at < shop.baseTime + 2000; at++) if (shop.tick(at).returns.asked) break;
    expect(at).toBeLessThan(shop.baseTime + 2000);

    type Ret = { id: string; tid: string; platformStatus: string };
    const ret = await waitFor(async () => {
      const res = await request(rig.svc.url).get('/api/returns?state=all').set('Authorization', `Bearer ${token}`);
      return (res.body.returns as Ret[]).find((r) => asked.includes(r.tid));
    });
    expect(ret, 'the return with goods is listed').toMatchObject({ platformStatus: 'WAIT_SELLER_AGREE' });
    const item = await waitFor(() =>
      rig.svc.operations.openItems().find((i) => i.kind === 'refund' && i.tid === ret!.tid),
    );
    expect(item).toMatchObject({ ownerRule: 'on_duty', key: `refund:${ret!.id}` });
    expect(item!.title).toContain('买家申请退款');
    expect(await lastSync()).toBe(syncedAt);

    // The item dates from the refund's own time (its message's modified), not from the order's later changes.
    const memoApplied = applied((a) => a.tid === ret!.tid && a.topic === 'taobao_trade_TradeMemoModified');
    await shop.updateMemo(ret!.tid, { memo: '已联系买家，等退货' });
    const memoOrder = (await memoApplied).order!;
    expect(memoOrder.modifiedAt > item!.since).toBe(true);
    const after = rig.svc.operations.openItems().find((i) => i.key === `refund:${ret!.id}`);
    expect(after!.since).toBe(item!.since);

    // The seller agrees (the living shop does so two hours on): the refund moves on, and the item leaves.
    const moved = applied(
      (a) =>
        a.tid === ret!.tid &&
        a.order?.items.some((l) => l.refundId === ret!.id && l.refundStatus !== 'WAIT_SELLER_AGREE') === true,
    );
    expect(shop.tick(at + AGREE_AFTER_MS + 1000).returns.agreed).toBeGreaterThan(0);
    await moved;
    expect(rig.svc.operations.openItems().find((i) => i.key === `refund:${ret!.id}`)).toBeUndefined();
  });
});
