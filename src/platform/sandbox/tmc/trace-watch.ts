import { courierName } from '../generator/couriers.js';
import type { SandboxShop } from '../shop.js';
import { TRACE_SPAN_MS } from '../trace.js';
import { traceEvent, type TmcEvent } from './events.js';
import { MESSAGE_TTL_MS } from './queue.js';

/**
 * The parcels still on their way, by the time of their next courier step, so that a tick of the living shop looks
 * only at the parcels whose step has come, however many it has shipped (scanning every recent parcel each tick cost
 * 11 ms a tick on a 3,000-order shop and grows with the shop). A parcel is watched from its shipment, or, for parcels
 * already on their way when the publisher starts, from one scan of the parcels consigned within TRACE_SPAN_MS and the
 * three days the queue keeps messages; it is forgotten after its last step.
 */
export interface TraceWatch {
  /** The trade just got its parcel: its steps after the consign are told as they come. */
  shipped(tid: string): void;
  /**
   * The steps taken in (since, now] (a tick), oldest first; the consign step is told with the shipment itself, and
   * steps older than the queue keeps messages are not told.
   */
  due(since: number, now: number): TmcEvent[];
  /** Parcels watched. */
  readonly size: number;
}

interface Watched {
  tid: string;
  next: number;
}

const WHOLE = Number.MAX_SAFE_INTEGER;

export function createTraceWatch(shop: SandboxShop): TraceWatch {
  const heap = new MinHeap();
  const fullTrace = (tid: string) => shop.trace(tid, WHOLE);
  const watch = (tid: string, after: number) => {
    const next = fullTrace(tid)?.steps.find((s) => s.at > after)?.at;
    if (next !== undefined) heap.push({ tid, next });
  };
  const startedAt = shop.clock.now();
  for (const p of shop.parcels({ start: startedAt - TRACE_SPAN_MS - MESSAGE_TTL_MS, end: WHOLE }))
    watch(p.tid, p.consignedAt);

  return {
    shipped(tid) {
      const consigned = shop.trade(tid)?.consigned;
      if (consigned != null) watch(tid, consigned);
    },
    due(since, now) {
      const from = Math.max(since, now - MESSAGE_TTL_MS);
      const out: TmcEvent[] = [];
      while (heap.peek() && heap.peek()!.next <= now) {
        const w = heap.pop();
        const trace = fullTrace(w.tid);
        if (!trace) continue;
        const name = courierName(trace.parcel.company);
        for (const s of trace.steps)
          if (s.at >= w.next && s.at > from && s.at <= now && s.action !== 'CONSIGN')
            out.push(traceEvent(w.tid, name, trace.parcel.waybill, s));
        const next = trace.steps.find((s) => s.at > now)?.at;
        if (next !== undefined) heap.push({ tid: w.tid, next });
      }
      return out.sort((a, b) => a.time - b.time);
    },
    get size() {
      return heap.size;
    },
  };
}

/** A binary min-heap on `next`. */
class MinHeap {
  private readonly a: Watched[] = [];

  get size(): number {
    return this.a.length;
  }

  peek(): Watched | undefined {
    return this.a[0];
  }

  push(w: Watched): void {
    const a = this.a;
    a.push(w);
    let i = a.length - 1;
    while (i > 0) {
      const up = (i - 1) >> 1;
      if (a[up]!.next <= a[i]!.next) break;
      [a[up], a[i]] = [a[i]!, a[up]!];
      i = up;
    }
  }

  pop(): Watched {
    const a = this.a;
    const top = a[0]!;
    const last = a.pop()!;
    if (a.length) {
      a[0] = last;
      let i = 0;
      for (;;) {
        const l = 2 * i + 1;
        const r = l + 1;
        let m = i;
        if (l < a.length && a[l]!.next < a[m]!.next) m = l;
        if (r < a.length && a[r]!.next < a[m]!.next) m = r;
        if (m === i) break;
        [a[m], a[i]] = [a[i]!, a[m]!];
        i = m;
      }
    }
    return top;
  }
}
