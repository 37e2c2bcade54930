// The raw transport rate: the same day windows and pages the sync asks for, signed, fetched and
// JSON-parsed by the same client, with no mapping and no storage.
import { createHttpClient } from '../dist/http-client/index.js';
import { SANDBOX_CREDENTIALS } from '../dist/platform/sandbox/index.js';
import { topCall } from '../dist/platform/taobao/index.js';
import { ALL_TRADE_TYPES, TRADE_FIELDS } from '../dist/platform/top/wire.js';
import { DAY, formatTopTime } from '../dist/shared/time.js';

const [baseUrl, nowText] = process.argv.slice(2);
const now = Number(nowText);
const clock = { now: () => now };
const http = createHttpClient({ name: 'bench-raw', timeoutMs: 60_000 });
const ctx = { http, gatewayUrl: `${baseUrl}/sandbox/router/rest`, ...SANDBOX_CREDENTIALS, signMethod: 'hmac-sha256', clock };
const params = (day, pageNo) => ({
  fields: TRADE_FIELDS.join(','), type: ALL_TRADE_TYPES.join(','), start_created: formatTopTime(day.start), end_created: formatTopTime(day.end),
  page_no: pageNo, page_size: 100, use_has_next: pageNo !== 1,
});
const t0 = performance.now();
let orders = 0;
for (let s = now - 90 * DAY; s < now; s += DAY) {
  const day = { start: s, end: Math.min(s + DAY, now) };
  const first = await topCall(ctx, 'taobao.trades.sold.get', params(day, 1));
  orders += first.trades?.trade.length ?? 0;
  const rest = [];
  for (let p = Math.ceil((first.total_results ?? 0) / 100); p >= 2; p--) rest.push(p);
  await Promise.all(Array.from({ length: 4 }, async () => {
    while (rest.length) {
      const page = await topCall(ctx, 'taobao.trades.sold.get', params(day, rest.shift()));
      orders += page.trades?.trade.length ?? 0;
    }
  }));
}
process.send({ orders, seconds: (performance.now() - t0) / 1000 }, () => process.exit(0));
