/**
 * The words of print batches have one home (printing/print-labels.ts): the console's 打印 page and the CLI read them
 * through GET /api/labels, so no other file spells them; 已打单 is the remark catalogue's own name for the state.
 */
import { describe, expect, it } from 'vitest';
import {
  ENTRY_STATE_LABELS,
  HOLD_LABELS,
  NO_COURIER_LABEL,
  printingLabels,
  WARNING_LABELS,
} from '../../src/printing/index.js';
import { REMARK_STATE_LABELS } from '../../src/remarks/index.js';
import { labels } from '../../src/service/labels-router.js';
import { copiesOutside } from '../support/literal-copies.js';

const OWNER = 'src/printing/print-labels.ts';

describe('print batch words', () => {
  it('when the source is searched, then no file but print-labels.ts spells a hold, a state, a warning or the unnamed courier', () => {
    const words = [
      ...Object.values(HOLD_LABELS),
      ...Object.values(ENTRY_STATE_LABELS).filter((w) => w !== REMARK_STATE_LABELS.printed),
      ...Object.values(WARNING_LABELS),
      NO_COURIER_LABEL,
    ];
    // 缺货 is also the platform's close reason for a trade (a different list, taobao.trade.close's).
    const homonyms = { 缺货: ['src/platform/platform-port.ts', 'src/remarks/catalogue/kinds-cancel-exchange.ts'] };
    expect(copiesOutside(words, [OWNER], homonyms)).toEqual({});
  });

  it('when the console asks for the labels, then it gets this one list, every word Chinese', () => {
    expect(labels().printing).toEqual(printingLabels());
    expect(ENTRY_STATE_LABELS.printed).toBe(REMARK_STATE_LABELS.printed);
    for (const w of [...Object.values(HOLD_LABELS), ...Object.values(ENTRY_STATE_LABELS), NO_COURIER_LABEL])
      expect(w).toMatch(/^[\u4e00-\u9fff，]+$/);
  });
});
