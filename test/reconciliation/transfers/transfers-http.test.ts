import ExcelJS from 'exceljs';
import { parse } from 'csv-parse/sync';
import { describe, expect, it } from 'vitest';
import { fixtureFile, fixtureText, csvCells, xlsxOf, encode } from '../../fixtures/statements/statement-fixtures.js';
import { orderBody, startTransfers } from './support/transfer-harness.js';

describe('transfers over HTTP', () => {
  it('when staff create an order for an unpaid platform trade, then the trade is closed, the memo written and the taker is the logged-in person', async () => {
    const h = await startTransfers();
    const res = await h.as('xiaoli').post('/transfers', orderBody({ tid: '3001', staff: 'someone-else' }));
    expect(res.status).toBe(400);
    const ok = await h.as('xiaoli').post('/transfers', orderBody({ tid: '3001' }));
    expect(ok.status).toBe(201);
    expect(ok.body.transfer).toMatchObject({
      state: 'awaiting',
      tid: '3001',
      staff: { username: 'xiaoli', displayName: '小丽' },
      platform: { closed: true },
    });
    expect(h.shop.closed).toEqual(['3001']);
    expect(h.remarkCalls).toMatchObject([{ tid: '3001', kind: 'transfer.awaiting', user: { username: 'xiaoli' } }]);
  });

  it('when the platform trade is already paid or of another buyer, then no transfer order is made and nothing is closed', async () => {
    const h = await startTransfers();
    expect((await h.as('xiaoli').post('/transfers', orderBody({ tid: '3002' }))).status).toBe(409);
    expect(
      (await h.as('xiaoli').post('/transfers', orderBody({ tid: '3001', buyerNick: '别人' }))).body.error.field,
    ).toBe('tid');
    expect(h.shop.closed).toEqual([]);
    expect(h.service.list()).toEqual([]);
  });

  it('when an amount is not integer fen, then the order is refused naming the field', async () => {
    const h = await startTransfers();
    const res = await h.as('xiaoli').post('/transfers', orderBody({ amountDueFen: 1288.5 }));
    expect(res.status).toBe(400);
    expect(res.body.error.field).toBe('amountDueFen');
  });

  it('when nobody is logged in, then 401; when staff try to import or confirm, then 403', async () => {
    const h = await startTransfers();
    const anon = await (await import('supertest')).default(h.app).get('/api/transfers');
    expect(anon.status).toBe(401);
    const t = (await h.as('xiaoli').post('/transfers', orderBody())).body.transfer;
    expect((await h.as('xiaoli').upload('/transfers/statements', fixtureFile('icbc', 'gbk'))).status).toBe(403);
    expect((await h.as('xiaoli').post(`/transfers/${t.id}/confirm`, { rows: ['x'], reason: 'r' })).status).toBe(403);
    expect((await h.as('azhang').get('/transfers/register?date=2026-11-23')).status).toBe(403);
    expect(h.service.list({ state: 'paid' })).toEqual([]);
  });

  it("when the keeper uploads a GBK ICBC export, then the buyer's credit pays the order and a re-import adds no rows", async () => {
    const h = await startTransfers();
    const t = (await h.as('xiaoli').post('/transfers', orderBody())).body.transfer;
    const first = await h.as('xiaozhou').upload('/transfers/statements', fixtureFile('icbc', 'gbk'), { bank: 'icbc' });
    expect(first.status).toBe(201);
    expect(first.body).toMatchObject({ credits: 2, imported: 2, duplicates: 0 });
    expect(first.body.matched).toEqual([
      expect.objectContaining({
        transfer: t.id,
        rule: 'amount-and-payer',
        row: expect.objectContaining({ amountFen: 128800, line: 8 }),
      }),
    ]);
    expect(first.body.unmatched.map((r: { amountFen: number }) => r.amountFen)).toEqual([28800]);
    expect((await h.as('xiaoli').get(`/transfers/${t.id}`)).body.transfer).toMatchObject({
      state: 'paid',
      rule: 'amount-and-payer',
    });
    expect(h.notices).toEqual([{ recipient: 'xiaoli', message: expect.stringContaining(t.id) }]);
    // The buyer is told the amount the credit brought, and the staff who took the order answers for the message.
    expect(h.messages).toEqual([
      {
        kind: 'transfer-received',
        buyerNick: '毛毛雨',
        reason: expect.any(String),
        transfer: { amount: 128800, reference: t.reference ?? t.id },
        owner: 'xiaoli',
      },
    ]);

    const again = await h.as('xiaozhou').upload('/transfers/statements', fixtureFile('icbc', 'utf-8-bom'));
    expect(again.body).toMatchObject({
      credits: 2,
      imported: 0,
      duplicates: 2,
      matched: [],
      queued: [],
      unmatched: [],
    });
    expect(h.store.count('transfer-statement-rows')).toBe(2);
  });

  it('when a queued credit belongs to none of the candidates, then the keeper rejects it with a reason and it leaves the queue', async () => {
    const h = await startTransfers();
    // The buyer's real name differs from the payer, so the credit waits for a person.
    const t = (await h.as('xiaoli').post('/transfers', orderBody({ buyerName: '李四' }))).body.transfer;
    const imported = await h
      .as('xiaozhou')
      .upload('/transfers/statements', fixtureFile('icbc', 'gbk'), { bank: 'icbc' });
    const queued = imported.body.queued.find((q: { row: { amountFen: number } }) => q.row.amountFen === 128800);
    expect(queued.candidates.map((c: { transferId: string }) => c.transferId)).toContain(t.id);
    const identity = queued.row.identity as string;
    expect((await h.as('xiaoli').post(`/transfers/rows/${identity}/reject`, { reason: '不是这位买家' })).status).toBe(
      403,
    );
    const rejected = await h.as('xiaozhou').post(`/transfers/rows/${identity}/reject`, { reason: '同事的私人转账' });
    expect(rejected.status).toBe(200);
    expect(rejected.body.row).toMatchObject({
      status: 'unmatched',
      transferIds: [],
      reason: expect.stringContaining('同事的私人转账'),
    });
    expect(
      (await h.as('xiaozhou').get('/transfers/queue')).body.queue.map((r: { identity: string }) => r.identity),
    ).not.toContain(identity);
    expect(h.service.audit().filter((e) => e.action === 'rejected')).toEqual([
      expect.objectContaining({ rowIdentity: identity, by: 'xiaozhou' }),
    ]);
    expect((await h.as('xiaoli').get(`/transfers/${t.id}`)).body.transfer.state).toBe('awaiting');
    expect((await h.as('xiaozhou').post(`/transfers/rows/${identity}/reject`, { reason: '再来一次' })).status).toBe(
      409,
    );
  });

  it('when the keeper uploads the same export as XLSX, then it is read like the CSV', async () => {
    const h = await startTransfers();
    await h.as('xiaoli').post('/transfers', orderBody());
    const xlsx = await xlsxOf(csvCells(fixtureText('icbc')));
    const res = await h.as('xiaozhou').upload('/transfers/statements', { name: '明细.xlsx', bytes: xlsx });
    expect(res.status).toBe(201);
    expect(res.body).toMatchObject({ layout: 'icbc', credits: 2, imported: 2 });
    expect(res.body.matched).toHaveLength(1);
  });

  it('when a file has a bad amount, then it is refused whole with its line and column and nothing changes', async () => {
    const h = await startTransfers();
    const t = (await h.as('xiaoli').post('/transfers', orderBody())).body.transfer;
    const broken = fixtureText('icbc').replace('"11,562.60', '"11,5x2.60');
    const res = await h
      .as('xiaozhou')
      .upload('/transfers/statements', { name: 'icbc.csv', bytes: encode(broken, 'gbk') });
    expect(res.status).toBe(400);
    expect(res.body.error).toMatchObject({ field: 'file', message: expect.stringMatching(/第10行 第13列\(余额\)/) });
    expect(h.store.count('transfer-statement-rows')).toBe(0);
    expect(h.service.get(t.id).transfer.state).toBe('awaiting');
  });

  it('when the day is exported, then the CSV (BOM) and XLSX read back with the order, and the supervisor marks it reviewed', async () => {
    const h = await startTransfers();
    const t = (await h.as('xiaoli').post('/transfers', orderBody({ tid: '3001' }))).body.transfer;
    await h.as('xiaoli').post(`/transfers/${t.id}/claims`, {
      date: '2026-11-23',
      method: '网银转账',
      bankName: '工商银行',
      amountFen: 128800,
    });
    await h.as('xiaozhou').upload('/transfers/statements', fixtureFile('icbc', 'gbk'));
    const shipped = await h.as('xiaozhou').post(`/transfers/${t.id}/ship`, { waybill: 'SF1234567890' });
    expect(shipped.body.memo).toBe('单号:SF1234567890+小周/11.23');
    expect(h.remarkCalls.at(-1)).toMatchObject({
      tid: '3001',
      kind: 'copy.transfer',
      fields: { waybill: 'SF1234567890' },
    });

    const csv = await h.as('xiaozhou').get('/transfers/register?date=2026-11-23&format=csv');
    expect(csv.headers['content-type']).toContain('text/csv');
    const bytes = Buffer.from(csv.text, 'utf8');
    expect([...bytes.subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
    const rows = parse(csv.text.slice(1), { relax_quotes: true }) as string[][];
    expect(rows[0]).toEqual([
      '订单',
      '平台订单号',
      '买家',
      '商品',
      '金额(元)',
      '接单客服',
      '创建时间',
      '申报时间',
      '核实时间',
      '发货时间',
      '运单号',
      '状态',
    ]);
    expect(rows[1]).toEqual([
      t.id,
      '3001',
      '毛毛雨',
      'A100 M ×1',
      '1288.00',
      '小丽',
      '2026-11-23 10:00:00',
      '2026-11-23 10:00:00',
      '2026-11-23 10:00:00',
      '2026-11-23 10:00:00',
      'SF1234567890',
      '已发货',
    ]);

    const xlsx = await h.as('xiaozhou').download('/transfers/register?date=2026-11-23&format=xlsx');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(xlsx as unknown as ArrayBuffer);
    const sheet = wb.worksheets[0]!;
    expect(sheet.getRow(2).getCell(1).value).toBe(t.id);
    expect(sheet.getRow(2).getCell(5).value).toBe(1288);

    expect((await h.as('xiaozhou').post('/transfers/register/2026-11-23/reviewed')).status).toBe(403);
    expect((await h.as('admin').post('/transfers/register/2026-11-23/reviewed')).body).toMatchObject({
      date: '2026-11-23',
      by: '管理员',
    });
    expect((await h.as('xiaozhou').get('/transfers/register?date=2026-11-23')).body.reviewed).toMatchObject({
      by: '管理员',
    });
    expect((await h.as('xiaozhou').get('/transfers/register?date=2026-11-24')).body.lines).toEqual([]);
  });
});
