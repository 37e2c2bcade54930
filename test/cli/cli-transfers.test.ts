import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import ExcelJS from 'exceljs';
import iconv from 'iconv-lite';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ensureBuiltCli, xiaoer } from '../support/cli.js';
import { serviceRig } from '../support/service-rig.js';

let rig: Awaited<ReturnType<typeof serviceRig>>;
// Each `xiaoer` is a fresh Node process that loads the whole app: seconds each on a busy 2-core machine.
const CLI_TIMEOUT = 120_000;

beforeAll(async () => {
  await ensureBuiltCli();
  rig = await serviceRig();
}, 120_000);
afterAll(async () => rig.close());

describe('CLI transfers while the service runs', () => {
  it(
    'when a GBK ICBC statement pays an open transfer order exactly, then `xiaoer transfers import` confirms it and `register` exports it',
    async () => {
      const staff = await rig.login('xiaoli');
      const created = await request(rig.svc.url)
        .post('/api/transfers')
        .set('authorization', `Bearer ${staff}`)
        .send({
          buyerNick: '毛毛雨920402',
          buyerName: '李莉莉',
          items: [{ itemNo: 'A1023', size: 'M', quantity: 1, priceFen: 128_800 }],
          address: '浙江省杭州市西湖区文三路90号',
          amountDueFen: 128_800,
        })
        .expect(201);
      const id = (created.body.transfer ?? created.body).id as string;
      const today = new Date(Date.now() + 8 * 3600_000).toISOString().slice(0, 10);
      const csv = [
        '明细查询文件下载',
        '',
        '卡号: 6222****1234',
        '',
        '交易日期,摘要,交易详情,交易场所,交易国家或地区简称,钞/汇,交易金额(收入),交易金额(支出),交易币种,记账金额(收入),记账金额(支出),记账币种,余额,对方户名,对方账户',
        `${today},他行汇入,货款,,CHN,钞,-,-,-,"1,288.00",,人民币,"11,288.00",李莉莉,6217****0001`,
        '', // a bank ends every row with its line end; a file without the last one is held back as cut off
      ].join('\r\n');
      const file = join(rig.dir, 'icbc.csv');
      await writeFile(file, iconv.encode(csv, 'gbk'));
      const { stdout } = await xiaoer(['transfers', 'import', file, '--json'], rig.dir);
      const summary = JSON.parse(stdout);
      expect(summary.imported).toBe(1);
      expect(summary.matched.map((m: { transfers: string[] }) => m.transfers).flat()).toEqual([id]);

      const again = JSON.parse((await xiaoer(['transfers', 'import', file, '--json'], rig.dir)).stdout);
      expect(again.imported).toBe(0);
      expect(again.duplicates).toBe(1);

      const out = join(rig.dir, 'register.xlsx');
      await xiaoer(['transfers', 'register', '--date', today, '--out', out], rig.dir);
      const wb = new ExcelJS.Workbook();
      await wb.xlsx.readFile(out);
      const text = JSON.stringify(wb.worksheets[0]!.getSheetValues());
      expect(text).toContain('毛毛雨920402');
    },
    CLI_TIMEOUT,
  );
});
