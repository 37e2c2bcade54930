/**
 * Chinese on every screen (issue 14, part 7): the sandbox shop after a day of its jobs, every page each of the four
 * demo roles reaches from the navigation at 400 px, an order's detail, a buyer's orders and the folded parts of pages
 * opened, and no Latin-letter word in what a person reads: the visible text, the placeholders, titles and aria-labels,
 * and the choices of every select. The rule is the API's (test/support/english-words.ts, its product names); the only
 * additions are patterns for what is the shop's own data: waybill numbers, quick-reply shortcuts (/fh) and URLs.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { englishWords } from '../support/english-words.js';
import { apiAs, DEMO, launchBrowser, openSignedIn, startConsoleService, type ConsoleService } from './harness.js';

// Page callbacks run in the browser; the test program has no DOM lib.
declare const document: {
  body: { innerText: string };
  querySelectorAll(s: string): ArrayLike<{ getAttribute(n: string): string | null; textContent: string | null }>;
};

/**
 * The shop's own data, not words to translate: a code of capitals and digits (a waybill SF1234567890, a transfer's
 * reference HMXCFJA7I01AEE), a quick-reply shortcut (/fh), a URL, an account typed into a remark (a@163.com).
 */
const DATA_PATTERNS = [
  /https?:\/\/\S+/g,
  /[\w.+-]+@[\w-]+(\.[\w-]+)+/g,
  /\b(?=[A-Z0-9]*\d)[A-Z0-9]{8,}\b/g,
  /(^|[\s（(：:，,])\/[a-z0-9]+\b/g,
];
/** Latin words left once the data is out; `nicks` are the buyers' own names (the API rule's params). */
export function latinWords(text: string, nicks: string[] = []): string[] {
  let rest = text;
  for (const p of DATA_PATTERNS) rest = rest.replace(p, ' ');
  return englishWords(rest, nicks);
}

/** A day's jobs, as 任务调度's 立即运行 runs them (the admin, through the API). */
const DAY_JOBS = [
  'order-sync',
  'logistics-refresh',
  'payment-reminders',
  'review-window-1100',
  'stuck-parcels',
  'transfer-checks',
  'remark-outbox',
  'message-dispatch',
  'handover-day',
];

/** What a person reads on the page: visible text, attribute texts a screen reader or an empty field shows, choices. */
function readable(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const attrs = ['placeholder', 'title', 'aria-label'];
    const out = [document.body.innerText];
    const all = Array.from(document.querySelectorAll('[placeholder], [title], [aria-label]'));
    for (const el of all) for (const a of attrs) out.push(el.getAttribute(a) ?? '');
    for (const o of Array.from(document.querySelectorAll('select option'))) out.push(o.textContent ?? '');
    return out;
  });
}

interface Visit {
  name: string;
  hash: string;
  /** Opens what the page folds away once it is drawn. */
  open?: (page: Page) => Promise<void>;
}

/** Every <details> in the page opened: the handover's owner groups and sections, an order's history. */
async function openFolds(page: Page) {
  await page.locator('main details').evaluateAll((els) => {
    for (const el of els) (el as unknown as { open: boolean }).open = true;
  });
}

/** The handover opened whole, and one item's action menu (its 转交 form, with the colleagues to choose). */
async function openHandover(page: Page) {
  await openFolds(page);
  const item = page.locator('[data-testid="handover-open"] details[open] .handover-item:visible').first();
  if (!(await item.count())) return;
  const more = item.locator('button[data-action="more"]');
  if (await more.count()) await more.click();
  await item.locator('button[data-action="reassign"]').click();
  await item.locator('select[name="to"]').waitFor();
}

describe('no English in what staff read: every page, as every role, at 400 px, after a day of the shop (real browser)', () => {
  let service: ConsoleService;
  let browser: Browser;
  let tid: string;
  let nick: string;
  let nicks: string[];
  let parcelTid: string;

  beforeAll(async () => {
    [service, browser] = await Promise.all([startConsoleService(200), launchBrowser()]);
    const admin = await apiAs(service.url, DEMO.admin.username);
    const xiaoli = await apiAs(service.url, DEMO.xiaoli.username);
    const keeper = await apiAs(service.url, DEMO.xiaozhou.username);
    // Something on every list: remarks with their tasks and ledger movements, a complaint, an intent, a transfer.
    const toShip = (await xiaoli.orders('?status=WAIT_SELLER_SEND_GOODS&pageSize=3')).orders;
    const shipped = (await xiaoli.orders('?status=WAIT_BUYER_CONFIRM_GOODS&pageSize=1')).orders;
    tid = shipped[0]!.tid;
    nick = toShip[0]!.buyerNick;
    const credit = { amount: '50', reason: '多付运费转入余额', tid: toShip[0]!.tid };
    expect((await keeper.post(`/api/ledger/${encodeURIComponent(nick)}/credits`, credit)).status).toBe(201);
    const remark = (t: string, body: unknown) => xiaoli.post(`/api/orders/${t}/remarks`, body);
    expect((await remark(toShip[0]!.tid, { kind: 'price.balance', fields: { amount: '10' } })).status).toBe(201);
    expect((await remark(toShip[1]!.tid, { kind: 'print.printed' })).status).toBe(201);
    const change = { kind: 'address.change', fields: { field: 'phone', value: '13900004444', assistant: '阿张' } };
    expect((await remark(toShip[1]!.tid, change)).status).toBe(201);
    const refund = {
      kind: 'refund.after_trade',
      fields: {
        sku: 'A1024',
        type: 'postage',
        amount: '15',
        channel: 'alipay',
        account: 'a@163.com',
        realName: '李莉',
      },
    };
    expect((await remark(tid, refund)).status).toBe(201);
    const complaint = { buyerNick: nick, tid, channel: 'phone', category: 'wrong_item', content: '颜色不对' };
    expect((await xiaoli.post('/api/complaints', complaint)).status).toBe(201);
    const intent = { buyerNick: '犹豫客', items: '开衫', hesitation: '运费' };
    expect((await xiaoli.post('/api/intents', intent)).status).toBe(201);
    const transfer = {
      buyerNick: '汇款买家',
      buyerName: '赵六',
      items: [{ itemNo: 'B2001', size: 'M', quantity: 1, priceFen: 19_955 }],
      address: '江苏省南京市玄武区中山路1号',
      amountDueFen: 19_955,
    };
    expect((await keeper.post('/api/transfers', transfer)).status).toBe(201);
    // Buyers' nicks (wangfang_1997) are theirs, as a buyer's nick in an error's params is.
    nicks = (await admin.orders('?pageSize=200')).orders.map((o) => o.buyerNick);
    for (const job of DAY_JOBS) {
      const res = await admin.post<{ run: { outcome: string } }>(`/api/jobs/${job}/run`);
      expect(res.status, job).toBe(200);
    }
    // A stuck parcel's order too: its courier, its state and the notice the buyer gets.
    type Report = { openItems: { items: { kind: string; tid: string | null }[] }[] };
    const { report } = await admin.get<{ report: Report }>('/api/handover');
    parcelTid = report.openItems.flatMap((g) => g.items).find((i) => i.kind === 'parcel' && i.tid)?.tid ?? '';
    expect(parcelTid).not.toBe('');
  }, 180_000);
  afterAll(async () => {
    await browser?.close();
    await service?.close();
  });

  async function sweep(username: string) {
    const { context, page, problems } = await openSignedIn(browser, service.url, username, '#/orders', 400, 900);
    // Requests the page has open: a page is read once every one has answered (as 'networkidle' would, without its
    // half-second wait per page, which was most of this file's time).
    const open = new Set<unknown>();
    // The live console's event stream (GET /api/events) stays open by design: it is not a page still loading.
    page.on('request', (r) => !r.url().endsWith('/api/events') && open.add(r));
    page.on('requestfinished', (r) => open.delete(r));
    page.on('requestfailed', (r) => open.delete(r));
    await page.locator('.main-nav').waitFor();
    const nav = await page
      .locator('.main-nav a')
      .evaluateAll((as) => as.map((a) => ({ name: a.textContent ?? '', hash: a.getAttribute('href') ?? '' })));
    const visits: Visit[] = [
      ...nav.map((v): Visit => (v.hash === '#/handover' ? { ...v, open: openHandover } : v)),
      { name: '订单详情', hash: `#/orders/${tid}` },
      { name: '异常包裹的订单', hash: `#/orders/${parcelTid}` },
      { name: '买家的订单', hash: `#/orders?q=${encodeURIComponent(nick)}` },
      { name: '买家余额', hash: `#/ledger?nick=${encodeURIComponent(nick)}` },
      { name: '全部消息', hash: '#/messages?state=all' },
    ];
    const found: Record<string, string[]> = {};
    for (const v of visits) {
      // A fresh load each time: a hash change alone loads nothing the browser waits for.
      await page.goto('about:blank');
      await page.goto(`${service.url}/${v.hash}`, { waitUntil: 'load' });
      await page.locator('main .view h1').first().waitFor();
      await expect.poll(() => open.size).toBe(0);
      await expect.poll(() => page.locator('main .loading').count()).toBe(0);
      await openFolds(page);
      if (v.open) await v.open(page);
      await expect.poll(() => open.size).toBe(0);
      const words = [...new Set((await readable(page)).flatMap((t) => latinWords(t, nicks)))];
      if (words.length) found[`${v.name} (${v.hash})`] = words;
    }
    expect(problems).toEqual([]);
    await context.close();
    return { found, pages: visits.length };
  }

  for (const who of [DEMO.xiaoli, DEMO.azhang, DEMO.xiaozhou, DEMO.admin]) {
    it(`when ${who.displayName} opens every page of the navigation at 400 px, then no page shows a Latin-letter word`, async () => {
      const { found, pages } = await sweep(who.username);
      expect(pages).toBeGreaterThan(6);
      expect(found, `${who.displayName} (${who.username})`).toEqual({});
    }, 180_000);
  }

  it('the rule catches an English word and passes the shop data it allows', () => {
    expect(latinWords('投诉 awaiting_response 余额 price.balance')).toEqual([
      'awaiting',
      'response',
      'price',
      'balance',
    ]);
    expect(latinWords('运单 SF1234567890，输入 /fh 或 /thjc，见 https://example.com/a?b=1 CSV')).toEqual([]);
    expect(latinWords('退到支付宝 a@163.com，汇款 HMXCFJA7I01AEE，买家 wangfang_1997', ['wangfang_1997'])).toEqual([]);
    expect(latinWords('EMS 与 Asia/Shanghai 与 ABCDEFGHIJ')).toEqual(['EMS', 'Asia', 'Shanghai', 'ABCDEFGHIJ']);
  });
});
