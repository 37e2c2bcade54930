import { describe, expect, it } from 'vitest';
import { REMARK_KINDS, renderRemark } from '../../../src/remarks/catalogue/index.js';
import { formMatchers } from '../../../src/remarks/memo/form-matchers.js';
import { AT, GOLDEN } from './golden-cases.js';
import { WORKED_EXAMPLES } from './worked-examples.js';

describe('renderRemark golden table (shared/spec/remarks.md)', () => {
  it.each(GOLDEN.map((c) => [`${c.kind} on a ${c.state} order → ${c.text}`, c] as const))(
    'when %s, then the text, flag, variant and hand-off are exact',
    (_, c) => {
      const r = renderRemark({
        kind: c.kind,
        fields: c.fields,
        state: c.state,
        staff: c.staff ?? '小丽',
        at: AT,
        balanceFen: c.balanceFen,
      });
      expect(r.text).toBe(c.text);
      expect(r.flag).toBe(c.flag);
      expect(r.variant).toBe(c.variant);
      expect(r.kind).toBe(c.kind);
      expect(r.handoff).toEqual(c.handoff ?? null);
    },
  );

  it('when the spec lists its worked examples, then each one is rendered by a golden case', () => {
    const rendered = GOLDEN.map(
      (c) =>
        renderRemark({
          kind: c.kind,
          fields: c.fields,
          state: c.state,
          staff: c.staff ?? '小丽',
          at: AT,
          balanceFen: c.balanceFen,
        }).text,
    );
    for (const example of WORKED_EXAMPLES) expect(rendered).toContain(example);
  });

  it('when the catalogue is listed, then it holds exactly the spec ids', () => {
    expect(REMARK_KINDS.map((k) => k.id)).toEqual([
      'price.ordinary',
      'price.review_reward',
      'price.postage_overcharge',
      'price.discount_overcharge',
      'price.balance',
      'print.printed',
      'copy.ordinary',
      'copy.transfer',
      'address.change',
      'address.label_fixed',
      'address.label_not_fixed',
      'refund.in_trade',
      'refund.after_trade',
      'refund.registered',
      'balance.registered',
      'balance.deducted',
      'transfer.awaiting',
      'sale.record',
      'cancel.request',
      'cancel.waybill_revoked',
      'cancel.waybill_not_revoked',
      'exchange.request',
      'exchange.diff_pending',
      'exchange.shipped',
      'oos.notify',
    ]);
  });

  it('when every form of every kind is counted, then the golden table exercises each one and each state it applies to', () => {
    for (const m of formMatchers('MM.DD')) {
      const cases = GOLDEN.filter((c) => c.kind === m.kind.id && m.regex.test(c.text));
      expect(cases.length, `${m.kind.id}: ${m.form.template}`).toBeGreaterThan(0);
    }
    for (const kind of REMARK_KINDS) {
      const states = new Set(kind.forms.flatMap((f) => f.states));
      const goldenStates = new Set(GOLDEN.filter((c) => c.kind === kind.id).map((c) => c.state));
      const variants = new Set(kind.forms.map((f) => f.variant));
      const goldenVariants = new Set(GOLDEN.filter((c) => c.kind === kind.id).map((c) => c.variant));
      expect(goldenVariants, kind.id).toEqual(variants);
      for (const s of goldenStates) expect(states.has(s), `${kind.id} ${s}`).toBe(true);
    }
  });
});
