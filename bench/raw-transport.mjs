// The raw transport rate: the same day windows and pages the sync asks for, on the sync's own
// schedule (the same days fetched ahead, the same pages in flight, pages read backwards), signed,
// fetched and JSON-parsed by the same client, with no mapping and no storage. Anything faster than
// this would be the sync asking the platform for more at once, not doing less work per order.
import { createHttpClient } from '../dist/http-client/index.js';
import { SANDBOX_CREDENTIALS } from '../dist/platform/sandbox/index.js';
import { DEFAULT_PAGE_CONCURRENCY, pagesBackward, topCall } from '../dist/platform/taobao/index.js';
import { ALL_TRADE_TYPES, TRADE_FIELDS } from '../dist/platform/top/wire.js';
import { DAY, formatTopTime } from '../dist/shared/time.js';
import { BACKFILL_DAYS_AHEAD } from '../dist/sync/index.js';

const [baseUrl, nowText] = process.argv.slice(2);
const now = Number(nowText);
const clock = { now: () => now };
const http = createHttpClient({ name: 'bench-raw', timeoutMs: 60_000 });
const ctx = {
  http,
  gatewayUrl: `${baseUrl}/sandbox/router/rest`,
  ...SANDBOX_CREDENTIALS,
  signMethod: 'hmac-sha256',
  clock,
};
const fields = TRADE_FIELDS.join(',');
const type = ALL_TRADE_TYPES.join(',');
const PAGE_SIZE = 100;

async function fetchDay(day) {
  let orders = 0;
  const pages = pagesBackward(
    async (pageNo) => {
      const res = await topCall(ctx, 'taobao.trades.sold.get', {
        fields,
        type,
        start_created: formatTopTime(day.start),
        end_created: formatTopTime(day.end),
        page_no: pageNo,
        page_size: PAGE_SIZE,
        use_has_next: pageNo !== 1,
      });
      return { items: res.trades?.trade ?? [], totalResults: Number(res.total_results ?? 0) };
    },
    PAGE_SIZE,
    DEFAULT_PAGE_CONCURRENCY,
  );
  for await (const page of pages) orders += page.length;
  return orders;
}

const days = [];
for (let s = now - 90 * DAY; s < now; s += DAY) days.push({ start: s, end: Math.min(s + DAY, now) });
const t0 = performance.now();
const cpu0 = process.cpuUsage();
let orders = 0;
// As the sync does: BACKFILL_DAYS_AHEAD days in flight, taken in day order.
const ahead = days.slice(0, BACKFILL_DAYS_AHEAD).map(fetchDay);
for (let i = 0; i < days.length; i++) {
  orders += await ahead.shift();
  if (i + BACKFILL_DAYS_AHEAD < days.length) ahead.push(fetchDay(days[i + BACKFILL_DAYS_AHEAD]));
}
const used = process.cpuUsage(cpu0);
process.send({ orders, seconds: (performance.now() - t0) / 1000, cpuSeconds: (used.user + used.system) / 1e6 }, () =>
  process.exit(0),
);
