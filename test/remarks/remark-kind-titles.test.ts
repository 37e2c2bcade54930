/**
 * Remark kinds are named once, in the catalogue (src/remarks/catalogue/), and reach the console with the
 * order's remark kinds (GET /api/orders/:tid/remark-kinds): the remark form and 我的任务's follow-up
 * remarks draw their titles and field labels from there, so the console keeps no copy.
 */
import { readdirSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { REMARK_KINDS, REMARK_ORDER_STATES } from '../../src/remarks/catalogue/index.js';
import { kindsForState } from '../../src/remarks/remark-kinds-view.js';
import { copiesOutside, filesWithLiteral } from '../support/literal-copies.js';

const CATALOGUE = readdirSync(new URL('../../src/remarks/catalogue/', import.meta.url)).map(
  (f) => `src/remarks/catalogue/${f}`,
);

describe('remark kind titles', () => {
  it("when the source is searched, then no file but the catalogue spells a remark kind's title", () => {
    const titles = REMARK_KINDS.map((k) => k.title);
    expect(titles).toContain('面单地址已改');
    expect(
      copiesOutside(titles, CATALOGUE, {
        // The message kind of the same name (the buyer is told the refund is registered).
        退款已登记: ['src/messaging/templates/metadata.ts'],
        // The handover's count of the shift's sale records, not the remark form.
        销售记录: ['src/console/public/pages/handover-page.js'],
      }),
    ).toEqual({});
  });

  it('when 我的任务 is searched, then it spells no field label the remark kinds serve (they are common words elsewhere)', () => {
    const labels = new Set(
      REMARK_ORDER_STATES.flatMap((s) => kindsForState(s, 'admin').flatMap((k) => k.fields.map((f) => f.label))),
    );
    expect(labels).toContain('上架人');
    expect([...labels].filter((l) => filesWithLiteral(l).includes('src/console/public/pages/tasks-page.js'))).toEqual(
      [],
    );
  });
});
