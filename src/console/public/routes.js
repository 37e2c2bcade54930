/**
 * Every page of the console and the navigation, in one place. To add a page (快捷短语, 我的任务,
 * 消息, 汇款 ...): write pages/<name>-page.js exporting `render(ctx)` (see app.js for ctx), add its
 * route below and, if staff reach it from the header, a NAV entry. Nothing else needs to change.
 */

/**
 * pattern: '/orders/:tid' style; `:name` segments arrive in ctx.params.
 * public: reachable without logging in. load: the page module, fetched the first time it is shown.
 */
export const ROUTES = [
  { pattern: '/login', title: '登录', public: true, load: () => import('./pages/login-page.js') },
  { pattern: '/orders', title: '订单', load: () => import('./pages/orders-page.js') },
  { pattern: '/orders/:tid', title: '订单详情', load: () => import('./pages/order-detail-page.js') },
  { pattern: '/tasks', title: '我的任务', load: () => import('./pages/tasks-page.js') },
  { pattern: '/ledger', title: '余额与退款', load: () => import('./pages/ledger-page.js') },
  { pattern: '/returns', title: '退货', load: () => import('./pages/returns-page.js') },
  { pattern: '/replies', title: '快捷短语', load: () => import('./pages/replies-page.js') },
  { pattern: '/messages', title: '消息', load: () => import('./pages/messages-page.js') },
  { pattern: '/transfers', title: '汇款', load: () => import('./pages/transfers-page.js') },
  { pattern: '/handover', title: '交接班', load: () => import('./pages/handover-page.js') },
  { pattern: '/roster', title: '排班', load: () => import('./pages/roster-page.js') },
  { pattern: '/complaints', title: '售后投诉', load: () => import('./pages/complaints-page.js') },
  { pattern: '/commission', title: '提成', load: () => import('./pages/commission-page.js') },
  { pattern: '/summary', title: '周报', load: () => import('./pages/summary-page.js') },
  { pattern: '/print', title: '打印', load: () => import('./pages/print-page.js') },
  { pattern: '/knowledge', title: '知识库', load: () => import('./pages/knowledge-page.js') },
  { pattern: '/compliance', title: '禁用说法', load: () => import('./pages/compliance-page.js') },
  { pattern: '/jobs', title: '任务调度', load: () => import('./pages/jobs-page.js') },
  { pattern: '/lockouts', title: '登录锁定', load: () => import('./pages/lockouts-page.js') },
  { pattern: '/privacy', title: '隐私访问记录', load: () => import('./pages/privacy-page.js') },
  { pattern: '/search', title: '找买家', load: () => import('./pages/search-page.js') },
  { pattern: '/buyers/:nick', title: '买家', load: () => import('./pages/buyer-page.js') },
];

/** Where "/" and a fresh login land. */
export const HOME = '/orders';

/**
 * The header's navigation, in display order. `section` is the path prefix that marks the entry as
 * current (so an order's detail page highlights 订单); `needs` names the route whose permission shows
 * the entry (omit for everyone): who has it is the service's role table, sent as the session's `can`.
 */
export const NAV = [
  { label: '订单', href: '#/orders', section: '/orders' },
  { label: '快捷短语', href: '#/replies', section: '/replies' },
  { label: '我的任务', href: '#/tasks', section: '/tasks' },
  { label: '消息', href: '#/messages', section: '/messages' },
  { label: '汇款', href: '#/transfers', section: '/transfers', needs: 'POST /api/transfers' },
  { label: '余额与退款', href: '#/ledger', section: '/ledger', needs: 'GET /api/refunds' },
  { label: '退货', href: '#/returns', section: '/returns' },
  { label: '交接班', href: '#/handover', section: '/handover' },
  { label: '排班', href: '#/roster', section: '/roster' },
  { label: '售后投诉', href: '#/complaints', section: '/complaints' },
  { label: '提成', href: '#/commission', section: '/commission', needs: 'GET /api/sales/commission' },
  { label: '打印', href: '#/print', section: '/print', needs: 'GET /api/print-batches' },
  { label: '周报', href: '#/summary', section: '/summary', needs: 'GET /api/summary/week' },
  { label: '知识库', href: '#/knowledge', section: '/knowledge', needs: 'GET /api/knowledge' },
  { label: '禁用说法', href: '#/compliance', section: '/compliance', needs: 'GET /api/compliance-phrases' },
  { label: '任务调度', href: '#/jobs', section: '/jobs', needs: 'POST /api/jobs/:name/run' },
  { label: '登录锁定', href: '#/lockouts', section: '/lockouts', needs: 'GET /api/lockouts' },
  { label: '隐私访问记录', href: '#/privacy', section: '/privacy', needs: 'GET /api/privacy/access-log' },
];

/** @param {{can: string[]}} session */
export function navFor(session) {
  return NAV.filter((entry) => !entry.needs || session.can.includes(entry.needs));
}
