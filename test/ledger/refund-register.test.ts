/** The refund register: entries from refund.after_trade, keeper registration and payment, daily export files. */
import { Writable } from 'node:stream';
import ExcelJS from 'exceljs';
import { parse } from 'csv-parse/sync';
import request from 'supertest';
import { describe, expect, it } from 'vitest';
import { EXPORT_HEADERS } from '../../src/ledger/index.js';
import { createLogger } from '../../src/shared/logger.js';
import { startHarness, type Harness } from '../remarks/support/harness.js';

const ALIPAY = {
  sku: 'A1023',
  type: 'postage',
  amount: '10',
  channel: 'alipay',
  account: 'xt.example@163.com',
  realName: '李莉莉',
};
const BANK = {
  sku: 'C3001',
  type: 'discount',
  amount: '288',
  channel: 'bank',
  bankName: '建设银行',
  account: '4367 4206 7255 0308 214',
  realName: '李秀兰',
};
const PHONE = {
  sku: 'B2046',
  type: 'discount',
  amount: '6.6',
  channel: 'alipay',
  account: '13900001111',
  realName: '周芳',
};

async function threeRefunds(h: Harness) {
  const a = await h.remark('xiaoli', '2001', 'refund.after_trade', ALIPAY);
  const b = await h.remark('xiaoli', '2002', 'refund.after_trade', BANK);
  const c = await h.remark('admin', '2004', 'refund.after_trade', PHONE);
  return [a.body, b.body, c.body];
}

async function download(h: Harness, format: string) {
  return request(h.app)
    .get(`/api/refunds/export?date=2026-11-23&format=${format}`)
    .set('Authorization', `Bearer ${await h.token('xiaozhou')}`)
    .buffer(true)
    .parse((res, cb) => {
      const chunks: Buffer[] = [];
      res.on('data', (c: Buffer) => chunks.push(c));
      res.on('end', () => cb(null, Buffer.concat(chunks)));
    });
}

describe('the refund register', () => {
  it('when staff write refund.after_trade, then each refund gets the handbook register line and the keeper sees them for the day', async () => {
    const h = await startHarness();
    const [a, b] = await threeRefunds(h);
    expect(a.entry).toBe('A1023+应退邮费10元,退到支付宝+xt.example@163.com 李莉莉+小丽/11.23');
    expect(a.refund.line).toBe('毛毛雨920402 xt.example@163.com 李莉莉 邮费10元(小丽)');
    expect(b.refund.line).toBe('毛毛雨920402 建行4367 4206 7255 0308 214 李秀兰 折扣288元(小丽)');
    expect((await h.as('xiaoli').get('/refunds?date=2026-11-23')).status).toBe(403);
    const list = (await h.as('xiaozhou').get('/refunds?date=2026-11-23')).body.refunds;
    expect(list).toHaveLength(3);
    expect(list[0]).toMatchObject({ tid: '2001', amountFen: 1000, state: 'open', staff: '小丽' });
    expect((await h.as('xiaozhou').get('/refunds?date=2026-11-22')).body.refunds).toEqual([]);
  });

  it('when the keeper registers a refund, then 退款已登记 goes on the order as the keeper, the answer is 已登记, and it can then be marked paid', async () => {
    const h = await startHarness();
    const [a] = await threeRefunds(h);
    const early = await h.as('xiaozhou').post(`/refunds/${a.refund.id}/paid`);
    expect(early.status).toBe(409);
    expect((await h.as('xiaoli').post(`/refunds/${a.refund.id}/registered`)).status).toBe(403);

    const reg = await h.as('xiaozhou').post(`/refunds/${a.refund.id}/registered`);
    expect(reg.status).toBe(200);
    expect(reg.body).toMatchObject({
      answer: '已登记',
      refund: { state: 'registered', registeredBy: '小周' },
      remark: { entry: '退款已登记+小周/11.23' },
    });
    expect(h.platform.order('2001').sellerMemo).toBe(`${a.entry}；退款已登记+小周/11.23`);

    const paid = await h.as('xiaozhou').post(`/refunds/${a.refund.id}/paid`);
    expect(paid.body.refund).toMatchObject({ state: 'paid', paidBy: '小周' });
  });

  it('when the day is exported as CSV, then it has a BOM and CRLF lines, and parses back to the register', async () => {
    const h = await startHarness();
    await threeRefunds(h);
    const res = await download(h, 'csv');
    expect(res.status).toBe(200);
    expect(res.headers['content-type']).toContain('text/csv');
    const file = res.body as Buffer;
    expect([...file.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const text = file.toString('utf8');
    expect(text.split('\r\n')).toHaveLength(5);
    expect(text.replace(/\r\n/g, '')).not.toContain('\n');
    const rows: string[][] = parse(file, { bom: true });
    expect(rows[0]).toEqual([...EXPORT_HEADERS]);
    expect(rows[1]).toEqual([
      '2026-11-23',
      '2001',
      '毛毛雨920402',
      '支付宝',
      'xt.example@163.com',
      '李莉莉',
      '邮费',
      '10.00',
      '小丽',
      '待登记',
      '毛毛雨920402 xt.example@163.com 李莉莉 邮费10元(小丽)',
    ]);
    expect(rows[2]![4]).toBe('建行4367 4206 7255 0308 214');
    expect(rows[3]![4]).toBe('="13900001111"');
    expect(rows[3]![7]).toBe('6.60');
    expect(Buffer.compare(file, await h.module.service.exportRefunds('2026-11-23', 'csv'))).toBe(0);
  });

  it('when the day is exported as XLSX, then exceljs reads the same rows with amounts as numbers', async () => {
    const h = await startHarness();
    await threeRefunds(h);
    const res = await download(h, 'xlsx');
    expect(res.headers['content-disposition']).toContain('refunds-2026-11-23.xlsx');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.body as unknown as ArrayBuffer);
    const sheet = wb.worksheets[0]!;
    expect(sheet.rowCount).toBe(4);
    expect((sheet.getRow(1).values as unknown[]).slice(1)).toEqual([...EXPORT_HEADERS]);
    const row = sheet.getRow(3).values as unknown[];
    expect(row.slice(1, 8)).toEqual([
      '2026-11-23',
      '2002',
      '毛毛雨920402',
      '银行',
      '建行4367 4206 7255 0308 214',
      '李秀兰',
      '折扣',
    ]);
    expect(row[8]).toBe(288);
    expect(sheet.getRow(4).getCell(8).value).toBe(6.6);
    expect(sheet.getRow(4).getCell(5).value).toBe('13900001111');
  });

  it('when a date is not a real day, then 400 names date', async () => {
    const h = await startHarness();
    const res = await h.as('xiaozhou').get('/refunds/export?date=2026-02-30&format=csv');
    expect(res.status).toBe(400);
    expect(res.body.error.field).toBe('date');
  });

  it('when refunds are written, then the log never shows the account or the real name', async () => {
    const lines: string[] = [];
    const sink = new Writable({
      write(chunk, _enc, cb) {
        lines.push(String(chunk));
        cb();
      },
    });
    const h = await startHarness({ logger: createLogger({ level: 'debug', destination: sink }) });
    h.platform.down = true;
    await threeRefunds(h);
    h.platform.down = false;
    await h.module.service.runOutbox();
    const log = lines.join('');
    expect(log).toContain('remark recorded');
    for (const secret of ['xt.example@163.com', '李莉莉', '4367420672550308214', '13900001111'])
      expect(log).not.toContain(secret);
  });
});
