/** GET /api/events: the live console's stream, over a real socket with the console's cookie as EventSource sends it. */
import type { AddressInfo } from 'node:net';
import type { Server } from 'node:http';
import request from 'supertest';
import { afterAll, afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import { DEMO_PASSWORD } from '../../src/accounts/accounts.js';
import { createOrderRepository, type OrderRepository } from '../../src/orders/index.js';
import { createLiveEvents, type LiveEvents, type LiveOpenItem } from '../../src/service/live-events.js';
import { silentLogger } from '../../src/shared/logger.js';
import { fixedClock } from '../../src/shared/time.js';
import { createMemoryStore } from '../../src/storage/index.js';
import { apiApp } from '../support/api-app.js';
import { makeOrder } from '../remarks/support/orders.js';

interface SseEvent {
  event: string;
  data: unknown;
}

let server: Server;
let base: string;
let orders: OrderRepository;
let live: LiveEvents;
let items: LiveOpenItem[] = [];
/** Cookies whose session ended (logged out elsewhere): the heartbeat's check sees them as signed out. */
const revoked = new Set<string>();
const streams: AbortController[] = [];

beforeAll(async () => {
  const store = createMemoryStore();
  orders = createOrderRepository(store);
  // Short windows and heartbeat so the suite stays quick; the heartbeat's pings are comments, not events.
  live = createLiveEvents({
    openItems: () => items,
    logger: silentLogger(),
    orderWindowMs: 100,
    heartbeatMs: 200,
    signedIn: (req) => !revoked.has(String(req.headers.cookie)),
  });
  orders.onChange((c) => live.ordersChanged(c));
  const h = await apiApp({
    store,
    clock: fixedClock('2026-11-23T10:00:00+08:00'),
    routes: [{ path: '/events', router: live.router }],
  });
  server = h.app.listen(0, '127.0.0.1');
  await new Promise((r) => server.once('listening', r));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
});
afterEach(() => {
  for (const s of streams.splice(0)) s.abort();
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise((r) => server.close(r));
});

async function cookieOf(user: string): Promise<string> {
  const res = await request(base).post('/api/session').send({ username: user, password: DEMO_PASSWORD }).expect(201);
  return String(res.headers['set-cookie']).split(';')[0]!;
}

/** Opens the stream as the browser would and hands out its events in order. */
async function open(user: string) {
  const abort = new AbortController();
  streams.push(abort);
  const cookie = await cookieOf(user);
  const res = await fetch(`${base}/api/events`, {
    headers: { cookie, accept: 'text/event-stream' },
    signal: abort.signal,
  });
  expect(res.status).toBe(200);
  expect(res.headers.get('content-type')).toContain('text/event-stream');
  const reader = res.body!.pipeThrough(new TextDecoderStream()).getReader();
  let buffer = '';
  const queue: SseEvent[] = [];
  async function next(): Promise<SseEvent> {
    for (;;) {
      const q = queue.shift();
      if (q) return q;
      const { value, done } = await reader.read();
      if (done) throw new Error('stream ended');
      buffer += value;
      let end: number;
      while ((end = buffer.indexOf('\n\n')) >= 0) {
        const frame = buffer.slice(0, end).split('\n');
        buffer = buffer.slice(end + 2);
        const event = frame.find((l) => l.startsWith('event: '))?.slice(7);
        const data = frame.find((l) => l.startsWith('data: '))?.slice(6);
        if (event && data) queue.push({ event, data: JSON.parse(data) });
      }
    }
  }
  return { next, cookie };
}

describe('GET /api/events', () => {
  it('when nobody is logged in, then it answers 401 and streams nothing', async () => {
    const res = await fetch(`${base}/api/events`, { headers: { accept: 'text/event-stream' } });
    expect(res.status).toBe(401);
    expect(res.headers.get('content-type')).not.toContain('text/event-stream');
  });

  it('when a client does not ask for an event stream, then it is refused in Chinese instead of held open', async () => {
    const res = await fetch(`${base}/api/events`, { headers: { cookie: await cookieOf('xiaoli') } });
    expect(res.status).toBe(400);
    expect(((await res.json()) as { error: { code: string; message: string } }).error).toMatchObject({
      code: 'not_event_stream',
      message: '这个接口只供控制台接收实时更新，请在浏览器里打开控制台',
    });
    expect(live.clients()).toBe(0);
  });

  it('when an order changes through the repository, then the stream carries its tid, status and modified time', async () => {
    const s = await open('xiaoli');
    await vi.waitFor(() => expect(live.clients()).toBe(1));
    await orders.upsertMany([makeOrder({ tid: '1001', status: 'WAIT_BUYER_CONFIRM_GOODS' })]);
    expect(await s.next()).toEqual({
      event: 'order',
      data: { tid: '1001', status: 'WAIT_BUYER_CONFIRM_GOODS', modifiedAt: '2026-11-22T09:30:00.000+08:00' },
    });
  });

  it('when one order changes three times in a burst, then one event with its latest copy is sent, and the next order still arrives on its own', async () => {
    const s = await open('azhang');
    await vi.waitFor(() => expect(live.clients()).toBe(1));
    for (const minute of ['10', '11', '12'])
      await orders.upsertMany([{ ...makeOrder({ tid: '2001' }), modifiedAt: `2026-11-23T10:${minute}:00.000+08:00` }]);
    await orders.upsertMany([makeOrder({ tid: '2002' })]);
    const first = [await s.next(), await s.next()];
    expect(first.map((e) => (e.data as { tid: string }).tid).sort()).toEqual(['2001', '2002']);
    expect(first.find((e) => (e.data as { tid: string }).tid === '2001')!.data).toMatchObject({
      modifiedAt: '2026-11-23T10:12:00.000+08:00',
    });
    // Had the burst cost more than one event, they would come before this later change.
    await orders.upsertMany([makeOrder({ tid: '2003' })]);
    expect(await s.next()).toMatchObject({ event: 'order', data: { tid: '2003' } });
  });

  it('when an open item appears, then everyone hears the open items changed and only its owner is told it is theirs', async () => {
    items = [];
    const mine = await open('xiaoli');
    const other = await open('azhang');
    await vi.waitFor(() => expect(live.clients()).toBe(2));
    const review = { key: 'review:9', kind: 'review', title: '中评', tid: '3001' };
    items = [{ ...review, owner: 'xiaoli', snoozedUntil: null, lastNote: null }];
    live.openItemsMayHaveChanged();
    expect(await mine.next()).toEqual({ event: 'open-items', data: { count: 1, mine: [review] } });
    expect(await other.next()).toEqual({ event: 'open-items', data: { count: 1, mine: [] } });
    // Closed: the list changes again, and nothing is new to anyone.
    items = [];
    live.openItemsMayHaveChanged();
    expect(await mine.next()).toEqual({ event: 'open-items', data: { count: 0, mine: [] } });
  });

  it('when the browser goes away, then its stream is forgotten', async () => {
    await open('admin');
    await vi.waitFor(() => expect(live.clients()).toBe(1));
    streams.splice(0).forEach((s) => s.abort());
    await vi.waitFor(() => expect(live.clients()).toBe(0));
  });

  it('when the session of an open stream ends, then the next heartbeat ends the stream', async () => {
    const s = await open('xiaozhou');
    await vi.waitFor(() => expect(live.clients()).toBe(1));
    revoked.add(s.cookie);
    await expect(s.next()).rejects.toThrow('stream ended');
    expect(live.clients()).toBe(0);
  });
});
