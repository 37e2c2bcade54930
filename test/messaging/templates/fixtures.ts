/** One fixed shop, order, buyer, parcel and transfer that every golden rendering uses. */
import { mkdtemp, mkdir, rm, writeFile } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { onTestFinished } from 'vitest';
import type { Order, OrderItem } from '../../../src/orders/order.js';
import { buildRenderContext, type RenderContextInput } from '../../../src/messaging/templates/index.js';

export const TEMPLATES_DIR = new URL('../../../templates', import.meta.url).pathname;

function item(over: Partial<OrderItem>): OrderItem {
  return {
    oid: '1',
    numIid: '600100',
    title: '',
    outerIid: '',
    skuId: '1',
    skuProperties: '',
    price: 0,
    num: 1,
    totalFee: 0,
    payment: 0,
    discountFee: 0,
    status: 'WAIT_BUYER_PAY',
    refundStatus: 'NO_REFUND',
    refundId: '',
    logisticsCompany: '',
    invoiceNo: '',
    ...over,
  };
}

export function fixedOrder(over: Partial<Order> = {}): Order {
  return {
    tid: '3912345678901234',
    status: 'WAIT_BUYER_PAY',
    type: 'fixed',
    buyerNick: 'tb_lily2024',
    buyerMessage: '',
    createdAt: '2026-11-23T00:20:00.000+08:00',
    modifiedAt: '2026-11-23T00:20:00.000+08:00',
    paidAt: null,
    consignedAt: null,
    endAt: null,
    // Just after midnight in Shanghai: still the previous day in UTC and in Los Angeles.
    payDeadlineAt: '2026-11-24T00:20:00.000+08:00',
    totalFee: 12880,
    payment: 12880,
    postFee: 0,
    discountFee: 0,
    receiver: {
      name: '王丽',
      mobile: '13812345678',
      phone: '',
      state: '浙江省',
      city: '杭州市',
      district: '西湖区',
      town: '',
      address: '文三路100号',
      zip: '310000',
      country: '',
    },
    items: [
      item({
        oid: '11',
        title: '纯棉短袖T恤',
        outerIid: 'A1008',
        skuProperties: '颜色分类:白色;尺码:M',
        price: 4990,
        num: 2,
        totalFee: 9980,
        payment: 9980,
      }),
      item({
        oid: '12',
        title: '帆布鞋',
        outerIid: 'B2011',
        skuProperties: '鞋码:38',
        price: 2900,
        num: 1,
        totalFee: 2900,
        payment: 2900,
      }),
    ],
    sellerMemo: '',
    sellerFlag: 0,
    buyerRated: false,
    sellerRated: false,
    shippingType: 'express',
    ...over,
  };
}

export const FIXED_INPUT: RenderContextInput = {
  order: fixedOrder(),
  buyer: { nick: 'tb_lily2024', realName: '王丽', gender: 'female', phone: '13812345678' },
  staff: { displayName: '小雅' },
  shop: { name: '拾光衣橱', shipCutoff: '17:00' },
  parcel: {
    company: 'shunfeng',
    waybill: 'SF1402023456789',
    state: 'in_transit',
    events: [
      {
        at: '2026-11-25T08:12:00.000+08:00',
        description: '快件已到达【杭州转运中心】',
        location: '杭州',
        state: 'in_transit',
      },
      { at: '2026-11-24T18:40:00.000+08:00', description: '顺丰速运已收取快件', location: '上海', state: 'collected' },
    ],
  },
  transfer: { amount: 12880, reference: 'XE7731', claimedAt: '2026-11-20T23:30:00.000+08:00' },
};

export const fixedContext = () => buildRenderContext(FIXED_INPUT);

/** Writes files (relative path → content) into a fresh temp directory, removed when the test ends. */
export async function templateDir(files: Record<string, string>): Promise<string> {
  const dir = await mkdtemp(path.join(os.tmpdir(), 'xiaoer-templates-'));
  onTestFinished(() => rm(dir, { recursive: true, force: true }));
  for (const [rel, content] of Object.entries(files)) {
    await mkdir(path.dirname(path.join(dir, rel)), { recursive: true });
    await writeFile(path.join(dir, rel), content, 'utf8');
  }
  return dir;
}

/**
 * A valid quick-reply file (body starts on line 9, or 9 + variable lines); options change id, shortcut, variables,
 * body.
 */
export function quickReplyFile(
  opts: { id?: string; shortcut?: string; body?: string; extra?: string; variables?: string } = {},
): string {
  return [
    '---',
    `id: ${opts.id ?? 'sample'}`,
    'title: 示例',
    'category: 售前',
    `shortcut: ${opts.shortcut ?? '/sl'}`,
    'channels: [chat]',
    ...(opts.extra ? [opts.extra] : []),
    ...(opts.variables ? ['variables:', opts.variables] : []),
    '---',
    opts.body ?? '亲，您好~',
    '',
  ].join('\n');
}
