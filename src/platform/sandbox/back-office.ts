import express, { type Response, type Router } from 'express';
import { z } from 'zod';
import type { SandboxShop, ShopOutcome } from './shop.js';
import { MEMO_MAX_BYTES } from './shop.js';

/**
 * The seller's own back office (千牛/卖家中心) in the sandbox: changes xiaoer did not make, for tests and trainers.
 * A memo written here or an address changed here reaches the shop as the platform's own back office would change
 * it: the trade's modified time moves, incremental sync sees it, and TMC publishes it.
 *
 *   POST /sandbox/back-office/trades/:tid/memo     {"memo": "…", "flag": 2}
 *   POST /sandbox/back-office/trades/:tid/address  {"state": "浙江省", "city": "杭州市", "district": "西湖区", "address": "…"}
 */

const memoBody = z
  .object({
    memo: z.string().optional(),
    flag: z.number().int().min(0).max(10).optional(),
  })
  .refine((b) => b.memo !== undefined || b.flag !== undefined, { message: '备注和旗帜至少要改一样' });

const addressBody = z.object({
  state: z.string().min(1, '省份不能为空'),
  city: z.string().min(1, '城市不能为空'),
  district: z.string().default(''),
  town: z.string().default(''),
  address: z.string().min(1, '详细地址不能为空'),
  zip: z.string().default('000000'),
});

const STATUS: Record<Exclude<ShopOutcome, { ok: true }>['reason'], number> = {
  not_found: 404,
  invalid_status: 409,
  memo_too_long: 400,
  invalid_flag: 400,
};

function answer(res: Response, o: ShopOutcome) {
  if (!o.ok) {
    res.status(STATUS[o.reason]).json({ error: { code: o.reason, message: o.message } });
    return;
  }
  res.json({ tid: o.trade.tid, modified: o.trade.modified });
}

function invalid(res: Response, err: z.ZodError) {
  const issue = err.issues[0]!;
  res
    .status(400)
    .json({ error: { code: 'invalid', message: issue.message, field: issue.path.join('.') || undefined } });
}

export function createBackOfficeRouter(shop: SandboxShop): Router {
  const router = express.Router();
  router.post('/back-office/trades/:tid/memo', express.json(), async (req, res) => {
    const parsed = memoBody.safeParse(req.body ?? {});
    if (!parsed.success) return invalid(res, parsed.error);
    if (parsed.data.memo !== undefined && Buffer.byteLength(parsed.data.memo) > MEMO_MAX_BYTES) {
      res.status(400).json({ error: { code: 'memo_too_long', message: `备注长度不能超过${MEMO_MAX_BYTES}字节` } });
      return;
    }
    answer(res, await shop.updateMemo(req.params.tid, parsed.data));
  });
  router.post('/back-office/trades/:tid/address', express.json(), async (req, res) => {
    const parsed = addressBody.safeParse(req.body ?? {});
    if (!parsed.success) return invalid(res, parsed.error);
    answer(res, await shop.changeAddress(req.params.tid, { ...parsed.data, country: '' }));
  });
  return router;
}
