/**
 * Who sees and does what with transfer orders, through the real HTTP app: staff take orders and claims and see
 * them with the buyer's personal data masked (as they see an order's receiver); the assistant has no part in
 * transfers; cancelling is the keeper's, even for the staff member who took the order.
 */
import { describe, expect, it } from 'vitest';
import { fixtureFile } from '../../fixtures/statements/statement-fixtures.js';
import { orderBody, startTransfers } from './support/transfer-harness.js';

const FULL_ADDRESS = '浙江省杭州市西湖区文三路1号 13812345678';
const claim = { date: '2026-11-23', method: '银行转账', bankName: '工商银行', payerName: '张三丰', amountFen: 128800 };

describe('transfer orders by role', () => {
  it('when staff take an order and a claim, then every answer they get masks the real name, the address and the payer', async () => {
    const h = await startTransfers();
    const created = await h.as('xiaoli').post('/transfers', orderBody({ address: FULL_ADDRESS }));
    expect(created.status).toBe(201);
    const t = created.body.transfer;
    expect(t).toMatchObject({
      buyerNick: '毛毛雨',
      buyerName: '张**',
      address: '浙江省杭州市******',
      personalDataMasked: true,
      amountDueFen: 128800,
    });
    const claimed = (await h.as('xiaoli').post(`/transfers/${t.id}/claims`, claim)).body.transfer;
    expect(claimed.claims).toEqual([
      expect.objectContaining({ payerName: '张**', amountFen: 128800, bankName: '工商银行' }),
    ]);
    const listed = (await h.as('xiaoli').get('/transfers')).body.transfers;
    expect(listed).toEqual([expect.objectContaining({ id: t.id, buyerName: '张**', address: '浙江省杭州市******' })]);
    const one = (await h.as('xiaoli').get(`/transfers/${t.id}`)).body;
    expect(one.transfer).toMatchObject({
      buyerName: '张**',
      address: '浙江省杭州市******',
      claims: [expect.objectContaining({ payerName: '张**' })],
    });
    const everything = JSON.stringify([created.body, claimed, listed, one]);
    for (const secret of ['张三丰', '文三路', '13812345678']) expect(everything).not.toContain(secret);
    // What staff need to find the order again and to tell the buyer stays whole.
    expect(one.transfer).toMatchObject({
      id: t.id,
      buyerNick: '毛毛雨',
      items: [expect.objectContaining({ itemNo: 'A100' })],
      staff: { username: 'xiaoli' },
    });
  });

  it('when the keeper or the admin reads the same order, then it is whole', async () => {
    const h = await startTransfers();
    const t = (await h.as('xiaoli').post('/transfers', orderBody({ address: FULL_ADDRESS }))).body.transfer;
    await h.as('xiaoli').post(`/transfers/${t.id}/claims`, claim);
    for (const who of ['xiaozhou', 'admin'] as const) {
      const one = (await h.as(who).get(`/transfers/${t.id}`)).body.transfer;
      expect(one, who).toMatchObject({
        buyerName: '张三丰',
        address: FULL_ADDRESS,
        personalDataMasked: false,
        claims: [expect.objectContaining({ payerName: '张三丰' })],
      });
      expect((await h.as(who).get('/transfers')).body.transfers[0].address, who).toBe(FULL_ADDRESS);
    }
  });

  it('when the assistant tries any transfer route, then 403 and nothing is created or claimed', async () => {
    const h = await startTransfers();
    const t = (await h.as('xiaoli').post('/transfers', orderBody())).body.transfer;
    expect((await h.as('azhang').get('/transfers')).status).toBe(403);
    expect((await h.as('azhang').get(`/transfers/${t.id}`)).status).toBe(403);
    expect((await h.as('azhang').post('/transfers', orderBody())).status).toBe(403);
    expect((await h.as('azhang').post(`/transfers/${t.id}/claims`, claim)).status).toBe(403);
    expect((await h.as('azhang').post(`/transfers/${t.id}/cancel`, { reason: '买家不要了' })).status).toBe(403);
    expect((await h.as('azhang').upload('/transfers/statements', fixtureFile('icbc', 'gbk'))).status).toBe(403);
    expect(h.service.list().map((x) => [x.id, x.state])).toEqual([[t.id, 'awaiting']]);
  });

  it('when the staff member who took the order cancels it, then 403 and it stays open; the keeper cancels it', async () => {
    const h = await startTransfers();
    const t = (await h.as('xiaoli').post('/transfers', orderBody())).body.transfer;
    const refused = await h.as('xiaoli').post(`/transfers/${t.id}/cancel`, { reason: '买家不要了' });
    expect(refused.status).toBe(403);
    expect(refused.body.error).toMatchObject({ code: 'forbidden', params: { roles: ['keeper', 'admin'] } });
    expect(h.service.get(t.id).transfer.state).toBe('awaiting');
    const done = await h.as('xiaozhou').post(`/transfers/${t.id}/cancel`, { reason: '买家不要了' });
    expect(done.status).toBe(200);
    expect(done.body.transfer.state).toBe('cancelled');
    expect(refused.body.error.message).toBe('你的账号没有这个操作的权限（需要汇款专员、管理员账号）');
  });
});
