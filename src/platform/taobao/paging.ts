import { DAY, type TimeWindow } from '../../shared/time.js';

/** [start, end) cut into consecutive windows of at most `maxMs` (the list APIs refuse longer ranges). */
export function splitWindow(window: TimeWindow, maxMs = DAY): TimeWindow[] {
  const out: TimeWindow[] = [];
  for (let start = window.start; start < window.end; start += maxMs) {
    out.push({ start, end: Math.min(window.end, start + maxMs) });
  }
  return out;
}

export interface Page<T> {
  items: T[];
  totalResults: number;
}

/**
 * Reads every page, last first. Page 1 is fetched alone to learn the total, then pages N…2 with up
 * to `concurrency` requests in flight, yielded in the order requested, then page 1 once more. Going
 * backwards matters while orders change: an order modified meanwhile leaves the window and every
 * row after it moves up one place. Read forwards, one unread row would slip onto a page already read
 * and be lost; read backwards, the rows that move are ones already read, so they only come twice
 * (the caller dedupes). Page 1 is the exception, being read first for the total: a row leaving it
 * pulls page 2's first row onto it, so it is read again last (one more call per window).
 */
export async function* pagesBackward<T>(
  fetchPage: (pageNo: number) => Promise<Page<T>>,
  pageSize: number,
  concurrency: number,
): AsyncGenerator<T[]> {
  const first = await fetchPage(1);
  if (first.items.length) yield first.items;
  const pageCount = Math.ceil(first.totalResults / pageSize);
  const todo: number[] = [];
  for (let p = pageCount; p >= 2; p--) todo.push(p);
  const inFlight: Promise<Page<T>>[] = [];
  const start = () => {
    const p = fetchPage(todo.shift()!);
    // A page that fails while an earlier one is awaited must not become an unhandled rejection.
    p.catch(() => undefined);
    inFlight.push(p);
  };
  while (todo.length && inFlight.length < Math.max(1, concurrency)) start();
  while (inFlight.length) {
    const page = await inFlight.shift()!;
    if (todo.length) start();
    if (page.items.length) yield page.items;
  }
  if (pageCount >= 2) {
    const again = await fetchPage(1);
    if (again.items.length) yield again.items;
  }
}

/** Reads pages 1, 2, … while the platform says there is more (`use_has_next=true`). */
export async function* pagesForward<T>(
  fetchPage: (pageNo: number) => Promise<{ items: T[]; hasNext: boolean }>,
): AsyncGenerator<T[]> {
  for (let pageNo = 1; ; pageNo++) {
    const page = await fetchPage(pageNo);
    if (page.items.length) yield page.items;
    if (!page.hasNext || page.items.length === 0) return;
  }
}
