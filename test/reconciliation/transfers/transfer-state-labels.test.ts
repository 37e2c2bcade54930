/**
 * Transfer states have one list of names (transfers/transfer-types.ts): the service's refusals, the register and
 * the console (via GET /api/labels) read it.
 */
import { describe, expect, it } from 'vitest';
import { TRANSFER_STATE_LABELS, TRANSFER_STATES } from '../../../src/reconciliation/index.js';
import { copiesOutside } from '../../support/literal-copies.js';

describe('transfer state names', () => {
  it('when the source is searched, then no file but transfer-types.ts spells the name of a transfer state', () => {
    const names = Object.values(TRANSFER_STATE_LABELS);
    expect(names).toContain('已申报');
    expect(
      copiesOutside(names, ['src/reconciliation/transfers/transfer-types.ts'], {
        // The same words name a trade status and a message state.
        已发货: ['src/orders/order.ts'],
        已取消: ['src/messaging/outbound/message.ts'],
      }),
    ).toEqual({});
  });

  it('when every state is named, then each has a Chinese name, in the order a transfer goes', () => {
    expect(Object.keys(TRANSFER_STATE_LABELS)).toEqual([...TRANSFER_STATES]);
    for (const [state, name] of Object.entries(TRANSFER_STATE_LABELS))
      expect(name, state).toMatch(/^[\u4e00-\u9fff]+$/);
  });
});
