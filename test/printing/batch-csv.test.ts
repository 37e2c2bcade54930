/** The warehouse CSV of a batch: Excel-safe (BOM, CRLF, long numbers as text, no formula runs), one row per line. */
import { describe, expect, it } from 'vitest';
import { batchCsv } from '../../src/printing/index.js';
import { DAY, line, paidOrder, printingRig } from './support.js';

const TID = '4012345678901234567';

describe('the warehouse CSV', () => {
  it('when a batch is exported, then each line of each order to print is a row with item number, colour, size and quantity', async () => {
    const rig = printingRig(
      [
        paidOrder(TID, '09:00', {
          sellerMemo: '小林；发圆通快递',
          buyerMessage: '=HYPERLINK("http://x.example","点我")',
          items: [
            line({ outerIid: 'A1008', skuProperties: '颜色分类:白色;尺码:M', num: 2 }),
            line({ oid: '2', outerIid: 'B2011', title: '小白鞋', skuProperties: '颜色分类:白绿;鞋码:38' }),
            line({ oid: '3', outerIid: 'A1001', refundStatus: 'SUCCESS' }),
          ],
        }),
        paidOrder('802', '09:30', { sellerMemo: '此款无货+不要打单,已电话通知买家申请退款+小丽/12.07' }),
      ],
      `${DAY}T12:00`,
    );
    await rig.service.build({ date: DAY, time: '12:00' });
    const csv = batchCsv(rig.service.view({ date: DAY, time: '12:00' }));
    const text = csv.toString('utf8');
    expect(text.startsWith('\uFEFF')).toBe(true);
    const rows = text.slice(1).trimEnd().split('\r\n');
    expect(rows).toEqual([
      '订单号,快递,货号,商品,颜色,尺码,数量,卖家备注,买家留言',
      // The 19-digit order number stays text in Excel; the buyer's formula is defused; the refunded line is left out,
      // and so is the out-of-stock order.
      `"=""${TID}""",圆通速递,A1008,纯棉短袖T恤女夏季宽松圆领白色打底衫,白色,M,2,小林；发圆通快递,"'=HYPERLINK(""http://x.example"",""点我"")"`,
      `"=""${TID}""",圆通速递,B2011,小白鞋,白绿,38,1,小林；发圆通快递,"'=HYPERLINK(""http://x.example"",""点我"")"`,
    ]);
  });
});

describe('the warehouse CSV and the buyer’s data', () => {
  it('when a memo or a buyer’s message holds a phone or an ID number, then the CSV carries them masked, and no receiver column', async () => {
    const rig = printingRig(
      [
        paidOrder('901', '09:00', {
          sellerMemo: '改电话13912345678+小丽/12.07；发中通',
          buyerMessage: '开发票抬头用身份证110105199011231237',
        }),
      ],
      `${DAY}T12:00`,
    );
    await rig.service.build({ date: DAY, time: '12:00' });
    const text = batchCsv(rig.service.view({ date: DAY, time: '12:00' })).toString('utf8');
    expect(text).toContain('改电话139****5678+小丽/12.07；发中通');
    expect(text).toContain('110*************37');
    expect(text).not.toMatch(/13912345678|110105199011231237|收件人|收货人|手机/);
  });
});
