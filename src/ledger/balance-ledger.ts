/**
 * The store-balance ledger (余额): per buyer, credits registered by the keeper (compensation, an
 * overpayment kept on account) and debits made by remarks (`price.balance`, `balance.deducted`).
 * Integer fen throughout; the balance is always the sum of the movements, never a stored number.
 * Callers serialize movements of one buyer (the remarks module's `buyer:` lock); the debit also
 * re-checks inside its transaction so the balance can never go below zero.
 */
import { ConflictError } from '../shared/errors.js';
import { formatYuan } from '../shared/money.js';
import type { Store } from '../storage/index.js';

export const BALANCE_LEDGER = 'balance-ledger';

export interface Movement {
  id: string;
  type: 'credit' | 'debit';
  /** Always positive; the type says which way it goes. */
  amountFen: number;
  tid: string | null;
  /** The remark entry that made a debit (or registered a credit). */
  entryId: string | null;
  staff: string;
  username: string;
  reason: string;
  at: string;
}

interface BuyerLedger {
  buyerNick: string;
  movements: Movement[];
}

export interface BuyerAccount {
  buyerNick: string;
  balanceFen: number;
  balanceYuan: string;
  movements: (Movement & { balanceAfterFen: number })[];
}

export interface BalanceLedger {
  /** Current balance; `excluding` leaves out one movement (a debit being re-rendered after a crash). */
  balance(buyerNick: string, opts?: { excluding?: string }): number;
  account(buyerNick: string): BuyerAccount;
  credit(buyerNick: string, movement: Omit<Movement, 'type'>): Promise<Movement>;
  /** Idempotent by movement id; refuses (409) a debit larger than the balance. */
  debit(buyerNick: string, movement: Omit<Movement, 'type'>): Promise<Movement>;
}

const signed = (m: Movement) => (m.type === 'credit' ? m.amountFen : -m.amountFen);
const sum = (movements: readonly Movement[]) => movements.reduce((s, m) => s + signed(m), 0);

function checkAmount(amountFen: number): void {
  if (!Number.isSafeInteger(amountFen) || amountFen <= 0)
    throw new RangeError(`a movement is a positive integer number of fen, got ${amountFen}`);
}

export function createBalanceLedger(store: Store): BalanceLedger {
  const movementsOf = (nick: string) => store.get<BuyerLedger>(BALANCE_LEDGER, nick)?.movements ?? [];

  async function add(nick: string, movement: Movement): Promise<Movement> {
    checkAmount(movement.amountFen);
    return store.transact((tx) => {
      const doc = tx.get<BuyerLedger>(BALANCE_LEDGER, nick) ?? { buyerNick: nick, movements: [] };
      const existing = doc.movements.find((m) => m.id === movement.id);
      if (existing) return existing;
      const balance = sum(doc.movements);
      if (movement.type === 'debit' && movement.amountFen > balance) {
        throw new ConflictError({
          message: `扣除${formatYuan(movement.amountFen)}元超过余额${formatYuan(balance)}元`,
          code: 'exceeds_balance',
          params: { amount: formatYuan(movement.amountFen), balance: formatYuan(balance) },
        });
      }
      doc.movements.push(movement);
      tx.put<BuyerLedger>(BALANCE_LEDGER, nick, doc);
      return movement;
    });
  }

  return {
    balance: (nick, opts = {}) => sum(movementsOf(nick).filter((m) => m.id !== opts.excluding)),
    account(nick) {
      let running = 0;
      const movements = movementsOf(nick).map((m) => ({ ...m, balanceAfterFen: (running += signed(m)) }));
      return { buyerNick: nick, balanceFen: running, balanceYuan: formatYuan(running), movements };
    },
    credit: (nick, m) => add(nick, { ...m, type: 'credit' }),
    debit: (nick, m) => add(nick, { ...m, type: 'debit' }),
  };
}
