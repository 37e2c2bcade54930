/**
 * Messaging's own records keep masked phones plus tid/oaid, never a decrypted number: a day of SMS on an on-disk
 * store (sent, batched, a privacy number, the chat queue, a crash looked up by number, a message kept for a value
 * with the buyer's phone given), then every file of the store, the module's own log lines (written unmasked, so a
 * number messaging logged would show) and what the API lists are searched for each plain number.
 */
import { readdir, readFile } from 'node:fs/promises';
import { mkdtemp, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Writable } from 'node:stream';
import nock from 'nock';
import { pino } from 'pino';
import { afterEach, beforeAll, describe, expect, it, onTestFinished } from 'vitest';
import { MINUTE } from '../../../src/shared/time.js';
import { openLowdbStore } from '../../../src/storage/index.js';
import { fakeSms, smsFixture } from '../channels/sms-support.js';
import { buyerOrder, sentTo, SMS_CONFIG } from '../support/sms-shop.js';
import { BUYER, SHIPPED_MOBILE, UNPAID_MOBILE, UNPAID_OAID, UNPAID_TID, world } from '../support/world.js';

beforeAll(() => nock.disableNetConnect());
afterEach(() => nock.cleanAll());

async function filesUnder(dir: string): Promise<string[]> {
  const entries = await readdir(dir, { withFileTypes: true, recursive: true });
  return entries.filter((e) => e.isFile()).map((e) => join(e.parentPath, e.name));
}

describe('no plain phone in messaging records', () => {
  it('when a day of SMS has run, then no file of the store, no log line and no API answer holds a decrypted number', async () => {
    const dir = await mkdtemp(join(tmpdir(), 'xiaoer-no-phones-'));
    onTestFinished(() => rm(dir, { recursive: true, force: true }));
    const store = await openLowdbStore({ dir });
    onTestFinished(() => store.close());
    const lines: string[] = [];
    const logger = pino(
      { level: 'debug' },
      new Writable({
        write(chunk: Buffer, _enc, done) {
          lines.push(chunk.toString());
          done();
        },
      }),
    );
    const w = await world({ store, config: { ...SMS_CONFIG, perBuyerDailyCap: 5 }, logger });
    const s = w.module.service;
    const buyers = Array.from({ length: 25 }, (_, i) => buyerOrder(i + 1));
    await w.orders.upsertMany(buyers.map((b) => b.order));
    for (const b of buyers) w.platform.plain.set(b.oaid, { mobile: b.mobile });
    const privacyNumber = '17012345678';
    w.platform.plain.set(UNPAID_OAID, { mobile: privacyNumber, secretNoExpireAt: '2026-12-08T10:00:00.000+08:00' });
    // Aliyun answers the first SendSms with a lost connection: that one is looked up by its number after.
    let first = true;
    const sms = fakeSms((p) => {
      if (p['Action'] === 'SendSms' && first) {
        first = false;
        return 'network-error';
      }
      return p['Action'] === 'SendSms' ? smsFixture('send-ok.json') : smsFixture('query-empty.json');
    });

    await s.enqueue({ kind: 'payment-reminder-first', tid: UNPAID_TID, reason: 'x' });
    for (const b of buyers) await s.enqueue({ kind: 'payment-reminder-first', tid: b.order.tid, reason: 'x' });
    // A message kept for a person, with the buyer's number given by whoever queued it.
    await s.enqueue({ kind: 'refund-registered', tid: UNPAID_TID, reason: 'x', buyer: { phone: UNPAID_MOBILE } });
    await s.dispatchDue();
    w.clock.advance(10 * MINUTE);
    await s.dispatchDue();
    // The quota runs out: the rest of the day goes to the chat queue, and a person sends one in 旺旺.
    w.platform.quota = 0;
    await s.enqueue({
      kind: 'transfer-received',
      buyerNick: BUYER,
      reason: 'x',
      transfer: { amount: 1, reference: 'A' },
    });
    const { buyerNick } = buyers[1]!.order;
    await s.enqueue({ kind: 'transfer-received', buyerNick, reason: 'x', transfer: { amount: 1, reference: 'B' } });
    w.clock.advance(MINUTE);
    await s.dispatchDue();
    const chat = s.list({ state: ['outbox'] }).find((m) => m.stateReason === 'decrypt_quota');
    expect(chat).toMatchObject({ buyerNick, channel: 'aliyun-sms' });
    await s.markSent(chat!.id, { username: 'xiaoli', displayName: '小丽' });
    await store.flush();

    // The day did text real numbers (a test that sent nothing would prove nothing).
    const texted = new Set(sentTo(sms));
    expect(texted).toContain(privacyNumber);
    expect(texted).toContain(buyers[24]!.mobile);
    expect(texted.size).toBe(26);

    const plain = [UNPAID_MOBILE, SHIPPED_MOBILE, privacyNumber, ...buyers.map((b) => b.mobile)];
    const found: string[] = [];
    for (const file of await filesUnder(dir)) {
      const text = await readFile(file, 'utf8');
      for (const n of plain) if (text.includes(n)) found.push(`${file}: ${n}`);
    }
    const logged = lines.join('');
    for (const n of plain) if (logged.includes(n)) found.push(`log: ${n}`);
    const listed = JSON.stringify([s.list({}), await Promise.all(s.list({}).map((m) => s.get(m.id)))]);
    for (const n of plain) if (listed.includes(n)) found.push(`api: ${n}`);
    expect(found).toEqual([]);
    // What the records do keep: the masked number and the order (its oaid on the order).
    expect(listed).toContain('138****5678');
    expect(listed).toContain(UNPAID_TID);
  });
});
