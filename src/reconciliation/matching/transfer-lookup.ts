import type { Claim, OpenTransfer } from './matching-types.js';
import { createdDayNumber, dayNumber } from './match-window.js';
import { normalizeName } from './payer-names.js';

/**
 * An open order with what every rule asks of it worked out once: its Shanghai creation day and its buyer's name key.
 */
export interface PreparedTransfer extends OpenTransfer {
  readonly createdDayNo: number;
  readonly nameKey: string;
  /** The buyer's claims for this order, joined once so no rule has to look them up per credit. */
  readonly claims: readonly PreparedClaim[];
}

/** A claim joined to its order, with its day number and its payer's name key. */
export interface PreparedClaim extends Claim {
  readonly dayNo: number;
  readonly payerKey: string;
  readonly buyerNick: string;
}

/**
 * Every question the rules ask about open orders and claims. Both implementations answer in the input order,
 * so the matcher gives identical results whichever one it is handed.
 */
export interface TransferLookup {
  byReference(token: string): readonly PreparedTransfer[];
  byUniqueAmount(fen: number): readonly PreparedTransfer[];
  byDueAmount(fen: number): readonly PreparedTransfer[];
  /** Buyer nicks whose real name, or whose claims' payer name, is this (normalized) name. */
  buyersNamed(name: string): readonly string[];
  ordersOf(buyerNick: string): readonly PreparedTransfer[];
  claimsWithAmount(fen: number): readonly PreparedClaim[];
  transfer(id: string): PreparedTransfer | undefined;
}

const normRef = (r: string) => r.trim().toUpperCase();
/** Answers with nothing share one array: most questions have no answer, and each fresh [] is garbage. */
const NONE: readonly never[] = Object.freeze([]);

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

/**
 * Day numbers and name keys computed once per run instead of at every comparison; claims of unknown orders
 * are dropped. This is preparation, not matching: both lookups start from it.
 */
export function prepare(
  transfers: readonly OpenTransfer[],
  claims: readonly Claim[],
): { transfers: PreparedTransfer[]; claims: PreparedClaim[] } {
  const firstById = new Map<string, OpenTransfer>();
  for (const t of transfers) if (!firstById.has(t.id)) firstById.set(t.id, t);
  const joined: PreparedClaim[] = [];
  const byTransfer = new Map<string, PreparedClaim[]>();
  for (const c of claims) {
    const t = firstById.get(c.transferId);
    if (!t) continue;
    const claim: PreparedClaim = {
      transferId: c.transferId,
      date: c.date,
      method: c.method,
      bankName: c.bankName ?? null,
      payerName: c.payerName ?? null,
      amountFen: c.amountFen,
      recordedAt: c.recordedAt,
      dayNo: dayNumber(c.date),
      payerKey: normalizeName(c.payerName),
      buyerNick: t.buyerNick,
    };
    joined.push(claim);
    push(byTransfer, c.transferId, claim);
  }
  // Built field by field, not by spreading: every prepared order then has one shape, and the rules' property
  // reads stay monomorphic (spread copies made the whole run several times slower).
  const prepared = transfers.map((t): PreparedTransfer => ({
    id: t.id,
    buyerNick: t.buyerNick,
    buyerName: t.buyerName ?? null,
    amountDueFen: t.amountDueFen,
    uniqueAmountFen: t.uniqueAmountFen ?? null,
    reference: t.reference ?? null,
    createdAt: t.createdAt,
    overseas: t.overseas ?? false,
    createdDayNo: createdDayNumber(t.createdAt),
    nameKey: normalizeName(t.buyerName),
    claims: byTransfer.get(t.id) ?? NONE,
  }));
  return { transfers: prepared, claims: joined };
}

/** Hash indexes built once per run: each question costs O(answer), not O(orders). */
export function indexedLookup(openTransfers: readonly OpenTransfer[], allClaims: readonly Claim[]): TransferLookup {
  const { transfers, claims } = prepare(openTransfers, allClaims);
  const byRef = new Map<string, PreparedTransfer[]>();
  const byUnique = new Map<number, PreparedTransfer[]>();
  const byDue = new Map<number, PreparedTransfer[]>();
  const byBuyer = new Map<string, PreparedTransfer[]>();
  const byId = new Map<string, PreparedTransfer>();
  const names = new Map<string, string[]>();
  const claimsByAmount = new Map<number, PreparedClaim[]>();
  const addName = (name: string, nick: string) => {
    if (!name) return;
    const list = names.get(name);
    if (!list) names.set(name, [nick]);
    else if (!list.includes(nick)) list.push(nick);
  };
  for (const t of transfers) {
    if (t.reference) push(byRef, normRef(t.reference), t);
    if (t.uniqueAmountFen != null) push(byUnique, t.uniqueAmountFen, t);
    push(byDue, t.amountDueFen, t);
    push(byBuyer, t.buyerNick, t);
    if (!byId.has(t.id)) byId.set(t.id, t);
    addName(t.nameKey, t.buyerNick);
  }
  for (const c of claims) {
    push(claimsByAmount, c.amountFen, c);
    addName(c.payerKey, c.buyerNick);
  }
  return {
    byReference: (token) => byRef.get(normRef(token)) ?? NONE,
    byUniqueAmount: (fen) => byUnique.get(fen) ?? NONE,
    byDueAmount: (fen) => byDue.get(fen) ?? NONE,
    buyersNamed: (name) => (name ? (names.get(name) ?? NONE) : NONE),
    ordersOf: (nick) => byBuyer.get(nick) ?? NONE,
    claimsWithAmount: (fen) => claimsByAmount.get(fen) ?? NONE,
    transfer: (id) => byId.get(id),
  };
}

/** The same answers by scanning every order and claim each time: the nested-loop baseline. */
export function scanningLookup(openTransfers: readonly OpenTransfer[], allClaims: readonly Claim[]): TransferLookup {
  const { transfers, claims } = prepare(openTransfers, allClaims);
  return {
    byReference: (token) => transfers.filter((t) => t.reference && normRef(t.reference) === normRef(token)),
    byUniqueAmount: (fen) => transfers.filter((t) => t.uniqueAmountFen != null && t.uniqueAmountFen === fen),
    byDueAmount: (fen) => transfers.filter((t) => t.amountDueFen === fen),
    buyersNamed: (name) => {
      if (!name) return [];
      const nicks: string[] = [];
      const add = (nick: string) => {
        if (!nicks.includes(nick)) nicks.push(nick);
      };
      for (const t of transfers) if (t.nameKey === name) add(t.buyerNick);
      for (const c of claims) if (c.payerKey === name) add(c.buyerNick);
      return nicks;
    },
    ordersOf: (nick) => transfers.filter((t) => t.buyerNick === nick),
    claimsWithAmount: (fen) => claims.filter((c) => c.amountFen === fen),
    transfer: (id) => transfers.find((t) => t.id === id),
  };
}
