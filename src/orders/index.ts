/**
 * The order book as xiaoer keeps it: the order shape, its repository (the only code that stores orders) and
 * /api/orders.
 */
export { ORDERS, ORDER_COLLECTION, createOrderRepository } from './order-repository.js';
export type { OrderChange, OrderRepository, StoredOrder } from './order-repository.js';
export { ORDER_STATUS_GROUPS, TRADE_STATUS_LABELS, TRADE_STATUSES } from './order.js';
export type { Order, OrderItem, Review, TradeStatus } from './order.js';
export { ordersRouter } from './orders-router.js';
