import { describe, expect, it } from 'vitest';
import { ValidationError } from '../../../src/shared/errors.js';
import { parseStatement, validateProfile, type MappingProfile } from '../../../src/reconciliation/statement/index.js';
import { encode } from '../../fixtures/statements/statement-fixtures.js';

/** A small city bank none of the built-in layouts knows: signed 发生额 plus a 进出 column. */
const UNKNOWN = [
  '某某农商银行 账户流水',
  '账户:6230****7777',
  '流水日期,时刻,发生额,进出,付款人,付款账号,留言,结余,流水编码',
  '2026-11-23,10:11:12,"1,288.00",进,赵大,6230000000000001,K7M2QX,"5,288.00",A001',
  '2026-11-23,11:00:00,50.00,出,电费,6230000000000002,,"5,238.00",A002',
  '2026-11-24,09:00:00,288.00,进,钱二,6230000000000003,,"5,526.00",A003',
  '导出时间:2026-11-25',
  '',
].join('\n');

const byName: MappingProfile = {
  name: '农商行',
  columns: {
    date: '流水日期',
    time: '时刻',
    amount: '发生额',
    direction: '进出',
    creditMarker: '进',
    counterpartyName: '付款人',
    counterpartyAccount: '付款账号',
    note: '留言',
    balance: '结余',
    serial: '流水编码',
  },
};

describe('mapping profiles for unknown layouts', () => {
  it('when an unknown layout arrives without a profile, then it is refused listing its headers', async () => {
    await expect(parseStatement({ name: 'u.csv', bytes: encode(UNKNOWN, 'gbk') })).rejects.toThrow(
      /流水日期, 时刻, 发生额/,
    );
  });

  it('when a profile names the columns by header, then the header row is found past the preamble and credits are read', async () => {
    const parsed = await parseStatement({ name: 'u.csv', bytes: encode(UNKNOWN, 'gbk') }, { profile: byName });
    expect(parsed.layout).toBe('profile:农商行');
    expect(parsed.headerLine).toBe(3);
    expect(parsed.rows.map((r) => r.amountFen)).toEqual([128800, -5000, 28800]);
    expect(parsed.credits[0]).toMatchObject({
      line: 4,
      time: '10:11:12',
      counterpartyName: '赵大',
      note: 'K7M2QX',
      balanceFen: 528800,
      serial: 'A001',
    });
  });

  it('when a profile uses column letters and a header row, then the same rows are read', async () => {
    const profile: MappingProfile = {
      name: '农商行-列号',
      headerRow: 3,
      columns: {
        date: 'A',
        time: 'B',
        amount: 'C',
        direction: 'D',
        creditMarker: '进',
        counterpartyName: 'E',
        counterpartyAccount: 'F',
        note: 'G',
        balance: 'H',
        serial: 'I',
      },
    };
    const parsed = await parseStatement({ name: 'u.csv', bytes: encode(UNKNOWN, 'utf-8') }, { profile });
    const named = await parseStatement({ name: 'u.csv', bytes: encode(UNKNOWN, 'utf-8') }, { profile: byName });
    expect(parsed.credits.map((r) => [r.line, r.amountFen, r.counterpartyName])).toEqual([
      [4, 128800, '赵大'],
      [6, 28800, '钱二'],
    ]);
    // Same bank row, same identity, whichever profile read it.
    expect(parsed.rows.map((r) => r.identity)).toEqual(named.rows.map((r) => r.identity));
  });

  it('when a profile names a column the file does not have, then the file is refused naming it', async () => {
    const profile = { ...byName, headerRow: 3, columns: { ...byName.columns, note: '附言' } };
    await expect(parseStatement({ name: 'u.csv', bytes: encode(UNKNOWN, 'utf-8') }, { profile })).rejects.toMatchObject(
      {
        code: 'profile_column_missing',
        message: expect.stringContaining('附言列“附言”'),
        params: { line: 3, column: '附言', role: 'note' },
      },
    );
  });

  it('when a profile is malformed, then validateProfile lists every problem at once', () => {
    let err: unknown;
    try {
      validateProfile({ name: '', columns: { date: '日期', amount: '金额', credit: '收入', creditMarker: '收' } });
    } catch (e) {
      err = e;
    }
    expect(err).toBeInstanceOf(ValidationError);
    const e = err as ValidationError;
    expect(e.message).toContain('请填写配置名称');
    expect(e.message).toContain('收入列和金额列需要且只能指定一个');
    expect(e.message).toContain('收入标记需要方向列');
    const issues = (e.params as { issues: { code: string; field: string }[] }).issues;
    expect(issues.map((i) => [i.code, i.field])).toEqual([
      ['field_required', 'profile.name'],
      ['profile_credit_or_amount', 'profile.columns.credit'],
      ['profile_marker_needs_direction', 'profile.columns.creditMarker'],
    ]);
  });

  it('when a profile is valid, then validateProfile returns it trimmed', () => {
    expect(validateProfile({ name: ' 农商行 ', columns: { date: ' A ', credit: 'B', debit: 'C' } })).toEqual({
      name: '农商行',
      columns: { date: 'A', credit: 'B', debit: 'C' },
    });
  });
});
