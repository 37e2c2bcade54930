import express, { type Express } from 'express';
import { fixedClock } from '../../../src/shared/time.js';
import { createSandboxShop, type SandboxShop, type SandboxShopOptions } from '../../../src/platform/sandbox/shop.js';
import { createSandboxRouter } from '../../../src/platform/sandbox/router.js';
import type { SandboxTrade } from '../../../src/platform/sandbox/types.js';
import { callTop } from './third-party-client.js';
import { NOW } from './fixtures.js';

/** The five fields that make the platform generate an oaid (taobao.trade.fullinfo.get). */
export const OAID_FIELDS = 'tid,receiver_name,receiver_address,created,receiver_mobile,receiver_phone';
export const RECEIVER_FIELDS = `${OAID_FIELDS},tid_str,receiver_state,receiver_city,receiver_district,receiver_town,receiver_zip`;

/** A sandbox gateway with a clock the test moves and the decrypt quota it wants. */
export function oaidRig(opts: { quota?: number; shop?: SandboxShopOptions } = {}) {
  const clock = fixedClock(NOW);
  const shop = createSandboxShop({ seed: 42, orders: 600, clock, ...opts.shop });
  const app: Express = express();
  app.use(
    '/sandbox',
    createSandboxRouter(shop, {
      clock,
      sleep: async () => {},
      ...(opts.quota !== undefined ? { decryptQuotaPerDay: opts.quota } : {}),
    }),
  );
  const call = (method: string, params: Record<string, string>) => callTop(app, clock.now(), method, params);
  const fullinfo = async (tid: string, fields = RECEIVER_FIELDS) =>
    (await call('taobao.trade.fullinfo.get', { tid, fields })).json.trade_fullinfo_get_response?.trade;
  const decrypt = (items: { tid: string; oaid: string; scene: string; secret_no_days?: number }[]) =>
    call('taobao.top.oaid.decrypt', { query_list: JSON.stringify(items) });
  return { app, shop, clock, call, fullinfo, decrypt };
}

/** Trades of distinct buyers, domestic, with or without privacy protection. */
export function tradesOf(shop: SandboxShop, privacy: boolean, count: number): SandboxTrade[] {
  const seen = new Set<number>();
  const out: SandboxTrade[] = [];
  for (const t of shop.tradesByCreated(0, NOW, {}, { pageNo: 1, pageSize: 10_000 }).items) {
    if (seen.has(t.buyer) || shop.buyerOf(t).overseas || shop.underPrivacyProtection(t) !== privacy) continue;
    seen.add(t.buyer);
    out.push(t);
    if (out.length === count) break;
  }
  return out;
}
