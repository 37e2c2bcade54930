/**
 * A complaint's categories, channels, satisfaction levels and stages have one list of names each
 * (complaints/complaint.ts): the service's refusals and 售后投诉 (via GET /api/labels) read them.
 */
import { describe, expect, it } from 'vitest';
import {
  CATEGORY_TEXT,
  CHANNEL_TEXT,
  COMPLAINT_CATEGORIES,
  COMPLAINT_CHANNELS,
  SATISFACTION,
  SATISFACTION_TEXT,
  STAGE_TEXT,
} from '../../src/complaints/index.js';
import { copiesOutside } from '../support/literal-copies.js';

const OWNER = 'src/complaints/complaint.ts';

describe('complaint names', () => {
  it('when the source is searched, then no file but complaint.ts spells a category, channel, satisfaction or stage', () => {
    const names = [CATEGORY_TEXT, CHANNEL_TEXT, SATISFACTION_TEXT, STAGE_TEXT].flatMap((l) => Object.values(l));
    expect(names).toContain('待回访满意度');
    expect(
      copiesOutside(names, [OWNER], {
        // The same common words name other things: the logistics section and sync's step (物流), a statement's
        // uncategorised column (其他), how a buyer was told in a remark (旺旺, 电话), a payment app (微信), a
        // receiver's phone and a remark field (电话); 微信 is also a phrase no buyer message may carry.
        物流: ['src/cli/commands/sync.ts', 'src/console/public/pages/order-logistics.js'],
        其他: ['src/reconciliation/statement/cell-values.ts'],
        旺旺: ['src/remarks/catalogue/kinds-cancel-exchange.ts'],
        微信: ['src/reconciliation/matching/payer-names.ts', 'src/messaging/templates/compliance-phrases.ts'],
        电话: [
          'src/remarks/remark-kinds-view.ts',
          'src/remarks/catalogue/kinds-cancel-exchange.ts',
          'src/remarks/catalogue/validate-fields.ts',
          'src/console/public/pages/order-detail-page.js',
          'src/privacy/privacy-labels.ts',
        ],
      }),
    ).toEqual({});
  });

  it('when every code is named, then each list covers its codes in their order, in Chinese', () => {
    expect(Object.keys(CATEGORY_TEXT)).toEqual([...COMPLAINT_CATEGORIES]);
    expect(Object.keys(CHANNEL_TEXT)).toEqual([...COMPLAINT_CHANNELS]);
    expect(Object.keys(SATISFACTION_TEXT)).toEqual([...SATISFACTION]);
    expect(Object.keys(STAGE_TEXT)).toEqual([
      'awaiting_response',
      'awaiting_verification',
      'awaiting_outcome',
      'awaiting_satisfaction',
      'closed',
    ]);
    for (const [code, name] of Object.entries({ ...CATEGORY_TEXT, ...SATISFACTION_TEXT, ...STAGE_TEXT })) {
      expect(name, code).toMatch(/^[\u4e00-\u9fff]+$/);
    }
  });
});
