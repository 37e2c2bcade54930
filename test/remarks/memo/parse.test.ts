import { describe, expect, it } from 'vitest';
import { renderRemark } from '../../../src/remarks/catalogue/index.js';
import { parseEntry, parseMemo } from '../../../src/remarks/memo/index.js';
import { AT, GOLDEN, STAFF_NAMES } from '../catalogue/golden-cases.js';

const AMBIGUOUS = new Set(['price.ordinary', 'copy.ordinary']);

describe('parsing catalogue entries back', () => {
  it.each(GOLDEN.map((c) => [c.text, c] as const))(
    'when %s is read back, then kind, fields, staff and date round-trip',
    (_, c) => {
      const r = renderRemark({
        kind: c.kind,
        fields: c.fields,
        state: c.state,
        staff: c.staff ?? '小丽',
        at: AT,
        balanceFen: c.balanceFen,
      });
      const parsed = parseEntry(r.text, { staffNames: STAFF_NAMES });
      expect(parsed).not.toBeNull();
      const kinds = [parsed!.kind, ...(parsed!.ambiguousWith ?? [])];
      expect(kinds).toContain(c.kind);
      if (!AMBIGUOUS.has(c.kind)) expect(parsed!.ambiguousWith).toBeUndefined();
      expect(parsed!.fields).toEqual(r.fields);
      expect(parsed!.staff).toBe(c.kind === 'print.printed' ? null : (c.staff ?? '小丽'));
      expect(parsed!.date).toBe(c.kind === 'sale.record' ? null : '11.23');
      if (parsed!.kind === c.kind) expect(parsed!.variant).toBe(r.variant);
      if (r.ledger) expect(parsed!.derived).toEqual({ remaining: r.ledger.remainingFen });
    },
  );

  it('when an amount has cents, then it comes back in fen', () => {
    expect(parseEntry('余额扣除12.05元,还剩下37.95元,已通知登记+小丽/11.23')).toMatchObject({
      kind: 'balance.deducted',
      fields: { amount: 1205 },
      derived: { remaining: 3795 },
      variant: 'some_left',
    });
  });

  it('when a bare name is read without the staff list, then it is not taken for a sale record', () => {
    expect(parseEntry('小丽')).toBeNull();
    expect(parseEntry('发圆通快递', { staffNames: STAFF_NAMES })).toBeNull();
    expect(parseEntry('小丽', { staffNames: STAFF_NAMES })).toMatchObject({ kind: 'sale.record', staff: '小丽' });
  });

  it('when the shop uses another date format, then entries in that format are recognised', () => {
    expect(parseEntry('退款已登记+小丽/2026-11-23', { dateFormat: 'YYYY-MM-DD' })).toMatchObject({
      kind: 'refund.registered',
      date: '2026-11-23',
    });
    expect(parseEntry('退款已登记+小丽/2026-11-23')).toBeNull();
  });

  it('when a memo mixes hand-written text, separators and catalogue entries, then each entry is read in order', () => {
    const memo = '老客户送小礼物；小丽；扣除好评获奖金额5元+小丽/11.23;11.23\n面单地址已改+阿张/11.24';
    const entries = parseMemo(memo, { staffNames: STAFF_NAMES });
    expect(entries.map((e) => e.kind)).toEqual([
      null,
      'sale.record',
      'price.review_reward',
      'print.printed',
      'address.label_fixed',
    ]);
    expect(entries.map((e) => e.separatorBefore)).toEqual([null, '；', '；', ';', '\n']);
    expect(entries[0]).toEqual({ index: 0, raw: '老客户送小礼物', separatorBefore: null, kind: null });
    expect(entries[4]).toMatchObject({ staff: '阿张', date: '11.24' });
  });

  it('when the sale record notes are written together, then name, courier and reason are three entries', () => {
    const entries = parseMemo('小丽；发圆通快递；库存未确认,确认后再发货', { staffNames: STAFF_NAMES });
    expect(entries.map((e) => [e.kind, e.raw])).toEqual([
      ['sale.record', '小丽'],
      [null, '发圆通快递'],
      [null, '库存未确认,确认后再发货'],
    ]);
  });

  it('when text looks like a catalogue form but a field is invalid, then it is left unrecognised', () => {
    expect(parseEntry('此款无货+已短信通知买家+小丽/11.23')).toBeNull();
    expect(parseEntry('扣除好评获奖金额5.123元+小丽/11.23')).toBeNull();
    expect(parseEntry('13.45')).toBeNull();
  });
});
