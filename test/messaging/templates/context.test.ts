/** The render context is built from the domain types, exposes only display-safe data, and matches CONTEXT_PATHS. */
import { describe, expect, it } from 'vitest';
import { buildRenderContext, CONTEXT_PATHS, skuText } from '../../../src/messaging/templates/index.js';
import { FIXED_INPUT, fixedOrder } from './fixtures.js';

/** Every leaf and object path of a value, with list elements written as []. */
function pathsOf(value: unknown, prefix: string, out: Set<string>): Set<string> {
  if (prefix) out.add(prefix);
  if (Array.isArray(value)) value.forEach((v) => pathsOf(v, `${prefix}[]`, out));
  else if (value && typeof value === 'object')
    for (const [k, v] of Object.entries(value)) pathsOf(v, prefix ? `${prefix}.${k}` : k, out);
  return out;
}

describe('buildRenderContext', () => {
  it('when built from a complete order, buyer, parcel and transfer, then its paths are exactly CONTEXT_PATHS', () => {
    const full = buildRenderContext({ ...FIXED_INPUT, order: fixedOrder({ paidAt: '2026-11-23T00:25:00.000+08:00' }) });
    expect([...pathsOf(full, '', new Set())].sort()).toEqual([...CONTEXT_PATHS].sort());
  });

  it('when built from the fixed order, then items, totals and the buyer are shown the way buyers read them', () => {
    const ctx = buildRenderContext(FIXED_INPUT);
    expect(ctx.order).toMatchObject({
      tid: '3912345678901234',
      // The orders feature's name, the one the console shows (orders/order.ts TRADE_STATUS_LABELS).
      statusText: '待付款',
      payment: 12880,
      itemSummary: '纯棉短袖T恤（白色/M）×2、帆布鞋（38）×1',
      itemBrief: '纯棉短袖T恤等3件商品',
      itemCount: 3,
      items: [
        { title: '纯棉短袖T恤', sku: '白色/M', outerIid: 'A1008', num: 2 },
        { title: '帆布鞋', sku: '38', outerIid: 'B2011', num: 1 },
      ],
    });
    expect(ctx.order).not.toHaveProperty('paidAt');
    expect(ctx.buyer).toEqual({ nick: 'tb_lily2024', honorificName: '王女士', maskedPhone: '138****5678' });
    expect(ctx.parcel).toMatchObject({
      companyName: '顺丰速运',
      stateText: '运输中',
      lastEvent: { description: '快件已到达【杭州转运中心】' },
    });
  });

  it('when the context is serialised, then no raw phone, receiver name or address is in it', () => {
    const json = JSON.stringify(buildRenderContext(FIXED_INPUT));
    expect(json).not.toMatch(/13812345678|王丽|文三路/);
  });

  it('when no buyer profile is given, then the order supplies nick and masked phone and the greeting falls back to 亲', () => {
    const ctx = buildRenderContext({ order: fixedOrder(), staff: { displayName: '小雅' }, shop: { name: '店' } });
    expect(ctx.buyer).toEqual({ nick: 'tb_lily2024', maskedPhone: '138****5678' });
  });

  it('when the buyer has a compound surname or no gender, then the honorific follows it or is left out', () => {
    const of = (realName: string, gender?: 'male' | 'female') =>
      buildRenderContext({
        buyer: { nick: 'n', realName, ...(gender ? { gender } : {}) },
        staff: { displayName: 's' },
        shop: { name: 'x' },
      }).buyer?.honorificName;
    expect(of('欧阳明', 'male')).toBe('欧阳先生');
    expect(of('李娜', 'female')).toBe('李女士');
    expect(of('李娜')).toBeUndefined();
  });

  it('when only staff and shop are known, then the context has nothing else', () => {
    expect(buildRenderContext({ staff: { displayName: '小雅' }, shop: { name: '店' } })).toEqual({
      staff: { displayName: '小雅' },
      shop: { name: '店' },
    });
  });

  it('when SKU properties are given, then only their values are kept', () => {
    expect(skuText('颜色分类:黑色;尺码:M')).toBe('黑色/M');
    expect(skuText('')).toBe('');
  });
});
