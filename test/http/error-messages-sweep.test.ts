/**
 * Every error answer of the routes staff use, from the real service: a stable code and a message a shop person
 * reads, with no English word of three or more letters but the product names in test/support/english-words.ts.
 * A message that slips back into "中文 / English" or zod's "Invalid input: expected …" fails here.
 */
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { englishWords, PRODUCT_NAMES } from '../support/english-words.js';
import { serviceRig } from '../support/service-rig.js';

let rig: Awaited<ReturnType<typeof serviceRig>>;
const tokens: Record<string, string> = {};
let tid = '';

beforeAll(async () => {
  rig = await serviceRig();
  for (const u of ['xiaoli', 'xiaozhou', 'admin']) tokens[u] = await rig.login(u);
  tid = [...rig.svc.store.all<{ tid: string; status: string }>('orders')].find(
    (o) => o.status === 'WAIT_BUYER_PAY',
  )!.tid;
}, 90_000);
afterAll(async () => rig.close());

type Call = [who: 'xiaoli' | 'xiaozhou' | 'admin' | null, method: 'get' | 'post', path: string, body?: object];

/** Requests refused for different reasons: missing, wrong type, too long, not allowed, bad format, absent. */
const calls = (): Call[] => [
  [null, 'post', '/api/session', {}],
  [null, 'post', '/api/session', { username: 'xiaoli', password: 'wrong-password' }],
  [null, 'get', '/api/orders'],
  ['xiaoli', 'get', '/api/orders?status=NOPE'],
  ['xiaoli', 'get', '/api/orders?page=0&pageSize=500'],
  ['xiaoli', 'get', '/api/orders?tid=abc&waybill=%21%21'],
  ['xiaoli', 'get', '/api/orders/999999999999'],
  ['xiaoli', 'get', '/api/nowhere'],
  ['xiaoli', 'post', `/api/orders/${tid}/remarks`, {}],
  ['xiaoli', 'post', `/api/orders/${tid}/remarks`, { kind: 'price.magic' }],
  ['xiaoli', 'post', `/api/orders/${tid}/remarks`, { kind: 'price.review_reward', fields: { amount: 'abc' } }],
  ['xiaoli', 'post', `/api/orders/${tid}/remarks`, { kind: 'price.review_reward', fields: {} }],
  [
    'xiaoli',
    'post',
    `/api/orders/${tid}/remarks`,
    { kind: 'price.review_reward', fields: { amount: '5', staff: '阿张' } },
  ],
  ['xiaoli', 'post', '/api/orders/12ab/remarks', { kind: 'price.ordinary' }],
  ['xiaoli', 'post', '/api/transfers', {}],
  [
    'xiaoli',
    'post',
    '/api/transfers',
    {
      buyerNick: 'x',
      items: [{ itemNo: '', quantity: 1000, priceFen: -1 }],
      address: 'a',
      amountDueFen: 1.5,
      identify: 'x',
    },
  ],
  ['xiaoli', 'get', '/api/transfers?state=lost'],
  ['xiaoli', 'get', '/api/transfers/T-none'],
  ['xiaoli', 'post', '/api/transfers/T-none/claims', { date: '2026-11-23', method: '网银', amountFen: 100 }],
  ['xiaoli', 'post', '/api/transfers/statements', {}],
  ['xiaozhou', 'post', '/api/transfers/statements', {}],
  ['xiaozhou', 'get', '/api/transfers/register?date=11-23'],
  ['xiaozhou', 'post', '/api/transfers/T-none/confirm', { rows: [] }],
  ['xiaozhou', 'post', '/api/ledger/买家甲/credits', { amount: 'abc', reason: '补偿' }],
  ['xiaozhou', 'post', '/api/ledger/买家甲/credits', { amount: 5 }],
  ['xiaozhou', 'post', '/api/ledger/买家甲/credits', { amount: 5, reason: '补偿', tid: '999999999999' }],
  ['xiaozhou', 'post', '/api/refunds/nope/paid'],
  ['xiaoli', 'post', '/api/messages', { kind: 'nope' }],
  ['xiaoli', 'get', '/api/messages?state=lost'],
  ['xiaoli', 'post', '/api/messages/nope/sent'],
  ['xiaoli', 'post', '/api/quick-replies/nope/render', {}],
  ['xiaoli', 'post', '/api/complaints', {}],
  ['xiaoli', 'post', '/api/complaints/nope/respond', { note: '已回复' }],
  ['xiaoli', 'get', '/api/handover?shift=midnight'],
  ['xiaoli', 'post', '/api/handover/diary', { text: '' }],
  ['xiaoli', 'post', '/api/tasks/nope/close', {}],
  ['xiaoli', 'get', '/api/tasks?state=maybe'],
  ['admin', 'get', '/api/sales/report?from=2026-02-30'],
  ['admin', 'get', '/api/sales/report?from=2026-11-23&to=2026-11-01'],
  ['admin', 'post', '/api/jobs/nope/run'],
];

function send([who, method, path, body]: Call) {
  let req = request(rig.svc.url)[method](path);
  if (who) req = req.set('authorization', `Bearer ${tokens[who]}`);
  return method === 'post' ? req.send(body ?? {}) : req;
}

describe('every error answer of the staff routes is Chinese with a code', () => {
  it(`when ${calls().length} bad requests are sent, then each is a 4xx with a code and a message free of English words (allowed: ${PRODUCT_NAMES.join(', ')})`, async () => {
    const answers: { call: string; status: number; code: string; message: string; params?: unknown }[] = [];
    for (const call of calls()) {
      const res = await send(call);
      answers.push({ call: `${call[1].toUpperCase()} ${call[2]}`, status: res.status, ...res.body.error });
    }
    const bad = answers.filter(
      (a) =>
        a.status < 400 ||
        a.status >= 500 ||
        !/^[a-z][a-z0-9_]*$/.test(a.code ?? '') ||
        !/[\u4e00-\u9fff]/.test(a.message ?? '') ||
        englishWords(a.message, a.params).length > 0,
    );
    expect(bad).toEqual([]);
    // Each kind of refusal is in the sweep, so the check above is not met by one kind alone.
    expect(new Set(answers.map((a) => a.status))).toEqual(new Set([400, 401, 403, 404]));
    expect(new Set(answers.map((a) => a.code)).size).toBeGreaterThanOrEqual(15);
  });
});
