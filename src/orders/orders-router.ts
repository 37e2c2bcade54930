import { Router } from 'express';
import { z } from 'zod';
import type { ParcelRepository } from '../logistics/index.js';
import { currentUser, fieldLabels } from '../http/index.js';
import { NotFoundError } from '../shared/errors.js';
import { parseInstant } from '../shared/time.js';
import { TRADE_STATUSES } from './order.js';
import type { OrderRepository } from './order-repository.js';
import { orderDetailView, orderSummaryView } from './order-view.js';

const listQuery = z.object({
  status: z
    .string()
    .optional()
    .transform((s) =>
      s
        ? s
            .split(',')
            .map((x) => x.trim())
            .filter(Boolean)
        : undefined,
    )
    .pipe(z.array(z.enum(TRADE_STATUSES)).optional()),
  buyerNick: z.string().max(64).optional(),
  tid: z
    .string()
    .regex(/^\d{1,25}$/, 'tid is digits only')
    .optional(),
  waybill: z
    .string()
    .regex(/^[A-Za-z0-9-]{4,40}$/, 'a waybill number is letters and digits')
    .optional(),
  updatedSince: z
    .string()
    .optional()
    .transform((s, ctx) => {
      if (!s) return undefined;
      try {
        return parseInstant(s);
      } catch {
        ctx.addIssue({ code: 'custom', message: 'not an ISO-8601 instant' });
        return z.NEVER;
      }
    }),
  page: z.coerce.number().int().min(1).default(1),
  pageSize: z.coerce.number().int().min(1).max(200).default(50),
});

export function ordersRouter(deps: {
  orders: OrderRepository;
  parcels: ParcelRepository;
  /** The order's neutral/bad reviews with their state and calls (the reviews feature, wired by the root). */
  reviewsOf?: (tid: string) => unknown[];
  /**
   * Orders a pushed message made visible before their details were read (TMC): opened by a person, such an order is
   * read at once; if that fails the view says its details are still being read (detailsPending).
   */
  details?: { pending(tid: string): boolean; readNow(tid: string): Promise<void> };
}): Router {
  const r = Router();
  r.get('/', (req, res) => {
    const q = listQuery.parse(req.query);
    const { total, orders } = deps.orders.list(
      { status: q.status, buyerNick: q.buyerNick, tid: q.tid, waybill: q.waybill, updatedSince: q.updatedSince },
      { offset: (q.page - 1) * q.pageSize, limit: q.pageSize },
    );
    res.json({ total, page: q.page, pageSize: q.pageSize, orders: orders.map(orderSummaryView) });
  });
  r.get('/:tid', async (req, res) => {
    const tid = req.params.tid;
    if (deps.details?.pending(tid)) await deps.details.readNow(tid).catch(() => undefined);
    const order = deps.orders.get(tid);
    if (!order) throw new NotFoundError({ message: `订单 ${tid} 不存在`, code: 'order_not_found', params: { tid } });
    const view = orderDetailView(order, deps.parcels.forOrder(tid), currentUser(req).role);
    res.json({
      ...view,
      reviews: deps.reviewsOf?.(tid) ?? [],
      ...(deps.details?.pending(tid) ? { detailsPending: true } : {}),
    });
  });
  r.use(
    fieldLabels({
      status: '订单状态',
      waybill: '运单号',
      updatedSince: { label: '更新时间', example: '2026-11-23T10:00:00+08:00' },
    }),
  );
  return r;
}
