import { describe, expect, it } from 'vitest';
import { renderRemark } from '../../../src/remarks/catalogue/index.js';

const printed = (iso: string, dateFormat?: string) =>
  renderRemark({
    kind: 'print.printed',
    fields: {},
    state: 'paid_not_printed',
    staff: '小丽',
    at: Date.parse(iso),
    dateFormat,
  }).text;

describe('remark dates are Shanghai dates whatever the host zone', () => {
  it('when the tests run, then the host zone is far from Shanghai', () => {
    expect(process.env.TZ).toBe('America/Los_Angeles');
    // 00:30 on the 24th in Shanghai is still the 23rd on this host.
    expect(new Date(Date.parse('2026-11-24T00:30:00+08:00')).getDate()).toBe(23);
  });

  it.each([
    ['2026-11-23T10:00:00+08:00', '11.23'],
    ['2026-11-23T23:30:00+08:00', '11.23'],
    ['2026-11-24T00:30:00+08:00', '11.24'],
    ['2026-11-23T00:30:00+08:00', '11.23'],
    ['2026-01-05T08:00:00+08:00', '01.05'],
  ])('when a remark is written at %s, then the date is %s', (iso, date) => {
    expect(printed(iso)).toBe(date);
  });

  it('when the shop configures another format, then the suffix uses it', () => {
    expect(printed('2026-01-05T08:00:00+08:00', 'M.D')).toBe('1.5');
    const r = renderRemark({
      kind: 'refund.registered',
      fields: {},
      state: 'printed',
      staff: '小丽',
      at: Date.parse('2026-11-23T23:30:00+08:00'),
      dateFormat: 'YYYY-MM-DD',
    });
    expect(r.text).toBe('退款已登记+小丽/2026-11-23');
  });

  it('when the same remark is rendered at 10:00 and 23:30 the same Shanghai day, then the texts are equal', () => {
    const at = (iso: string) =>
      renderRemark({ kind: 'sale.record', fields: {}, state: 'printed', staff: '小丽', at: Date.parse(iso) });
    expect(at('2026-11-23T10:00:00+08:00').text).toBe(at('2026-11-23T23:30:00+08:00').text);
    const a = renderRemark({
      kind: 'refund.registered',
      fields: {},
      state: 'printed',
      staff: '小丽',
      at: Date.parse('2026-11-23T23:30:00+08:00'),
    });
    const b = renderRemark({
      kind: 'refund.registered',
      fields: {},
      state: 'printed',
      staff: '小丽',
      at: Date.parse('2026-11-24T00:30:00+08:00'),
    });
    expect(a.text).not.toBe(b.text);
  });
});
