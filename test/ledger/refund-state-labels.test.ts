/** A refund's states have one list of names (ledger/refund-register.ts), read by its router and the console. */
import { describe, expect, it } from 'vitest';
import { REFUND_STATE_LABELS } from '../../src/ledger/index.js';
import { copiesOutside } from '../support/literal-copies.js';

describe('refund state names', () => {
  it('when the source is searched, then no file but refund-register.ts spells the name of a refund state', () => {
    const names = Object.values(REFUND_STATE_LABELS);
    expect(names).toEqual(['待登记', '已登记', '已打款']);
    // The keeper's answer for the buyer once a refund is registered is the word 已登记, not the state's name.
    expect(
      copiesOutside(names, ['src/ledger/refund-register.ts'], { 已登记: ['src/ledger/ledger-actions.ts'] }),
    ).toEqual({});
  });
});
