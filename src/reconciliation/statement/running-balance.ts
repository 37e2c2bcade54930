import { ValidationError } from '../../shared/errors.js';
import { formatYuanFixed } from '../../shared/money.js';

/** What the balance check needs of a row: its signed amount (null when the bank books it 不计收支) and balance. */
export interface BalanceStep {
  line: number;
  /** Date and time as read, to tell which end of the file is the oldest when the balances cannot. */
  when: string;
  amountFen: number | null;
  balanceFen: number | null;
}

type Order = 'oldest-first' | 'newest-first';

/**
 * Two rows with a balance and the rows whose amounts lead from the older balance to the newer one: steps[from] up
 * to, not including, steps[to] (indices, not a copy: a 10 MB file has 85,000 links, made twice).
 */
interface Link {
  older: BalanceStep;
  newer: BalanceStep;
  steps: readonly BalanceStep[];
  from: number;
  to: number;
}

/**
 * Consecutive rows that carry a balance, linked in the given order. A row with an empty balance adds its amount to
 * the next link; a 不计收支 row moves the balance by an amount the file does not give, so no link crosses it.
 */
function links(steps: readonly BalanceStep[], order: Order): Link[] {
  const out: Link[] = [];
  let prev = -1;
  for (let i = 0; i < steps.length; i++) {
    if (steps[i]!.balanceFen === null) continue;
    if (prev >= 0) {
      // Oldest first, a row's amount leads to its own balance; newest first, to the balance of the row above.
      const [from, to] = order === 'oldest-first' ? [prev + 1, i + 1] : [prev, i];
      const [older, newer] = order === 'oldest-first' ? [steps[prev]!, steps[i]!] : [steps[i]!, steps[prev]!];
      let known = true;
      for (let m = from; m < to; m++) if (steps[m]!.amountFen === null) known = false;
      if (known) out.push({ older, newer, steps, from, to });
    }
    prev = i;
  }
  return out;
}

function sumMoves(link: Link, pick: (fen: number) => number): number {
  let sum = 0;
  for (let m = link.from; m < link.to; m++) sum += pick(link.steps[m]!.amountFen!);
  return sum;
}

function expected(link: Link): number {
  return link.older.balanceFen! + sumMoves(link, (fen) => fen);
}

const addsUp = (link: Link) => expected(link) === link.newer.balanceFen;

const yuan = (fen: number) => (Number.isSafeInteger(fen) ? formatYuanFixed(fen) : '（超出范围）');

function refusal(link: Link): ValidationError {
  const credit = sumMoves(link, (fen) => Math.max(fen, 0));
  const debit = sumMoves(link, (fen) => Math.max(-fen, 0));
  const { older, newer } = link;
  const sum = expected(link);
  return new ValidationError({
    message:
      `第${newer.line}行 余额对不上：上一笔余额（第${older.line}行）${yuan(older.balanceFen!)} 元 + 收入 ${yuan(credit)} 元 − 支出 ${yuan(debit)} 元 = ${yuan(sum)} 元，` +
      `本行余额却是 ${yuan(newer.balanceFen!)} 元。可能是表头中余额列与金额列对调了，或文件被改动过；整个文件未导入`,
    code: 'balance_mismatch',
    field: 'file',
    params: {
      line: newer.line,
      previousLine: older.line,
      previousBalance: yuan(older.balanceFen!),
      credit: yuan(credit),
      debit: yuan(debit),
      expectedBalance: yuan(sum),
      balance: yuan(newer.balanceFen!),
    },
    detail:
      `line ${newer.line}: the balance does not add up: previous balance (line ${older.line}) ${yuan(older.balanceFen!)} + credit ${yuan(credit)}` +
      ` − debit ${yuan(debit)} = ${yuan(sum)}, but the row says ${yuan(newer.balanceFen!)}; the balance and amount columns may be swapped`,
  });
}

/**
 * Refuses a statement whose balances do not follow from its amounts (previous balance + credit − debit = balance),
 * naming the first line, from the top, that does not add up. A header that swaps 余额 and the credit column reads
 * every balance as a payment, and only this check notices. Banks list oldest or newest first: the order is the
 * one under which more rows add up, and when the balances cannot tell (none add up either way), the dates decide.
 */
export function checkRunningBalance(steps: readonly BalanceStep[]): void {
  const forward = links(steps, 'oldest-first');
  const backward = links(steps, 'newest-first');
  const [fwdOk, bwdOk] = [forward.filter(addsUp).length, backward.filter(addsUp).length];
  const newestFirst =
    fwdOk !== bwdOk ? bwdOk > fwdOk : steps.length > 1 && steps[0]!.when > steps[steps.length - 1]!.when;
  // Links are made top to bottom, so the first that fails is the topmost line that does not add up.
  const broken = (newestFirst ? backward : forward).find((l) => !addsUp(l));
  if (broken) throw refusal(broken);
}
