/** How a new transfer order is told apart has one list of names (transfer-types.ts): the form and the refusal. */
import { describe, expect, it } from 'vitest';
import { TRANSFER_IDENTIFY_LABELS } from '../../../src/reconciliation/index.js';
import { copiesOutside } from '../../support/literal-copies.js';

describe('transfer identify method names', () => {
  it('when the source is searched, then no file but transfer-types.ts spells the name of an identify method', () => {
    expect(Object.keys(TRANSFER_IDENTIFY_LABELS)).toEqual(['none', 'unique-amount', 'reference', 'both']);
    expect(
      copiesOutside(Object.values(TRANSFER_IDENTIFY_LABELS), ['src/reconciliation/transfers/transfer-types.ts']),
    ).toEqual({});
  });
});
