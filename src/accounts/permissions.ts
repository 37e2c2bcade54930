/**
 * Who may do what: the one role table. The HTTP shell puts a check built from ROUTE_PERMISSIONS in front of every
 * route it serves (http/route-guard.ts), a route with no entry here is refused to everyone, and docs/api.md's role
 * matrix and the README's demo-account table are written from this file (test/accounts/role-docs.test.ts fails
 * when they differ). Admin is listed in every entry rather than implied, so each line reads on its own.
 *
 * Why the roles are what they are (the shop's handbook, chapter 汇款流程, and the README):
 * - staff (客服) take a transfer order and the buyer's "I paid" claim and pass them to the keeper; they need the
 *   orders to find the one a buyer asks about, but not the buyer's real name, address or the payer's name;
 * - the assistant (助理) fixes labels and cancels waybills: reveals an order's receiver in full when a label needs it
 *   (one explicit, logged action per look, for a declared decrypt scene: issue 18), and nothing of bank transfers
 *   (the console shows no 汇款 page to the assistant either);
 * - the keeper (汇款业务处理人) registers the orders, checks the bank, confirms, writes the waybill and keeps
 *   the register: the full order, and a receiver revealed for a waybill scene (the platform masks it).
 *   Cancelling is the keeper's too: it frees the order's unique amount and reference, and only the person who
 *   sees the bank account knows no transfer is on its way;
 * - the sales supervisor reviews the day's register; admin stands for the supervisor.
 */
import { ROLES, type Role } from './staff-account.js';

export type Method = 'GET' | 'POST' | 'PUT' | 'PATCH' | 'DELETE';

/** What a role may do inside an answer it is allowed to get. */
export type Action = 'order.receiver' | 'transfer.personal-data' | 'sales.all-staff';

export interface RoutePermission {
  method: Method;
  /** The full path as Express declares it (`/api/transfers/:id`). */
  path: string;
  /** 'public': no login needed. */
  roles: readonly Role[] | 'public';
  /** Roles allowed the route but without this action get its personal data masked. */
  masksWithout?: Action;
  /** The docs' section. */
  group: string;
}

const ALL = ROLES;
const KEEPER: readonly Role[] = ['keeper', 'admin'];
const ADMIN: readonly Role[] = ['admin'];
/** Who takes transfer orders and buyers' claims: staff, and the keeper who registers them. */
const TRANSFER_DESK: readonly Role[] = ['staff', 'keeper', 'admin'];
/** Who checks goods coming back at the warehouse: the assistant (助理), and admin. */
const WAREHOUSE: readonly Role[] = ['assistant', 'admin'];
/** Who talks with buyers about what they want back: staff and the keeper. */
const CUSTOMER_DESK: readonly Role[] = ['staff', 'keeper', 'admin'];
/**
 * Who reveals a receiver in full (查看完整收件人): the assistant fixing a label, the keeper writing a transfer order's
 * waybill (waybill scenes and the name only: privacy's revealScenesOf), and admin. Staff never do.
 */
const RECEIVER_REVEAL: readonly Role[] = ['assistant', 'keeper', 'admin'];

export const ACTION_PERMISSIONS: Readonly<Record<Action, { roles: readonly Role[]; what: string }>> = {
  // Nobody reads a receiver in full from an order or buyer page any more (the platform masks it, xiaoer stores it
  // masked): revealing it is its own action, for a scene and a reason, each time in the access log.
  'order.receiver': {
    roles: RECEIVER_REVEAL,
    what: "an order's receiver (name, phones, address) in full, one reveal at a time, for a decrypt scene and a reason, each one in the privacy access log",
  },
  'transfer.personal-data': { roles: KEEPER, what: "a transfer order's real name, address and payer names in full" },
  // Commission is pay: a colleague sees her own sales, the keeper maps names and corrects for everyone.
  'sales.all-staff': {
    roles: KEEPER,
    what: "every staff member's sales and commission, the memo names to map and the orders without a name (others see their own)",
  },
};

const route = (
  group: string,
  method: Method,
  path: string,
  roles: RoutePermission['roles'],
  masksWithout?: Action,
): RoutePermission => ({ method, path, roles, group, ...(masksWithout ? { masksWithout } : {}) });

const FOUNDATION = 'Foundation';
const ORDERS = 'Orders, remarks, tasks, balances, refunds, sales';
const DAY = 'Messages, jobs, handover, complaints, follow-ups';
const TRANSFERS = 'Bank transfers';
const KNOWLEDGE = 'Knowledge base and suggested replies';
const BUYERS = 'Buyers: search, the buyer page, profiles';
const PRIVACY = 'Privacy: revealing a receiver, the access log';

export const ROUTE_PERMISSIONS: readonly RoutePermission[] = [
  route(FOUNDATION, 'GET', '/healthz', 'public'),
  route(FOUNDATION, 'POST', '/api/session', 'public'),
  route(FOUNDATION, 'DELETE', '/api/session', ALL),
  route(FOUNDATION, 'GET', '/api/me', ALL),
  route(FOUNDATION, 'GET', '/api/lockouts', ADMIN),
  route(FOUNDATION, 'POST', '/api/lockouts/unlock', ADMIN),
  route(FOUNDATION, 'GET', '/api/labels', ALL),
  route(FOUNDATION, 'GET', '/api/events', ALL),
  route(FOUNDATION, 'GET', '/api/sync', ALL),
  route(FOUNDATION, 'POST', '/api/sync', KEEPER),

  route(ORDERS, 'GET', '/api/orders', ALL),
  // The order's receiver comes masked to every role (as the platform gives it); 查看完整收件人 is its own route.
  route(ORDERS, 'GET', '/api/orders/:tid', ALL),
  route(ORDERS, 'POST', '/api/orders/:tid/remarks', ALL),
  route(ORDERS, 'GET', '/api/orders/:tid/remarks', ALL),
  route(ORDERS, 'GET', '/api/orders/:tid/remark-kinds', ALL),
  route(ORDERS, 'GET', '/api/tasks', ALL),
  route(ORDERS, 'GET', '/api/tasks/notifications', ALL),
  route(ORDERS, 'POST', '/api/tasks/notifications/:id/read', ALL),
  route(ORDERS, 'GET', '/api/tasks/:id', ALL),
  route(ORDERS, 'POST', '/api/tasks/:id/close', ALL),
  route(ORDERS, 'GET', '/api/ledger/:buyerNick', ALL),
  route(ORDERS, 'POST', '/api/ledger/:buyerNick/credits', KEEPER),
  route(ORDERS, 'GET', '/api/refunds', KEEPER),
  route(ORDERS, 'GET', '/api/refunds/export', KEEPER),
  route(ORDERS, 'POST', '/api/refunds/:id/registered', KEEPER),
  route(ORDERS, 'POST', '/api/refunds/:id/paid', KEEPER),
  // Returns (退货): everyone follows them; the warehouse (助理) checks what came back, customer service and the keeper
  // settle with the buyer whether it is a refund or an exchange and write the exchange's new waybill.
  route(ORDERS, 'GET', '/api/returns', ALL),
  route(ORDERS, 'GET', '/api/returns/:id', ALL),
  route(ORDERS, 'POST', '/api/returns/:id/receipt', WAREHOUSE),
  route(ORDERS, 'POST', '/api/returns/:id/purpose', CUSTOMER_DESK),
  route(ORDERS, 'POST', '/api/returns/:id/exchange', CUSTOMER_DESK),
  route(ORDERS, 'GET', '/api/sales/report', ALL, 'sales.all-staff'),
  route(ORDERS, 'GET', '/api/sales/commission', ALL, 'sales.all-staff'),
  route(ORDERS, 'GET', '/api/sales/commission/export', ALL, 'sales.all-staff'),
  route(ORDERS, 'GET', '/api/sales/names', KEEPER),
  route(ORDERS, 'POST', '/api/sales/names', KEEPER),
  route(ORDERS, 'POST', '/api/sales/corrections/:tid', KEEPER),

  route(DAY, 'POST', '/api/messages', ALL),
  route(DAY, 'GET', '/api/messages', ALL),
  route(DAY, 'GET', '/api/messages/:id', ALL),
  route(DAY, 'POST', '/api/messages/:id/sent', ALL),
  route(DAY, 'POST', '/api/messages/:id/cancel', ALL),
  // A job's message that lacks a value: whoever is on duty fills it in or dismisses it, with their name on it.
  route(DAY, 'POST', '/api/messages/:id/values', ALL),
  route(DAY, 'POST', '/api/messages/:id/dismiss', ALL),
  route(DAY, 'POST', '/api/buyers/:nick/opt-out', ALL),
  route(DAY, 'GET', '/api/buyers/:nick/opt-out', ALL),
  route(DAY, 'GET', '/api/quick-replies', ALL),
  route(DAY, 'GET', '/api/quick-replies/usage', ALL),
  route(DAY, 'POST', '/api/quick-replies/:id/render', ALL),
  // Every role checks what it is about to send; the phrase list is the keeper's (and admin's) to extend.
  route(DAY, 'GET', '/api/compliance-phrases', ALL),
  route(DAY, 'POST', '/api/compliance-phrases', KEEPER),
  route(DAY, 'POST', '/api/compliance-phrases/check', ALL),
  route(DAY, 'DELETE', '/api/compliance-phrases/:id', KEEPER),
  route(DAY, 'GET', '/api/jobs', ALL),
  route(DAY, 'POST', '/api/jobs/:name/run', ADMIN),
  route(DAY, 'GET', '/api/handover', ALL),
  route(DAY, 'POST', '/api/handover/ack', ALL),
  route(DAY, 'POST', '/api/handover/diary', ALL),
  route(DAY, 'GET', '/api/complaints', ALL),
  route(DAY, 'POST', '/api/complaints', ALL),
  route(DAY, 'GET', '/api/complaints/:id', ALL),
  route(DAY, 'POST', '/api/complaints/:id/respond', ALL),
  route(DAY, 'POST', '/api/complaints/:id/verify', ALL),
  route(DAY, 'POST', '/api/complaints/:id/outcome', ALL),
  route(DAY, 'POST', '/api/complaints/:id/satisfaction', ALL),
  route(DAY, 'GET', '/api/intents', ALL),
  route(DAY, 'POST', '/api/intents', ALL),
  route(DAY, 'POST', '/api/intents/:id/follow-up', ALL),
  route(DAY, 'GET', '/api/follow-ups', ALL),
  route(DAY, 'POST', '/api/follow-ups/:id/close', ALL),
  route(DAY, 'GET', '/api/reviews', ALL),
  route(DAY, 'POST', '/api/reviews/:id/calls', ALL),
  route(DAY, 'POST', '/api/reviews/:id/message', ALL),
  route(DAY, 'POST', '/api/reviews/:id/resolve', ALL),
  route(DAY, 'POST', '/api/reviews/:id/give-up', ALL),
  route(DAY, 'GET', '/api/revisits', ALL),
  route(DAY, 'POST', '/api/revisits/:date/outcome', ALL),
  route(DAY, 'GET', '/api/roster', ALL),
  route(DAY, 'PUT', '/api/roster', ADMIN),
  // Everyone may call these; the handover checks per item that the caller is its owner, the keeper or the admin.
  route(DAY, 'GET', '/api/open-items', ALL),
  route(DAY, 'POST', '/api/open-items/:key/done', ALL),
  route(DAY, 'POST', '/api/open-items/:key/reassign', ALL),
  route(DAY, 'POST', '/api/open-items/:key/snooze', ALL),
  route(DAY, 'POST', '/api/open-items/:key/note', ALL),
  // The keeper and the admin run the Monday meeting, and staff (and the assistant) read it too: the meeting is the
  // whole team's (the handbook has everyone write the week's problems and buyers' words for it), and the summary
  // holds counts only, no buyer's data and no pay (commission stays behind sales.all-staff).
  route(DAY, 'GET', '/api/summary/week', ALL),
  route(DAY, 'GET', '/api/summary/complaints', ALL),
  // 打单: whoever prints the labels marks the batch printed, as anyone may write the print remark on an order; the
  // batch shows lines, memos and couriers, no receiver.
  route(DAY, 'GET', '/api/print-batches', ALL),
  route(DAY, 'GET', '/api/print-batches/:date/:time', ALL),
  route(DAY, 'POST', '/api/print-batches/:date/:time/printed', ALL),
  route(DAY, 'GET', '/api/print-batches/:date/:time/csv', ALL),

  // Everyone answers buyers, so everyone finds them and reads their story; receivers are masked for every role, as
  // on the order page (transfers' names, refund accounts, phones in results and free text too).
  route(BUYERS, 'GET', '/api/search', ALL),
  route(BUYERS, 'GET', '/api/buyers/:nick', ALL),
  route(BUYERS, 'PUT', '/api/buyers/:nick/profile', ALL),

  // Everyone answers buyers, so everyone searches the answers, asks for suggestions and logs a question nobody could
  // answer; the keeper (and the admin) write the shop's answers, as the handbook has the keeper keep the rules.
  route(KNOWLEDGE, 'GET', '/api/knowledge', ALL),
  route(KNOWLEDGE, 'POST', '/api/knowledge', KEEPER),
  route(KNOWLEDGE, 'GET', '/api/knowledge/unanswered', ALL),
  route(KNOWLEDGE, 'POST', '/api/knowledge/unanswered', ALL),
  route(KNOWLEDGE, 'POST', '/api/knowledge/unanswered/:id/answer', KEEPER),
  route(KNOWLEDGE, 'GET', '/api/knowledge/:id', ALL),
  route(KNOWLEDGE, 'PUT', '/api/knowledge/:id', KEEPER),
  route(KNOWLEDGE, 'DELETE', '/api/knowledge/:id', KEEPER),
  route(KNOWLEDGE, 'POST', '/api/suggest', ALL),

  route(TRANSFERS, 'POST', '/api/transfers', TRANSFER_DESK, 'transfer.personal-data'),
  route(TRANSFERS, 'GET', '/api/transfers', TRANSFER_DESK, 'transfer.personal-data'),
  route(TRANSFERS, 'GET', '/api/transfers/:id', TRANSFER_DESK, 'transfer.personal-data'),
  route(TRANSFERS, 'POST', '/api/transfers/:id/claims', TRANSFER_DESK, 'transfer.personal-data'),
  route(TRANSFERS, 'POST', '/api/transfers/:id/cancel', KEEPER),
  route(TRANSFERS, 'POST', '/api/transfers/statements', KEEPER),
  route(TRANSFERS, 'GET', '/api/transfers/queue', KEEPER),
  route(TRANSFERS, 'POST', '/api/transfers/rows/:identity/reject', KEEPER),
  route(TRANSFERS, 'POST', '/api/transfers/:id/confirm', KEEPER),
  route(TRANSFERS, 'POST', '/api/transfers/:id/unmatch', KEEPER),
  route(TRANSFERS, 'POST', '/api/transfers/:id/ship', KEEPER),
  route(TRANSFERS, 'GET', '/api/transfers/shipping', KEEPER),
  route(TRANSFERS, 'GET', '/api/transfers/duplicates', KEEPER),
  route(TRANSFERS, 'POST', '/api/transfers/:id/duplicates/:tid/close', KEEPER),
  route(TRANSFERS, 'GET', '/api/transfers/register', KEEPER),
  route(TRANSFERS, 'POST', '/api/transfers/register/:date/reviewed', ADMIN),

  // 查看完整收件人 is order.receiver's action (the route guard and the service both check); the access log and the day's
  // decrypt quota are the admin's, who answers for who looked at which buyer.
  route(PRIVACY, 'POST', '/api/orders/:tid/receiver/reveal', RECEIVER_REVEAL),
  route(PRIVACY, 'GET', '/api/privacy/access-log', ADMIN),
  route(PRIVACY, 'GET', '/api/privacy/access-log/export', ADMIN),
  route(PRIVACY, 'GET', '/api/privacy/decrypt-quota', ADMIN),
];

/** What each role is for, beyond what every role does: the README's demo-account table is written from it. */
export const ROLE_SUMMARIES: Readonly<Record<Role, string>> = {
  staff:
    "reads orders (receiver masked), writes remarks, takes transfer orders and buyers' claims (their names and addresses masked)",
  assistant:
    'reveals a receiver in full when fixing a label (one logged look at a time), cancels waybills; no bank transfers',
  keeper:
    'registers balances and refunds, runs sync, exports registers; imports bank statements, confirms, ships and cancels transfer orders, sees them in full; reveals a receiver for a waybill (one logged look at a time)',
  admin:
    'everything, and: runs jobs by hand, marks the transfer register reviewed, unlocks accounts locked by wrong passwords, reads the privacy access log and the decrypt quota',
};

const byKey = new Map(ROUTE_PERMISSIONS.map((p) => [`${p.method} ${p.path}`, p]));

/** The entry for a route as Express declares it (`GET`, `/api/transfers/:id`); undefined when the table has none. */
export function routePermission(method: string, path: string): RoutePermission | undefined {
  return byKey.get(`${method.toUpperCase()} ${path}`);
}

export function mayCall(role: Role, p: RoutePermission): boolean {
  return p.roles === 'public' || p.roles.includes(role);
}

/** "METHOD /path" of every route `role` may call: the console shows its pages and buttons from this list. */
export function allowedRoutes(role: Role): string[] {
  return ROUTE_PERMISSIONS.filter((p) => p.roles !== 'public' && mayCall(role, p)).map((p) => `${p.method} ${p.path}`);
}

export function may(role: Role, action: Action): boolean {
  return ACTION_PERMISSIONS[action].roles.includes(role);
}
