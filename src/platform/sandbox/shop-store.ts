import type { Store, Transaction } from '../../storage/index.js';
import type { PrivacyNumber } from './oaid.js';
import type { GeneratedShop, SandboxBuyer, SandboxRate, SandboxTrade } from './types.js';

/**
 * The sandbox shop is an outside system emulated in-process; with a store it keeps its own
 * collections (prefixed `sandbox.`) so a restart continues the same shop instead of regenerating.
 */
const META = 'sandbox.meta';
const TRADES = 'sandbox.trades';
const BUYERS = 'sandbox.buyers';
const RATES = 'sandbox.rates';
const META_ID = 'shop';
/** Privacy numbers bound to orders, by tid: the platform's own record, so a restart hands out the same number. */
const SECRET_NOS = 'sandbox.secret-nos';

export interface SandboxMeta {
  seed: number;
  baseTime: number;
  orders: number;
  idSeq: number;
  /** Time of the last tick of the living shop (baseTime before the first). */
  lastTick: number;
  /** The platform's own secret for oaids (its keyed hash); a shop stored before oaids gets one when next loaded. */
  oaidKey?: string;
}

const copy = <T>(v: T): T => structuredClone(v);

export function loadShop(store: Store): { meta: SandboxMeta; shop: GeneratedShop } | undefined {
  const meta = store.get<SandboxMeta>(META, META_ID);
  if (!meta) return undefined;
  const buyers = [...store.all<SandboxBuyer>(BUYERS)].sort((a, b) => a.idx - b.idx);
  const trades = [...store.all<SandboxTrade>(TRADES)].map(copy);
  const rates = [...store.all<SandboxRate>(RATES)]
    .map(copy)
    .sort((a, b) => a.created - b.created || (a.oid < b.oid ? -1 : 1));
  return { meta, shop: { buyers: buyers.map(copy), trades, rates, idSeq: meta.idSeq } };
}

/** Puts are snapshots taken when the transaction runs, so concurrent writers store the latest state. */
function putAll(
  tx: Transaction,
  meta: SandboxMeta,
  trades: Iterable<SandboxTrade>,
  rates: Iterable<SandboxRate>,
): void {
  tx.put(META, META_ID, { ...meta });
  for (const t of trades) tx.put(TRADES, t.tid, copy(t));
  for (const r of rates) tx.put(RATES, r.oid, { ...r });
}

export function loadSecretNos(store: Store, now: number): [string, PrivacyNumber][] {
  return [...store.all<PrivacyNumber & { tid: string }>(SECRET_NOS)]
    .filter((n) => n.expiresAt > now)
    .map((n) => [n.tid, { mobile: n.mobile, expiresAt: n.expiresAt }]);
}

export function saveSecretNo(store: Store, tid: string, n: PrivacyNumber): Promise<void> {
  return store.transact((tx) => tx.put(SECRET_NOS, tid, { tid, ...n }));
}

export function saveGenerated(store: Store, meta: SandboxMeta, shop: GeneratedShop): Promise<void> {
  return store.transact((tx) => {
    for (const b of shop.buyers) tx.put(BUYERS, String(b.idx), copy(b));
    putAll(tx, meta, shop.trades, shop.rates);
  });
}

export function saveChanges(
  store: Store,
  meta: () => SandboxMeta,
  changes: () => { trades: SandboxTrade[]; rates: SandboxRate[] },
): Promise<void> {
  return store.transact((tx) => {
    const { trades, rates } = changes();
    putAll(tx, meta(), trades, rates);
  });
}
