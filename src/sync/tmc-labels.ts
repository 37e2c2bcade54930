/**
 * The words a person reads about the message channel's work on an order (served by GET /api/labels as `tmc`; the
 * console keeps no copy).
 */
export const TMC_WORDS = {
  /** On the order page while a new order's lines (or what a TradeChanged changed) are still being read. */
  detailsPending: '商品和收货信息正在从平台读取，读到后本页自动更新',
} as const;
