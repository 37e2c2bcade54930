/**
 * The banks whose exports xiaoer reads have one list of names (statement/bank-layouts.ts): the console's upload
 * form reads it, with the size limit, from GET /api/labels.
 */
import { describe, expect, it } from 'vitest';
import { BANK_NAMES, MAX_STATEMENT_BYTES } from '../../../src/reconciliation/settings.js';
import { BANK_LAYOUTS } from '../../../src/reconciliation/statement/index.js';
import { labels } from '../../../src/service/labels-router.js';
import { copiesOutside } from '../../support/literal-copies.js';

describe('bank names', () => {
  it('when the source is searched, then no file but bank-layouts.ts spells the name of a bank', () => {
    expect(
      copiesOutside(Object.values(BANK_NAMES), ['src/reconciliation/statement/bank-layouts.ts'], {
        // 支付宝 is also a refund channel and a payer name a person pays through, not the bank of an export.
        支付宝: [
          'src/reconciliation/matching/payer-names.ts',
          'src/ledger/refund-export.ts',
          'src/remarks/remark-kinds-view.ts',
          'src/remarks/catalogue/validate-fields.ts',
        ],
      }),
    ).toEqual({});
  });

  it('when every layout is looked at, then its bank is named, and the labels serve the names and the size limit', () => {
    for (const layout of BANK_LAYOUTS) expect(layout.name.startsWith(BANK_NAMES[layout.bank]), layout.id).toBe(true);
    expect(labels().banks).toEqual(BANK_NAMES);
    expect(labels().statementMaxBytes).toBe(MAX_STATEMENT_BYTES);
    expect(MAX_STATEMENT_BYTES).toBe(10 * 1024 * 1024);
  });
});
