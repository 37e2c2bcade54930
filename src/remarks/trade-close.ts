/**
 * Closing the unpaid trade a remark says will be closed (拍下后不要 / 拍下后无货 on an unpaid order). The close is
 * asked for with the entry and kept on it (close.state 'wanted'), so the remark outbox holds it across restarts; it is
 * sent only after the memo has landed, and settled once: closed (the platform's status recorded), or failed — then a
 * follow-up for the writer says to close it by hand. A refusal is read back first: a close whose answer was lost
 * before a restart, or a trade closed meanwhile, is recorded as closed instead of failing or being sent twice.
 * The caller holds the order's lock.
 */
import type { Order, OrderRepository, TradeStatus } from '../orders/index.js';
import type { PlatformCallOptions, ShopPlatform } from '../platform/index.js';
import { AppError, UpstreamError } from '../shared/errors.js';
import { personError } from '../shared/person-error.js';
import type { Logger } from '../shared/logger.js';
import { toInstant, type Clock } from '../shared/time.js';
import type { NewFollowUp } from '../tasks/index.js';
import type { RenderedRemark } from './catalogue/index.js';
import type { RemarkEntry, TradeClose } from './remark-entry.js';
import type { RemarkRepository } from './remark-repository.js';

/** Statuses the platform lets a seller close (the sandbox and TOP agree). PAY_PENDING is a payment under way. */
const CLOSABLE: ReadonlySet<TradeStatus> = new Set<TradeStatus>(['WAIT_BUYER_PAY', 'TRADE_NO_CREATE_PAY']);
const CLOSED: ReadonlySet<TradeStatus> = new Set<TradeStatus>(['TRADE_CLOSED', 'TRADE_CLOSED_BY_TAOBAO']);

/** Where a failed close goes: the follow-ups the jobs open (tasks' createFollowUps), shown among the open items. */
export interface CloseFollowUps {
  open(f: NewFollowUp): Promise<unknown>;
}

export interface CloseDeps {
  remarks: RemarkRepository;
  orders: OrderRepository;
  platform: ShopPlatform;
  clock: Clock;
  logger: Logger;
  followUps?: CloseFollowUps;
}

/** The close a write asks for: the form closes the trade, the writer did not say no, and the order is still open. */
export function closeWanted(
  rendered: Pick<RenderedRemark, 'closesTrade'>,
  order: Pick<Order, 'status'>,
  requested: boolean | undefined,
): TradeClose | null {
  if (!rendered.closesTrade || requested === false || !CLOSABLE.has(order.status)) return null;
  return {
    reason: rendered.closesTrade,
    state: 'wanted',
    attempts: 0,
    status: null,
    error: null,
    at: null,
    followUpId: null,
  };
}

/** Worth another try: no answer, a fault, a ban; not a refusal on the merits (a paid trade, a bad reason). */
const isTransient = (err: unknown) => (err instanceof UpstreamError ? err.retriable : !(err instanceof AppError));
/** What the writer reads in the history and the follow-up: the person's sentence, never the platform's English. */
const describe = (err: unknown) => personError(err)?.message ?? '平台没有应答';

export const closeFollowUpId = (entryId: string) => `trade-close-${entryId}`;

/** One try at closing the entry's trade, if it is still wanted and its memo has landed; returns the entry as saved. */
export async function settleClose(
  deps: CloseDeps,
  entry: RemarkEntry,
  call: PlatformCallOptions = {},
): Promise<RemarkEntry> {
  const close = entry.close;
  if (close?.state !== 'wanted' || entry.status === 'pending') return entry;
  if (entry.status === 'failed') return fail(deps, entry, close, close.attempts, '备注没有写入平台，交易没有关闭');
  const attempts = close.attempts + 1;
  try {
    const answer = await deps.platform.closeTrade(entry.tid, close.reason, call);
    await recordLocally(deps, entry.tid, answer.status, answer.modifiedAt);
    return closed(deps, entry, close, attempts, answer.status);
  } catch (err) {
    if (isTransient(err)) return keepWanted(deps, entry, close, attempts, describe(err));
    let order: Order;
    try {
      order = await deps.platform.getOrder(entry.tid, call);
    } catch (readErr) {
      if (isTransient(readErr)) return keepWanted(deps, entry, close, attempts, describe(err));
      return fail(deps, entry, close, attempts, describe(err));
    }
    if (CLOSED.has(order.status)) {
      await recordLocally(deps, entry.tid, order.status, order.modifiedAt);
      return closed(deps, entry, close, attempts, order.status);
    }
    // The usual refusal: the buyer paid after the order was last synced. Say that, not the platform's wording.
    const paid = !CLOSABLE.has(order.status) && order.status !== 'PAY_PENDING';
    return fail(deps, entry, close, attempts, paid ? '买家已经付款，交易不能关闭，请联系买家申请退款' : describe(err));
  }
}

async function recordLocally(deps: CloseDeps, tid: string, status: TradeStatus, modifiedAt: string): Promise<void> {
  const order = deps.orders.get(tid);
  if (order) await deps.orders.upsertMany([{ ...order, status, modifiedAt }]);
}

async function save(deps: CloseDeps, entry: RemarkEntry, close: TradeClose): Promise<RemarkEntry> {
  const next = { ...entry, close };
  await deps.remarks.save(next);
  return next;
}

function closed(deps: CloseDeps, entry: RemarkEntry, close: TradeClose, attempts: number, status: TradeStatus) {
  deps.logger.info({ tid: entry.tid, entry: entry.id, status }, 'trade closed after remark');
  const at = toInstant(deps.clock.now());
  return save(deps, entry, { ...close, state: 'closed', attempts, status, error: null, at });
}

function keepWanted(deps: CloseDeps, entry: RemarkEntry, close: TradeClose, attempts: number, error: string) {
  deps.logger.warn({ tid: entry.tid, entry: entry.id, error }, 'trade close waits for the platform');
  return save(deps, entry, { ...close, attempts, error });
}

async function fail(deps: CloseDeps, entry: RemarkEntry, close: TradeClose, attempts: number, error: string) {
  const id = closeFollowUpId(entry.id);
  // Opened before the entry is saved: a crash in between opens nothing twice (the id is the entry's).
  await deps.followUps?.open({
    id,
    kind: 'trade_close',
    tid: entry.tid,
    buyerNick: deps.orders.get(entry.tid)?.buyerNick ?? '',
    title: `交易没有关闭，请到后台手动关闭（关闭原因：${close.reason}）`,
    detail: `备注“${entry.text}”之后关闭交易没有成功：${error}`,
    owner: entry.username,
    ownerName: entry.staff,
    shift: null,
  });
  deps.logger.warn({ tid: entry.tid, entry: entry.id, error }, 'trade close failed: follow-up opened');
  const at = toInstant(deps.clock.now());
  return save(deps, entry, {
    ...close,
    state: 'failed',
    attempts,
    error,
    at,
    followUpId: deps.followUps ? id : null,
  });
}
