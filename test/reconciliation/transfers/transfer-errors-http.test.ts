import { describe, expect, it } from 'vitest';
import { encode, fixtureFile, fixtureText } from '../../fixtures/statements/statement-fixtures.js';
import { englishWords } from '../../support/english-words.js';
import { orderBody, startTransfers } from './support/transfer-harness.js';

type Answer = { status: number; body: { error?: { code: string; message: string; field?: string; params?: unknown } } };

/** Every refusal a person can meet here: a code, and a Chinese sentence with no English in it. */
function refusal(res: Answer, status: number) {
  expect(res.status, JSON.stringify(res.body)).toBe(status);
  const error = res.body.error!;
  expect(englishWords(error.message, error.params), error.message).toEqual([]);
  return error;
}

describe('statement import refusals over HTTP: code, params, one Chinese sentence', () => {
  it('when an amount cell is garbled, then the answer names line, column, header and the cell as read', async () => {
    const h = await startTransfers();
    const broken = fixtureText('icbc').replace('"11,562.60', '"11,5x2.60');
    const res = await h
      .as('xiaozhou')
      .upload('/transfers/statements', { name: 'icbc.csv', bytes: encode(broken, 'gbk') });
    const error = refusal(res, 400);
    expect(error).toEqual({
      code: 'amount_not_number',
      field: 'file',
      message: '第10行 第13列(余额): "11,5x2.60" 不是金额',
      params: { line: 10, column: 13, header: '余额', value: '11,5x2.60' },
    });
  });

  it('when no layout matches or the file is empty or missing, then each has its own code and a sentence without English', async () => {
    const h = await startTransfers();
    const unknown = await h.as('xiaozhou').upload('/transfers/statements', {
      name: 'x.csv',
      bytes: Buffer.from('某银行流水\n日期,金额,说明\n2026-11-23,100.00,货款\n'),
    });
    expect(refusal(unknown, 400)).toMatchObject({
      code: 'statement_layout_unknown',
      field: 'file',
      params: { line: 2, headers: '日期, 金额, 说明' },
    });
    const empty = await h.as('xiaozhou').upload('/transfers/statements', { name: 'x.csv', bytes: Buffer.alloc(0) });
    expect(refusal(empty, 400)).toMatchObject({ code: 'file_empty', message: '文件为空' });
    const none = await h.as('xiaozhou').post('/transfers/statements', {});
    expect(refusal(none, 400)).toMatchObject({ code: 'file_missing', field: 'file' });
    const bank = await h
      .as('xiaozhou')
      .upload('/transfers/statements', fixtureFile('icbc', 'gbk'), { bank: 'nosuchbank' });
    expect(refusal(bank, 400)).toMatchObject({
      code: 'field_not_allowed',
      field: 'bank',
      message: expect.stringMatching(/^银行只能是：.*工商银行/),
    });
  });

  it('when a balance does not add up, then the figures are params in 元 and the message has no English half', async () => {
    const h = await startTransfers();
    const csv =
      '交易日期,摘要,交易详情,余额,记账金额(支出),记账金额(收入),对方户名,对方账户\n' +
      '2026-11-23,他行汇入,货款,100.00,,10100.00,周八,6217000000001111\n2026-11-23,他行汇入,货款,288.00,,10388.00,张三丰,6217000000009999\n';
    const error = refusal(
      await h.as('xiaozhou').upload('/transfers/statements', { name: 'x.csv', bytes: encode(csv, 'gbk') }),
      400,
    );
    expect(error).toMatchObject({
      code: 'balance_mismatch',
      params: { line: 3, previousLine: 2, previousBalance: '100.00', credit: '10388.00', balance: '288.00' },
    });
  });
});

describe('transfer order refusals over HTTP', () => {
  it('when a new order has several bad fields, then all are listed by their Chinese names, money in 元', async () => {
    const h = await startTransfers();
    const res = await h
      .as('xiaoli')
      .post('/transfers', orderBody({ address: '', amountDueFen: 1288.5, identify: 'magic' }));
    const error = refusal(res, 400);
    expect(error).toMatchObject({ code: 'invalid_fields', field: 'address', params: { count: 3 } });
    expect(error.message).toBe(
      '有3处需要修改：请填写收货地址；应付金额：请输入数字，例如 12.50；识别方式只能是：不加识别、唯一金额（应付加几分）、参考码（写在汇款附言）、唯一金额和参考码',
    );
    const item = refusal(
      await h.as('xiaoli').post('/transfers', orderBody({ items: [{ itemNo: 'A1', quantity: 0, priceFen: 100 }] })),
      400,
    );
    expect(item).toMatchObject({
      code: 'field_too_small',
      field: 'items.0.quantity',
      message: '数量（第1项）不能小于1',
    });
  });

  it('when an order is missing, cancelled or cancelled without a reason, then the code and params say which and the state is in Chinese', async () => {
    const h = await startTransfers();
    expect(refusal(await h.as('xiaoli').get('/transfers/T-nope'), 404)).toEqual({
      code: 'transfer_not_found',
      message: '汇款订单 T-nope 不存在',
      params: { id: 'T-nope' },
    });
    const t = (await h.as('xiaoli').post('/transfers', orderBody())).body.transfer;
    // Cancelling is the keeper's (accounts/permissions.ts).
    expect(refusal(await h.as('xiaozhou').post(`/transfers/${t.id}/cancel`, { reason: ' ' }), 400)).toMatchObject({
      code: 'field_required',
      field: 'reason',
      message: '请填写取消原因',
    });
    await h
      .as('xiaozhou')
      .post(`/transfers/${t.id}/cancel`, { reason: '买家不要了' })
      .then((r) => expect(r.status).toBe(200));
    const claim = await h
      .as('xiaoli')
      .post(`/transfers/${t.id}/claims`, { date: '2026-11-23', method: '网银', amountFen: 128800 });
    expect(refusal(claim, 409)).toMatchObject({
      code: 'transfer_not_open',
      params: { id: t.id, state: 'cancelled' },
      message: `汇款订单 ${t.id} 当前为已取消，不能再登记汇款`,
    });
    const badDate = await h
      .as('xiaoli')
      .post(`/transfers/${t.id}/claims`, { date: '11/23', method: '网银', amountFen: 128800 });
    expect(refusal(badDate, 400)).toMatchObject({
      code: 'field_bad_format',
      field: 'date',
      message: '汇款日期格式不对，应该像这样：2026-11-23',
    });
  });

  it('when the keeper confirms with no reason or ships an unpaid order, then the refusal is Chinese with its code', async () => {
    const h = await startTransfers();
    const t = (await h.as('xiaoli').post('/transfers', orderBody())).body.transfer;
    expect(refusal(await h.as('xiaozhou').post(`/transfers/${t.id}/confirm`, { rows: ['r1'] }), 400)).toMatchObject({
      code: 'field_required',
      field: 'reason',
      message: '请填写原因',
    });
    expect(
      refusal(await h.as('xiaozhou').post(`/transfers/${t.id}/ship`, { waybill: 'SF1234567' }), 409),
    ).toMatchObject({ code: 'transfer_not_paid', params: { state: 'awaiting' } });
    expect(refusal(await h.as('xiaozhou').post(`/transfers/${t.id}/ship`, { waybill: '?' }), 400)).toMatchObject({
      code: 'field_bad_format',
      field: 'waybill',
    });
    expect(
      refusal(await h.as('xiaozhou').post('/transfers/rows/nope/reject', { reason: '不是我们的' }), 404),
    ).toMatchObject({ code: 'row_not_found' });
    expect(refusal(await h.as('xiaoli').get('/transfers?state=lost'), 400)).toMatchObject({
      code: 'field_not_allowed',
      message: '汇款状态只能是：待汇款、已申报、已到账、已发货、已取消',
    });
  });
});
