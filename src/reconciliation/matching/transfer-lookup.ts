import type { Claim, OpenTransfer } from './matching-types.js';
import { normalizeName } from './payer-names.js';

/**
 * Every question the rules ask about open orders and claims. Both implementations answer in the input order,
 * so the matcher gives identical results whichever one it is handed.
 */
export interface TransferLookup {
  byReference(token: string): OpenTransfer[];
  byUniqueAmount(fen: number): OpenTransfer[];
  byDueAmount(fen: number): OpenTransfer[];
  /** Buyer nicks whose real name, or whose claims' payer name, is this (normalized) name. */
  buyersNamed(name: string): string[];
  ordersOf(buyerNick: string): OpenTransfer[];
  claimsOf(transferId: string): Claim[];
  claimsWithAmount(fen: number): Claim[];
  transfer(id: string): OpenTransfer | undefined;
}

const normRef = (r: string) => r.trim().toUpperCase();

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value); else map.set(key, [value]);
}

/** Hash indexes built once per run: each question costs O(answer), not O(orders). */
export function indexedLookup(transfers: readonly OpenTransfer[], claims: readonly Claim[]): TransferLookup {
  const byRef = new Map<string, OpenTransfer[]>();
  const byUnique = new Map<number, OpenTransfer[]>();
  const byDue = new Map<number, OpenTransfer[]>();
  const byBuyer = new Map<string, OpenTransfer[]>();
  const byId = new Map<string, OpenTransfer>();
  const names = new Map<string, string[]>();
  const claimsByTransfer = new Map<string, Claim[]>();
  const claimsByAmount = new Map<number, Claim[]>();
  const addName = (name: string, nick: string) => {
    if (!name) return;
    const list = names.get(name);
    if (!list) names.set(name, [nick]); else if (!list.includes(nick)) list.push(nick);
  };
  for (const t of transfers) {
    if (t.reference) push(byRef, normRef(t.reference), t);
    if (t.uniqueAmountFen != null) push(byUnique, t.uniqueAmountFen, t);
    push(byDue, t.amountDueFen, t);
    push(byBuyer, t.buyerNick, t);
    if (!byId.has(t.id)) byId.set(t.id, t);
    addName(normalizeName(t.buyerName), t.buyerNick);
  }
  for (const c of claims) {
    const t = byId.get(c.transferId);
    if (!t) continue;
    push(claimsByTransfer, c.transferId, c);
    push(claimsByAmount, c.amountFen, c);
    addName(normalizeName(c.payerName), t.buyerNick);
  }
  return {
    byReference: (token) => byRef.get(normRef(token)) ?? [],
    byUniqueAmount: (fen) => byUnique.get(fen) ?? [],
    byDueAmount: (fen) => byDue.get(fen) ?? [],
    buyersNamed: (name) => (name ? names.get(name) ?? [] : []),
    ordersOf: (nick) => byBuyer.get(nick) ?? [],
    claimsOf: (id) => claimsByTransfer.get(id) ?? [],
    claimsWithAmount: (fen) => claimsByAmount.get(fen) ?? [],
    transfer: (id) => byId.get(id),
  };
}

/** The same answers by scanning every order and claim each time: the nested-loop baseline. */
export function scanningLookup(transfers: readonly OpenTransfer[], allClaims: readonly Claim[]): TransferLookup {
  const find = (id: string) => transfers.find((t) => t.id === id);
  // Joining claims to their orders is preparation, not matching; only the matching questions scan.
  const firstById = new Map<string, OpenTransfer>();
  for (const t of transfers) if (!firstById.has(t.id)) firstById.set(t.id, t);
  const claims = allClaims.filter((c) => firstById.has(c.transferId));
  const nickOf = (c: Claim) => firstById.get(c.transferId)!.buyerNick;
  return {
    byReference: (token) => transfers.filter((t) => t.reference && normRef(t.reference) === normRef(token)),
    byUniqueAmount: (fen) => transfers.filter((t) => t.uniqueAmountFen != null && t.uniqueAmountFen === fen),
    byDueAmount: (fen) => transfers.filter((t) => t.amountDueFen === fen),
    buyersNamed: (name) => {
      if (!name) return [];
      const nicks: string[] = [];
      const add = (nick: string) => { if (!nicks.includes(nick)) nicks.push(nick); };
      for (const t of transfers) if (normalizeName(t.buyerName) === name) add(t.buyerNick);
      for (const c of claims) if (normalizeName(c.payerName) === name) add(nickOf(c));
      return nicks;
    },
    ordersOf: (nick) => transfers.filter((t) => t.buyerNick === nick),
    claimsOf: (id) => claims.filter((c) => c.transferId === id),
    claimsWithAmount: (fen) => claims.filter((c) => c.amountFen === fen),
    transfer: find,
  };
}
