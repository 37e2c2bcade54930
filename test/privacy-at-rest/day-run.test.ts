/**
 * Issue 18, part 3's "done when": a day of the living sandbox shop inside the service (orders coming in and moving
 * on, payment reminders and birthday greetings sent by SMS, a label fixed after the buyer's address changed on a
 * printed order, a bank transfer confirmed, print batches, both handovers, the day's exports), then every file of the
 * data folder outside the platform's own (data/sandbox/) is searched for the buyers' plain mobiles, names, detailed
 * addresses and ID numbers as the sandbox holds them: none may be there. The exports and answers handed to people
 * (the warehouse CSV, the handover, the buyer page) are searched too, and the service's log lines (written into the
 * data folder's logs/ for this test).
 */
import { mkdir, mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import nock from 'nock';
import { pino } from 'pino';
import request from 'supertest';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig } from '../../src/config/load-config.js';
import { MESSAGE_KINDS } from '../../src/messaging/templates/metadata.js';
import { startService, type RunningService } from '../../src/service/start-service.js';
import { createLogger } from '../../src/shared/logger.js';
import { fixedClock, shanghaiDate } from '../../src/shared/time.js';
import { ROOT } from '../support/service-rig.js';
import { findAtRest, findIn, plainValues, type Finding } from './plain-values.js';

const SMS_ORIGIN = 'http://dysmsapi.day-run.test';
const DAY = '2026-11-23';
const at = (hhmm: string) => `${DAY}T${hhmm}:00+08:00`;

let dir: string;
let svc: RunningService;
const clock = fixedClock(at('09:30'));
/** Phones the SMS provider was asked to send to (held in memory by the fake provider, never on disk). */
const smsTo: string[] = [];
/** What people were handed during the day: exports and answers, by name. */
const handed: Record<string, string> = {};
let logFile: pino.DestinationStream & { flushSync(): void };

const tokens: Record<string, string> = {};
async function login(username: string): Promise<string> {
  if (tokens[username]) return tokens[username]!;
  const res = await request(svc.url).post('/api/session').send({ username, password: 'xiaoer-demo' }).expect(201);
  return (tokens[username] = res.body.token as string);
}
const api = async (username: string) => {
  const auth = `Bearer ${await login(username)}`;
  return {
    get: (path: string) => request(svc.url).get(path).set('Authorization', auth),
    post: (path: string, body?: object) =>
      request(svc.url)
        .post(path)
        .set('Authorization', auth)
        .send(body ?? {}),
  };
};

async function waitFor<T>(read: () => T | undefined, ms = 8000): Promise<T | undefined> {
  const started = Date.now();
  for (;;) {
    const v = read();
    if (v !== undefined || Date.now() - started > ms) return v;
    await new Promise((r) => setTimeout(r, 50));
  }
}

/** A tick of the living shop: a quarter of an hour of its day (orders, payments, shipments, returns, reviews). */
const STEP_MS = 15 * 60_000;

/** The living shop moves on to the clock's time a step at a time, then xiaoer syncs. */
async function liveUntil(hhmm: string) {
  const shop = svc.outside.shop!;
  const to = Date.parse(at(hhmm));
  for (let t = clock.now() + STEP_MS; t <= to; t += STEP_MS) {
    clock.set(t);
    shop.tick(t);
  }
  clock.set(to);
  const s = await svc.sync.syncAll();
  expect(s.ok, JSON.stringify(s.errors)).toBe(true);
}

const run = async (job: string) => {
  const r = await svc.operations.runJob(job);
  expect(r.outcome, `${job}: ${JSON.stringify(r)}`).not.toBe('failed');
  return r;
};

beforeAll(async () => {
  dir = await mkdtemp(join(tmpdir(), 'xiaoer-day-run-'));
  // Buyer messages go by SMS (a fake Aliyun endpoint): the phone is needed at send time, and only then.
  const templateCodes = Object.fromEntries(MESSAGE_KINDS.map((k, i) => [k, `SMS_${100000 + i}`]));
  const config = {
    messaging: {
      buyerChannel: 'aliyun-sms',
      aliyunSms: {
        accessKeyId: 'day-run',
        accessKeySecret: 'day-run',
        signName: '拾光衣橱',
        endpoint: SMS_ORIGIN,
        templateCodes,
      },
    },
  };
  await writeFile(join(dir, 'config.json'), JSON.stringify(config));
  nock(SMS_ORIGIN)
    .persist()
    .post('/')
    .reply((_uri, body) => {
      const params = new URLSearchParams(typeof body === 'string' ? body : '');
      smsTo.push(params.get('PhoneNumbers') ?? '');
      const id = `day-run-${smsTo.length}`;
      return [200, { Code: 'OK', Message: 'OK', BizId: id, RequestId: id }];
    });
  await mkdir(join(dir, 'logs'), { recursive: true });
  logFile = pino.destination({ dest: join(dir, 'logs', 'day-run-service.jsonl'), sync: true });
  svc = await startService(
    loadConfig({ XIAOER_DATA_DIR: dir, PORT: '0', XIAOER_SANDBOX_ORDERS: '400', XIAOER_SANDBOX_TICK_MS: '0' }, ROOT),
    { clock, jobs: false, initialSync: false, logger: createLogger({ level: 'debug', destination: logFile }) },
  );
  expect((await svc.sync.syncAll()).ok).toBe(true);
}, 120_000);

afterAll(async () => {
  nock.cleanAll();
  await svc?.close().catch(() => undefined);
  await rm(dir, { recursive: true, force: true });
});

describe("a day of the living shop leaves no buyer's plain data at rest", () => {
  it('when the day has run, then no file outside data/sandbox/ (and nothing handed to people) holds a plain mobile, name, address or ID number', async () => {
    const shop = svc.outside.shop!;
    const xiaoli = await api('xiaoli');
    const azhang = await api('azhang');
    const keeper = await api('xiaozhou');
    const admin = await api('admin');
    let reminded = 0;

    // 09:30 A buyer gives her ID number in chat; 小丽 records it on her profile (kept masked, only the date in full).
    const withId = shop.buyers().find((b) => b.idNumber && !b.overseas)!;
    const profile = await request(svc.url)
      .put(`/api/buyers/${encodeURIComponent(withId.nick)}/profile`)
      .set('Authorization', `Bearer ${tokens.xiaoli}`)
      .send({ idNumber: withId.idNumber });
    expect(profile.status, JSON.stringify(profile.body)).toBe(200);

    // 10:00 The shop lives; the morning's jobs run and the messages go out by SMS.
    await liveUntil('10:00');
    for (const job of ['logistics-refresh', 'returns-sync', 'payment-reminders', 'stuck-parcels']) await run(job);
    // The sandbox's buyers told the shop their birthdays at start (recorded on their profiles): some are today.
    expect((await run('birthday-greetings')).counts.greeted, 'birthday greetings').toBeGreaterThan(0);
    await run('message-dispatch');

    // 10:30 A printed order's receiver changes on the platform: the assistant gets 改面单 and fixes the label.
    await liveUntil('10:30');
    const open = shop
      .tradesByCreated(
        0,
        clock.now() + 1000,
        { statuses: new Set(['WAIT_SELLER_SEND_GOODS'] as const) },
        { pageNo: 1, pageSize: 500 },
      )
      .items.filter((t) => t.consigned === null && t.lines.every((l) => !l.refund));
    const printed = open[0]!.tid;
    expect((await xiaoli.post(`/api/orders/${printed}/remarks`, { kind: 'print.printed' })).status).toBe(201);
    const changed = await request(svc.url)
      .post(`/sandbox/back-office/trades/${printed}/address`)
      .send({ state: '浙江省', city: '杭州市', district: '西湖区', address: '文三路 90 号 3 幢 501' });
    expect(changed.status).toBe(200);
    const fixLabel = await waitFor(() => svc.remarks.tasks.list({ tid: printed }).find((t) => t.type === 'fix_label'));
    expect(fixLabel, 'the label-fix task').toBeDefined();
    // She reveals the new address (scene 1008, logged) to write the label, fixes it, and the reveal is dropped.
    const reveal = await azhang.post(`/api/orders/${printed}/receiver/reveal`, { scene: '1008', reason: '改面单' });
    expect(reveal.status, JSON.stringify(reveal.body)).toBe(200);
    expect(JSON.stringify(reveal.body)).toContain('文三路 90 号 3 幢 501');
    const fixed = await azhang.post(`/api/orders/${printed}/remarks`, { kind: 'address.label_fixed' });
    expect(fixed.status, JSON.stringify(fixed.body)).toBe(201);

    // 11:00 Reviews; 12:00 the first print batch, printed, its warehouse CSV handed over.
    await liveUntil('11:00');
    await run('review-window-1100');
    // Orders placed this morning and not paid half an hour on: their first payment reminder (scene 2002).
    reminded += Number((await run('payment-reminders')).counts.first ?? 0);
    await liveUntil('12:00');
    await run('print-batch-1200');
    expect((await xiaoli.post(`/api/print-batches/${DAY}/12:00/printed`)).status).toBe(200);
    handed['print batch 12:00 CSV'] = (await xiaoli.get(`/api/print-batches/${DAY}/12:00/csv`)).text;
    handed['print batch 12:00'] = JSON.stringify((await xiaoli.get(`/api/print-batches/${DAY}/12:00`)).body);

    // 14:00 A buyer pays by bank transfer: the keeper takes the order, uploads the statement, it is confirmed.
    await liveUntil('14:00');
    reminded += Number((await run('payment-reminders')).counts.first ?? 0);
    expect(reminded, 'payment reminders').toBeGreaterThan(0);
    const payer = shop.buyers()[1]!;
    const transfer = await keeper.post('/api/transfers', {
      buyerNick: payer.nick,
      buyerName: '汇款人',
      items: [{ itemNo: 'B2001', size: 'M', quantity: 1, priceFen: 28_837 }],
      address: '江苏省南京市玄武区中山路1号',
      amountDueFen: 28_837,
    });
    expect(transfer.status, JSON.stringify(transfer.body)).toBe(201);
    const statement = [
      '# 招商银行交易记录',
      '# 账号:[6214****0000]',
      `# 起始日期:[${DAY.replaceAll('-', '')}]   终止日期:[${DAY.replaceAll('-', '')}]`,
      '记账日期,交易时间,货币,交易金额,联机余额,交易摘要,对手信息,客户摘要',
      `${DAY},13:11:12,CNY,288.37,"1,371.66",转账汇款,汇款人 6214830000003333,`,
      '',
    ].join('\n');
    const upload = await request(svc.url)
      .post('/api/transfers/statements')
      .set('Authorization', `Bearer ${tokens.xiaozhou}`)
      .attach('file', Buffer.from(statement, 'utf8'), 'cmb.csv');
    expect(upload.status, JSON.stringify(upload.body)).toBe(201);
    await run('transfer-checks');
    await run('message-dispatch');
    handed['transfers'] = JSON.stringify((await keeper.get('/api/transfers')).body);
    handed['transfer register CSV'] = (await keeper.get(`/api/transfers/register?date=${DAY}&format=csv`)).text;

    // 15:00 and 17:00 batches; 16:15 the day's handover; 17:30 the refund register exported.
    await liveUntil('15:00');
    await run('print-batch-1500');
    await liveUntil('16:15');
    await run('handover-day');
    handed['handover (day)'] = (await admin.get(`/api/handover?shift=day&date=${DAY}&format=markdown`)).text;
    await liveUntil('17:00');
    await run('print-batch-1700');
    handed['print batch 17:00 CSV'] = (await xiaoli.get(`/api/print-batches/${DAY}/17:00/csv`)).text;
    await liveUntil('17:30');
    for (const job of ['refund-register', 'transfer-register', 'revisit-list', 'logistics-refresh']) await run(job);
    handed['access log CSV'] = (await admin.get('/api/privacy/access-log/export')).text;
    expect(handed['access log CSV']).toContain(printed);
    handed['refund register CSV'] = (await keeper.get(`/api/refunds/export?date=${DAY}&format=csv`)).text;

    // A buyer looked up by her phone's last four digits, and her page, as staff see them.
    const someone = shop.buyerOf(open[1] ?? open[0]!);
    const search = await xiaoli.get(`/api/search?q=${someone.mobile.slice(-4)}`);
    expect(search.status).toBe(200);
    expect(JSON.stringify(search.body), 'the phone tail still finds the buyer').toContain(someone.nick);
    handed['search'] = JSON.stringify(search.body);
    handed['buyer page'] = JSON.stringify((await xiaoli.get(`/api/buyers/${encodeURIComponent(someone.nick)}`)).body);

    // 23:00 the night's handover; the service stops (its last writes land in the shard files).
    await liveUntil('23:00');
    await run('handover-night');
    await run('message-dispatch');
    expect(smsTo.length, 'messages reached the SMS provider').toBeGreaterThan(0);
    await svc.close();
    logFile.flushSync();

    const values = plainValues(shop);
    const mobiles = new Set(values.filter((v) => v.kind === 'mobile').map((v) => v.value));
    expect(mobiles.size).toBeGreaterThan(50);
    // The SMS went to real numbers, decrypted at send time: plain data was in memory during the day.
    expect(smsTo.filter((p) => mobiles.has(p)).length, 'SMS to decrypted numbers').toBeGreaterThan(0);
    const { files, found } = await findAtRest(dir, values);
    expect(files.some((f) => f.startsWith('collections/orders/'))).toBe(true);
    expect(files.some((f) => f.startsWith('logs/'))).toBe(true);
    const report = (fs: Finding[]) =>
      fs
        .slice(0, 12)
        .map((f) => `${f.where}: ${f.kind} of ${f.nick} in …${f.context}…`)
        .join('\n');
    expect(found.length, `plain buyer data at rest:\n${report(found)}`).toBe(0);
    const shown = findIn(handed, values);
    expect(shown.length, `plain buyer data handed to people:\n${report(shown)}`).toBe(0);
    expect(shanghaiDate(clock.now())).toBe(DAY);
  }, 300_000);
});
