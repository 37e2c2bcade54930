/**
 * The shop platform behind one port (ShopPlatform): orders, memos, reviews, closing trades. Adapters live beside it —
 * src/platform/taobao (the real TOP protocol) and src/platform/sandbox (the embedded shop) — and only the composition
 * root opens them; features depend on this port alone.
 */
export type {
  PlatformCallOptions,
  ShopPlatform,
  TradeCloseReason,
  PlatformRefund,
  RefundStatus,
  DecryptScene,
  DecryptQuery,
  DecryptedReceiver,
  DecryptQuota,
} from './platform-port.js';
export { REFUND_STATUSES, DECRYPT_SCENES, DecryptQuotaError } from './platform-port.js';
export { TRADE_CLOSE_REASONS } from './platform-port.js';
export { INTERACTIVE_PATIENCE_MS } from './platform-port.js';
/** The Taobao Message Channel's consumer side (src/platform/tmc): the connection and its messages. */
export { createTmcClient, parseContent, TMC_TOPICS } from './tmc/index.js';
export type { TmcClient, TmcClientStatus, TmcMessage } from './tmc/index.js';
