// The sandbox shop in its own process, as a real platform is remote: the benchmark's service and
// the shop then each have a core. Talks to the parent over IPC.
import express from 'express';
import { createSandboxRouter, createSandboxShop } from '../dist/platform/sandbox/index.js';
import { fixedClock } from '../dist/shared/time.js';

const orders = Number(process.argv[2] ?? 100000);
const now = Date.parse(process.argv[3]);
const clock = fixedClock(now);
const t0 = performance.now();
const shop = createSandboxShop({ seed: 42, orders, clock });
const generatedMs = performance.now() - t0;
const app = express();
app.use('/sandbox', createSandboxRouter(shop, { clock }));
const server = app.listen(0, '127.0.0.1', () => {
  process.send({ type: 'ready', port: server.address().port, size: shop.size(), generatedMs });
});

process.on('message', async (msg) => {
  if (msg.type === 'touch') {
    // Change `count` orders one second after the current clock, like staff editing memos.
    clock.advance(1000);
    let changed = 0;
    let page = 1;
    while (changed < msg.count) {
      const p = shop.tradesByCreated(0, Number.MAX_SAFE_INTEGER, {}, { pageNo: page++, pageSize: 100 });
      const items = p.items;
      if (!items.length) break;
      for (const t of items) {
        if (changed >= msg.count) break;
        const r = await shop.updateMemo(t.tid, { memo: `基准测试 ${changed}` });
        if (r.ok) changed++;
      }
    }
    clock.advance(2000);
    process.send({ type: 'touched', changed, now: clock.now() });
  } else if (msg.type === 'now') {
    process.send({ type: 'now', now: clock.now() });
  } else if (msg.type === 'stop') {
    server.close(() => process.exit(0));
  }
});
