/**
 * Trade statuses have one list of names, in the orders feature (orders/order.ts), with the order list's
 * status groups beside it: the console (via GET /api/labels) and buyers' messages read it.
 */
import { describe, expect, it } from 'vitest';
import { tradeStatusText } from '../../src/messaging/templates/index.js';
import { ORDER_STATUS_GROUPS, TRADE_STATUS_LABELS, TRADE_STATUSES } from '../../src/orders/index.js';
import { copiesOutside } from '../support/literal-copies.js';

const OWNER = 'src/orders/order.ts';

describe('trade status names', () => {
  it('when the source is searched, then no file but orders/order.ts spells a status name or a status group', () => {
    const words = [...Object.values(TRADE_STATUS_LABELS), ...ORDER_STATUS_GROUPS.map((g) => g.label)];
    expect(words).toContain('已关闭（退款）');
    expect(
      copiesOutside(words, [OWNER], {
        // A bank transfer whose goods went out (reconciliation's transfer states, shown on 汇款).
        已发货: ['src/reconciliation/transfers/transfer-types.ts', 'src/console/public/format.js'],
        // A parcel signed for (logistics' parcel states), and the sandbox platform's own trace status.
        已签收: ['src/logistics/logistics-port.ts', 'src/platform/sandbox/trace.ts'],
      }),
    ).toEqual({});
  });

  it('when every status is named, then each has a Chinese name and falls in exactly one group of the order list', () => {
    expect(Object.keys(TRADE_STATUS_LABELS).sort()).toEqual([...TRADE_STATUSES].sort());
    for (const [status, name] of Object.entries(TRADE_STATUS_LABELS))
      expect(name, status).toMatch(/^[\u4e00-\u9fff（）]+$/);
    const grouped = ORDER_STATUS_GROUPS.flatMap((g) => g.statuses);
    expect([...grouped].sort()).toEqual([...TRADE_STATUSES].sort());
  });

  it("when a message names an order's status, then it is the orders feature's name", () => {
    for (const status of TRADE_STATUSES) expect(tradeStatusText(status), status).toBe(TRADE_STATUS_LABELS[status]);
    expect(tradeStatusText('TRADE_CLOSED')).toBe('已关闭（退款）');
  });
});
