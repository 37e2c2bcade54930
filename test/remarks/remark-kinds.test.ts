/** GET /api/orders/:tid/remark-kinds: the catalogue kinds for the order's current state, as the console draws them. */
import { beforeEach, describe, expect, it } from 'vitest';
import { kindsForState, type KindView } from '../../src/remarks/remark-kinds-view.js';
import { startHarness, type Harness } from './support/harness.js';

let h: Harness;
beforeEach(async () => {
  h = await startHarness();
});

const kindsOf = async (user: 'xiaoli' | 'azhang' | 'xiaozhou', tid: string) => {
  const res = await h.as(user).get(`/orders/${tid}/remark-kinds`);
  expect(res.status).toBe(200);
  return res.body as {
    tid: string;
    state: string;
    stateLabel: string;
    kinds: KindView[];
    titles: Record<string, string>;
  };
};
const byId = (kinds: KindView[], id: string) => kinds.find((k) => k.id === id);

describe('remark kinds for an order', () => {
  it('when the order is unpaid, then the unpaid kinds are listed with the unpaid flag and exchange.request is not', async () => {
    const view = await kindsOf('xiaoli', '2003');
    expect(view).toMatchObject({ tid: '2003', state: 'unpaid', stateLabel: '未支付' });
    const ids = view.kinds.map((k) => k.id);
    expect(ids).toContain('oos.notify');
    expect(ids).toContain('price.review_reward');
    expect(ids).not.toContain('exchange.request');
    expect(ids).not.toContain('print.printed');
    expect(view.titles).toMatchObject({ 'print.printed': '已打单', 'address.label_fixed': '面单地址已改' });
    const oos = byId(view.kinds, 'oos.notify')!;
    expect(oos).toMatchObject({ title: '拍下后无货', flag: null, variants: ['unpaid'] });
    expect(oos.fields).toEqual([
      {
        name: 'via',
        label: '通知方式',
        type: 'enum',
        required: true,
        options: [
          { value: '旺旺', label: '旺旺' },
          { value: '电话', label: '电话' },
        ],
      },
    ]);
    // Only an auction may be cancelled with a remark while unpaid, and then the keeper's name is in the text.
    const cancel = byId(view.kinds, 'cancel.request')!;
    expect(cancel.fields.find((f) => f.name === 'auction')).toMatchObject({
      type: 'boolean',
      required: true,
      default: true,
    });
    expect(cancel.fields.find((f) => f.name === 'keeper')).toMatchObject({
      type: 'colleague',
      role: 'keeper',
      required: true,
      label: '上架人',
    });
  });

  it('when the order is paid and not printed, then oos.notify is red and an address change needs no assistant', async () => {
    const view = await kindsOf('xiaoli', '2001');
    expect(view.state).toBe('paid_not_printed');
    expect(byId(view.kinds, 'oos.notify')).toMatchObject({ flag: 1, variants: ['paid_not_printed'] });
    const change = byId(view.kinds, 'address.change')!;
    expect(change).toMatchObject({ opensTask: null, variants: ['not_printed'] });
    expect(change.fields.find((f) => f.name === 'field')).toMatchObject({
      type: 'enum',
      required: true,
      options: [
        { value: 'address', label: '收件地址' },
        { value: 'receiver', label: '收件人' },
        { value: 'phone', label: '电话' },
      ],
    });
    expect(change.fields.find((f) => f.name === 'assistant')).toMatchObject({ type: 'colleague', required: false });
    expect(byId(view.kinds, 'price.review_reward')!.fields).toEqual([
      { name: 'amount', label: '金额（元）', type: 'amount', required: true },
    ]);
  });

  it('when the order was printed (a print remark in the memo), then the address change names the assistant and opens a task', async () => {
    const view = await kindsOf('xiaoli', '2002');
    expect(view).toMatchObject({ state: 'printed', stateLabel: '已打单' });
    const change = byId(view.kinds, 'address.change')!;
    expect(change).toMatchObject({ flag: 1, opensTask: 'fix_label', variants: ['printed'] });
    expect(change.fields.find((f) => f.name === 'assistant')).toMatchObject({
      type: 'colleague',
      role: 'assistant',
      required: true,
      label: '助理',
    });
    expect(byId(view.kinds, 'address.label_fixed')).toMatchObject({
      closesTask: 'fix_label',
      writer: 'assistant',
      writerLabel: '仓库助理',
      fields: [],
    });
    expect(byId(view.kinds, 'address.label_not_fixed')!.fields.find((f) => f.name === 'reason')).toMatchObject({
      required: false,
      default: '快递已发',
    });
    expect(view.kinds.map((k) => k.id)).not.toContain('price.ordinary');
  });

  it('when print.printed is written on a paid order, then the same order is listed as printed', async () => {
    expect((await kindsOf('xiaoli', '2001')).state).toBe('paid_not_printed');
    expect((await h.remark('xiaoli', '2001', 'print.printed')).status).toBe(201);
    expect((await kindsOf('xiaoli', '2001')).state).toBe('printed');
  });

  it('when the kinds are asked for, then nothing is written to the order or the history', async () => {
    await kindsOf('xiaoli', '2001');
    await kindsOf('xiaoli', '2002');
    expect(h.platform.order('2001').sellerMemo).toBe('');
    expect(h.platform.order('2002').sellerMemo).toBe('11.22');
    expect((await h.as('xiaoli').get('/orders/2001/remarks')).body.history).toEqual([]);
  });

  it("when staff ask, then the keeper's kinds are left out; the keeper sees them", async () => {
    const staff = (await kindsOf('xiaoli', '2001')).kinds.map((k) => k.id);
    const keeper = (await kindsOf('xiaozhou', '2001')).kinds.map((k) => k.id);
    expect(staff).not.toContain('refund.registered');
    expect(keeper).toContain('refund.registered');
    expect(keeper).toContain('balance.registered');
  });

  it('when the order does not exist or the tid is not digits, then 404 and 400', async () => {
    const missing = await h.as('xiaoli').get('/orders/9999/remark-kinds');
    expect(missing.status).toBe(404);
    expect(missing.body.error.code).toBe('order_not_found');
    const bad = await h.as('xiaoli').get('/orders/abc/remark-kinds');
    expect(bad.status).toBe(400);
    expect(bad.body.error.field).toBe('tid');
  });

  it('when a refund after the trade is described, then type and channel are enums with Chinese labels and bankName is optional', () => {
    const refund = kindsForState('printed', 'staff').find((k) => k.id === 'refund.after_trade')!;
    const f = Object.fromEntries(refund.fields.map((x) => [x.name, x]));
    expect(f.type).toMatchObject({
      type: 'enum',
      options: [
        { value: 'discount', label: '折扣' },
        { value: 'postage', label: '邮费' },
      ],
    });
    expect(f.channel).toMatchObject({
      type: 'enum',
      options: [
        { value: 'alipay', label: '支付宝' },
        { value: 'bank', label: '银行卡' },
      ],
    });
    expect(f.bankName).toMatchObject({ required: false, label: '银行' });
    expect(f.amount).toMatchObject({ type: 'amount', required: true });
  });
});
