/**
 * The keeper's statement import: the file is parsed whole (or refused whole, nothing changed), rows already
 * imported are skipped by their bank identity, and the new credits are matched against open orders in the
 * same transaction, so the summary is exactly what was stored.
 */
import { randomUUID } from 'node:crypto';
import type { User } from '../../accounts/index.js';
import type { Logger } from '../../shared/logger.js';
import { toInstant, type Clock } from '../../shared/time.js';
import { matchCredits, type Candidate, type Claim, type MatchRule, type OpenTransfer, type QueueCode } from '../matching/index.js';
import { parseStatement, type BankId, type BankLayoutId, type HeldBackRow, type MappingProfile, type StatementRow } from '../statement/index.js';
import { announcePaid, applyPayment } from './transfer-payment.js';
import type { MessageSink, TaskOpener } from './transfer-ports.js';
import { isOpen, type TransferRepository } from './transfer-repository.js';
import { person } from './transfer-service.js';
import type { TransferOrder } from './transfer-types.js';

/** Rows of each list an import's answer shows; `counts` says how many there are in all. */
export const SUMMARY_LIST_LIMIT = 50;

/**
 * What an import answers: totals, and the first SUMMARY_LIST_LIMIT rows of each list, never the whole file (a
 * 70,000-row statement answered with every unmatched row was 19 MB). Every row is stored either way.
 */
export interface ImportSummary {
  importId: string;
  layout: string;
  /** New credit rows stored. */
  imported: number;
  /** Credit rows of this file imported before (same bank row identity). */
  duplicates: number;
  /** Credit rows in the file. */
  credits: number;
  matched: { row: StatementRow; transfer: string; transfers: string[]; rule: MatchRule; reason: string }[];
  queued: { row: StatementRow; candidates: Candidate[]; code: QueueCode; reason: string }[];
  unmatched: StatementRow[];
  /** How many credits were matched, queued and left unmatched; the lists above hold at most `listLimit` of each. */
  counts: { matched: number; queued: number; unmatched: number };
  listLimit: number;
  /** The file's last line when the file stops in the middle of it: not imported until a complete file brings it. */
  heldBack: HeldBackRow | null;
}

export interface ImportDeps {
  repo: TransferRepository;
  clock: Clock;
  logger: Logger;
  tasks?: TaskOpener;
  messages?: MessageSink;
}

export function openForMatching(orders: readonly TransferOrder[]): { transfers: OpenTransfer[]; claims: Claim[] } {
  const open = orders.filter(isOpen);
  return {
    transfers: open.map((t) => ({
      id: t.id, buyerNick: t.buyerNick, buyerName: t.buyerName, amountDueFen: t.amountDueFen,
      uniqueAmountFen: t.uniqueHeld ? t.uniqueAmountFen : null, reference: t.reference, createdAt: t.createdAt, overseas: t.overseas,
    })),
    claims: open.flatMap((t) => t.claims.map((c) => ({
      transferId: t.id, date: c.date, method: c.method, bankName: c.bankName, payerName: c.payerName, amountFen: c.amountFen, recordedAt: c.recordedAt,
    }))),
  };
}

export async function importStatement(
  deps: ImportDeps, bytes: Buffer, name: string, opts: { bank?: BankLayoutId | BankId; profile?: MappingProfile; user: User },
): Promise<ImportSummary> {
  const parsed = await parseStatement({ name, bytes }, { ...(opts.bank ? { bank: opts.bank } : {}), ...(opts.profile ? { profile: opts.profile } : {}) });
  const importId = randomUUID();
  const at = toInstant(deps.clock.now());
  const { summary, paid } = await deps.repo.write((w) => {
    const fresh = parsed.credits.filter((r) => !w.tx.get('transfer-statement-rows', r.identity));
    const { transfers, claims } = openForMatching(deps.repo.all());
    const result = matchCredits(fresh, transfers, claims);
    const out: ImportSummary = {
      importId, layout: parsed.layout, imported: fresh.length, duplicates: parsed.credits.length - fresh.length, credits: parsed.credits.length,
      matched: [], queued: [], unmatched: result.unmatched.slice(0, SUMMARY_LIST_LIMIT), heldBack: parsed.heldBack,
      counts: { matched: result.matched.length, queued: result.queued.length, unmatched: result.unmatched.length }, listLimit: SUMMARY_LIST_LIMIT,
    };
    const paidNow: TransferOrder[] = [];
    const base = { importId, importedAt: at, candidates: [] as Candidate[], code: null };
    for (const m of result.matched) {
      w.putRow({ ...base, identity: m.row.identity, row: m.row, status: 'matched', transferIds: m.transferIds, rule: m.rule, reason: m.reason });
      paidNow.push(...applyPayment(w, { transferIds: m.transferIds, rowIdentities: [m.row.identity], rule: m.rule, reason: m.reason, by: null, at }));
      if (out.matched.length < SUMMARY_LIST_LIMIT) out.matched.push({ row: m.row, transfer: m.transferIds[0]!, transfers: m.transferIds, rule: m.rule, reason: m.reason });
    }
    for (const q of result.queued) {
      w.putRow({ ...base, identity: q.row.identity, row: q.row, status: 'queued', transferIds: [], rule: null, code: q.code, reason: q.reason, candidates: q.candidates });
      w.audit({ transferId: q.candidates[0]?.transferId ?? null, rowIdentity: q.row.identity, action: 'queued', by: opts.user.username, at, detail: `${q.code}: ${q.reason}` });
      if (out.queued.length < SUMMARY_LIST_LIMIT) out.queued.push({ row: q.row, candidates: q.candidates, code: q.code, reason: q.reason });
    }
    for (const r of result.unmatched) {
      w.putRow({ ...base, identity: r.identity, row: r, status: 'unmatched', transferIds: [], rule: null, reason: '没有可能的订单' });
    }
    w.audit({
      transferId: null, rowIdentity: null, action: 'imported', by: person(opts.user).username, at,
      detail: `${name} (${parsed.layout}): ${out.credits} credits, ${out.imported} new, ${out.duplicates} already imported; ${out.counts.matched} matched, ${out.counts.queued} queued, ${out.counts.unmatched} unmatched`
        + (parsed.heldBack ? `; line ${parsed.heldBack.line} held back (file cut off)` : ''),
    });
    return { summary: out, paid: paidNow };
  });
  deps.logger.info({ importId, layout: summary.layout, credits: summary.credits, imported: summary.imported, matched: summary.counts.matched, queued: summary.counts.queued, unmatched: summary.counts.unmatched }, 'bank statement imported');
  await announcePaid(paid, deps);
  return summary;
}
