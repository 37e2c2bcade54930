import type { StatementRow } from '../../../src/reconciliation/statement/index.js';
import type { Claim, OpenTransfer } from '../../../src/reconciliation/matching/index.js';

let seq = 0;

/** A statement credit; every field a matcher reads can be overridden. */
export function credit(amountFen: number, over: Partial<StatementRow> = {}): StatementRow {
  seq++;
  return {
    line: seq,
    date: '2026-11-23',
    time: '10:00:00',
    amountFen,
    counterpartyName: '',
    counterpartyAccount: '6222000000000000',
    note: '',
    balanceFen: null,
    serial: null,
    identity: `row-${seq}`,
    ...over,
  };
}

export function transfer(id: string, amountDueFen: number, over: Partial<OpenTransfer> = {}): OpenTransfer {
  return {
    id,
    buyerNick: `nick-${id}`,
    buyerName: null,
    amountDueFen,
    createdAt: '2026-11-22T15:00:00.000+08:00',
    ...over,
  };
}

export function claim(transferId: string, amountFen: number, over: Partial<Claim> = {}): Claim {
  return {
    transferId,
    date: '2026-11-23',
    method: '网银转账',
    amountFen,
    recordedAt: '2026-11-23T12:00:00.000+08:00',
    ...over,
  };
}
