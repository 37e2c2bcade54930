/**
 * The commission report and the keeper's decisions about it. Who sees what is the role table's action
 * `sales.all-staff` (accounts/permissions.ts): the keeper and the admin see every staff member, the names to map
 * and the orders without one; anyone else sees their own sales only. Who decided a mapping or a correction is the
 * logged-in person.
 */
import { may, type User } from '../accounts/index.js';
import type { Order } from '../orders/index.js';
import { NotFoundError, ValidationError } from '../shared/errors.js';
import { toInstant, type Clock } from '../shared/time.js';
import type { AttributionRepository, Correction, NameMapping } from './attribution-repository.js';
import { commissionCsv } from './commission-csv.js';
import { commissionMonth, ownView, type CommissionMonth } from './commission.js';

export interface SaleRecordLike {
  tid: string;
  kind: string;
  staff: string;
  username: string;
  at: string;
  status: string;
}

export interface CommissionDeps {
  orders: { get(tid: string): Order | undefined; all(): Iterable<Order> };
  entries(): Iterable<SaleRecordLike>;
  staff: { list(): readonly { username: string; displayName: string }[] };
  repo: AttributionRepository;
  clock: Clock;
}

/** The first sale.record of each order that did not fail (pending ones count: they are waiting to land). */
function firstSaleRecords(entries: Iterable<SaleRecordLike>): Map<string, SaleRecordLike> {
  const first = new Map<string, SaleRecordLike>();
  for (const e of entries) {
    if (e.kind !== 'sale.record' || e.status === 'failed') continue;
    const seen = first.get(e.tid);
    if (!seen || e.at < seen.at) first.set(e.tid, e);
  }
  return first;
}

export function createCommissionService(deps: CommissionDeps) {
  const colleague = (username: string) => deps.staff.list().find((c) => c.username === username);

  function accountOf(name: string): string | undefined {
    const mapped = deps.repo.mapping(name);
    if (mapped) return mapped.username;
    const list = deps.staff.list();
    return (list.find((c) => c.displayName === name) ?? list.find((c) => c.username === name))?.username;
  }

  function requireColleague(username: string): { username: string; displayName: string } {
    const c = colleague(username.trim());
    if (!c)
      throw new ValidationError({
        message: `“${username}”不是本店同事的账号`,
        code: 'unknown_colleague',
        field: 'username',
        params: { username },
      });
    return c;
  }

  const decision = (user: User) => ({ by: user.username, byName: user.displayName, at: toInstant(deps.clock.now()) });

  function month(m: string, user: User): CommissionMonth {
    const records = firstSaleRecords(deps.entries());
    const all = commissionMonth({
      month: m,
      orders: deps.orders.all(),
      saleEntry: (tid) => records.get(tid),
      correction: (tid) => deps.repo.correction(tid),
      accountOf,
      displayName: (username) => colleague(username)?.displayName ?? username,
    });
    return may(user.role, 'sales.all-staff') ? all : ownView(all, user.username);
  }

  return {
    month,
    csv: (m: string, user: User): Buffer => commissionCsv(month(m, user)),
    mappings: (): NameMapping[] => deps.repo.mappings(),
    /** Whom a name or an order can be credited to: the shop's accounts. */
    colleagues: () => deps.staff.list().map((c) => ({ username: c.username, displayName: c.displayName })),
    /** Says which account a name in memos stands for; every order with that name follows. */
    async mapName(name: string, username: string, user: User): Promise<NameMapping> {
      const c = requireColleague(username);
      const mapping: NameMapping = { name: name.trim(), username: c.username, ...decision(user) };
      await deps.repo.putMapping(mapping);
      return mapping;
    },
    /** Credits one order's sale to another staff member, with the reason. */
    async correct(tid: string, username: string, note: string, user: User): Promise<Correction> {
      if (!deps.orders.get(tid))
        throw new NotFoundError({ message: `没有找到订单 ${tid}`, code: 'order_not_found', params: { tid } });
      const c = requireColleague(username);
      return deps.repo.correct({ tid, username: c.username, note: note.trim(), ...decision(user) });
    },
  };
}

export type CommissionService = ReturnType<typeof createCommissionService>;
