/**
 * The TMC topics of the trade, refund and logistics messages xiaoer takes: what the sandbox publishes and what the
 * consumer knows. One list, so a topic the sandbox starts publishing is one the consumer already reads.
 */
export const TMC_TOPICS = [
  'taobao_trade_TradeCreate',
  'taobao_trade_TradeBuyerPay',
  'taobao_trade_TradeSellerShip',
  'taobao_trade_TradeSuccess',
  'taobao_trade_TradeClose',
  'taobao_trade_TradeMemoModified',
  'taobao_trade_TradeLogisticsAddressChanged',
  'taobao_trade_TradeChanged',
  'taobao_trade_TradeRated',
  'taobao_refund_RefundCreated',
  'taobao_refund_RefundSuccess',
  'taobao_refund_RefundClosed',
  'taobao_logistics_LogsticDetailTrace',
] as const;
export type TmcTopic = (typeof TMC_TOPICS)[number];
