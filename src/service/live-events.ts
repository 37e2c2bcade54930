import { Router, type Request } from 'express';
import { currentUser, openEventStream, type EventStream } from '../http/index.js';
import type { OrderChange } from '../orders/index.js';
import { ValidationError } from '../shared/errors.js';
import type { Logger } from '../shared/logger.js';

/**
 * The live console (issue 19, part 4): GET /api/events streams what changed, so the orders list, the order page and
 * the open items update without a reload. Events are hints, small on purpose: the page fetches what it shows through
 * the ordinary routes (and their role checks), so a stream never carries a receiver or a buyer's words.
 *   order       {tid, status, modifiedAt}   an order changed (one event per order per ~300 ms burst)
 *   open-items  {count, mine: [...]}        the open items changed; `mine` are new ones owned by this person
 */

/** The little an open item needs to be told apart and announced. */
export interface LiveOpenItem {
  key: string;
  kind: string;
  owner: string;
  title: string;
  tid: string | null;
  snoozedUntil: string | null;
  lastNote: string | null;
}

export interface LiveEventsOptions {
  openItems: () => readonly LiveOpenItem[];
  logger: Logger;
  /** One event per order within this window: a sync page or a burst of messages does not flood a tab. */
  orderWindowMs?: number;
  /** The open items are computed again at most this often after a hint. */
  openItemsWindowMs?: number;
  /** A comment every so often keeps idle streams open; the open items are also checked then (a job's new items). */
  heartbeatMs?: number;
  /** Whether the session a stream was opened with still holds (checked at each heartbeat): logged out or expired
   * elsewhere ends the stream, and the browser's reconnect is then refused. */
  signedIn?: (req: Request) => boolean;
}

export interface LiveEvents {
  router: Router;
  /** The order book's change listener (orders.onChange). */
  ordersChanged(changes: readonly OrderChange[]): void;
  /** A hint that the open items may have changed (a write, a job, a message): checked shortly, once per burst. */
  openItemsMayHaveChanged(): void;
  clients(): number;
  close(): void;
}

interface Client {
  stream: EventStream;
  username: string;
  req: Request;
}

export function createLiveEvents(opts: LiveEventsOptions): LiveEvents {
  const orderWindowMs = opts.orderWindowMs ?? 300;
  const openItemsWindowMs = opts.openItemsWindowMs ?? 1000;
  const clients = new Set<Client>();
  const pendingOrders = new Map<string, { tid: string; status: string; modifiedAt: string }>();
  let orderTimer: NodeJS.Timeout | null = null;
  let itemsTimer: NodeJS.Timeout | null = null;
  let heartbeat: NodeJS.Timeout | null = null;
  /** key → what the list shows of it, as last sent; null while nobody listens (nothing to compare with). */
  let seen: Map<string, string> | null = null;

  const broadcast = (event: string, data: unknown) => {
    for (const c of clients) c.stream.send(event, data);
  };
  const fingerprint = (i: LiveOpenItem) => `${i.owner}|${i.snoozedUntil ?? ''}|${i.lastNote ?? ''}`;
  const snapshot = () => new Map(opts.openItems().map((i) => [i.key, fingerprint(i)]));

  function flushOrders() {
    orderTimer = null;
    const batch = [...pendingOrders.values()];
    pendingOrders.clear();
    for (const o of batch) broadcast('order', o);
  }

  function checkOpenItems() {
    itemsTimer = null;
    if (!clients.size || !seen) return;
    let items: readonly LiveOpenItem[];
    try {
      items = opts.openItems();
    } catch (err) {
      opts.logger.warn({ err }, 'live events: could not read the open items');
      return;
    }
    const before = seen;
    seen = new Map(items.map((i) => [i.key, fingerprint(i)]));
    const changed = items.filter((i) => before.get(i.key) !== seen!.get(i.key));
    const gone = [...before.keys()].some((k) => !seen!.has(k));
    if (!changed.length && !gone) return;
    // New to a person: an item that was not there, or one handed over to them since.
    const fresh = items.filter((i) => before.get(i.key)?.split('|')[0] !== i.owner);
    for (const c of clients) {
      const mine = fresh
        .filter((i) => i.owner === c.username)
        .map(({ key, kind, title, tid }) => ({ key, kind, title, tid }));
      c.stream.send('open-items', { count: items.length, mine });
    }
  }

  const live: LiveEvents = {
    router: Router(),
    ordersChanged(changes) {
      if (!clients.size) return;
      for (const { after } of changes)
        pendingOrders.set(after.tid, { tid: after.tid, status: after.status, modifiedAt: after.modifiedAt });
      if (!orderTimer) orderTimer = setTimeout(flushOrders, orderWindowMs).unref();
      // A changed order may open an item (a refund, an unpaid order) or close one.
      live.openItemsMayHaveChanged();
    },
    openItemsMayHaveChanged() {
      if (!clients.size || itemsTimer) return;
      itemsTimer = setTimeout(checkOpenItems, openItemsWindowMs).unref();
    },
    clients: () => clients.size,
    close() {
      for (const c of [...clients]) c.stream.end();
    },
  };

  live.router.get('/', (req, res) => {
    const username = currentUser(req).username;
    // EventSource always asks for a stream; any other client would hold a request open that never answers.
    if (!String(req.headers.accept ?? '').includes('text/event-stream'))
      throw new ValidationError({
        message: '这个接口只供控制台接收实时更新，请在浏览器里打开控制台',
        code: 'not_event_stream',
        detail: 'GET /api/events needs Accept: text/event-stream',
      });
    if (!seen) seen = snapshot();
    const client: Client = {
      username,
      req,
      stream: openEventStream(req, res, () => {
        clients.delete(client);
        if (clients.size) return;
        // Nobody listens: stop the timers, and compare afresh when someone comes back (no stale "new" items).
        if (heartbeat) clearInterval(heartbeat);
        heartbeat = null;
        seen = null;
      }),
    };
    clients.add(client);
    heartbeat ??= setInterval(() => {
      for (const c of [...clients]) {
        if (opts.signedIn && !opts.signedIn(c.req)) c.stream.end();
        else c.stream.ping();
      }
      live.openItemsMayHaveChanged();
    }, opts.heartbeatMs ?? 20_000).unref();
  });
  return live;
}
