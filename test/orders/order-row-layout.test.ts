import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ORDER_ROW_LAYOUT } from '../../src/orders/order-repository.js';
import type { Order } from '../../src/orders/order.js';
import { createMemoryStore } from '../../src/storage/index.js';
import { compileRowEncoder, decodeRow } from '../../src/storage/row-layout.js';
import { sandboxRig } from '../support/sandbox-rig.js';

let rig: Awaited<ReturnType<typeof sandboxRig>>;
let orders: Order[];
beforeAll(async () => {
  rig = await sandboxRig({ orders: 400 });
  const { sync, orders: repo } = rig.syncOver(createMemoryStore());
  await sync.syncOrders();
  orders = [...repo.all()];
});
afterAll(() => rig.close());

describe('order row layout', () => {
  it('when the platform mapper writes an order, of any status, then it fits the layout and comes back as the same JSON', () => {
    const encode = compileRowEncoder(ORDER_ROW_LAYOUT);
    expect(orders.length).toBeGreaterThan(300);
    expect(new Set(orders.map((o) => o.status)).size).toBeGreaterThanOrEqual(6);
    // A field added to Order (and so to the mapper) but not to the layout makes every order miss here.
    const misfits = orders.filter((o) => encode(o) === undefined).map((o) => o.tid);
    expect(misfits).toEqual([]);
    for (const o of orders)
      expect(JSON.stringify(decodeRow(ORDER_ROW_LAYOUT, JSON.parse(JSON.stringify(encode(o)))))).toBe(
        JSON.stringify(o),
      );
  });
});
