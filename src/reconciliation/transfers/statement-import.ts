/**
 * The keeper's statement import: the file is parsed whole on a worker thread (or refused whole, nothing changed),
 * rows already imported are skipped by their bank identity, and the new credits are matched against the open
 * orders and stored without holding the event loop (importStatement says how), so the summary is what was stored.
 */
import { randomUUID } from 'node:crypto';
import type { User } from '../../accounts/index.js';
import { eventLoopSlices } from '../../shared/event-loop-slices.js';
import type { Logger } from '../../shared/logger.js';
import { toInstant, type Clock } from '../../shared/time.js';
import {
  matchCredits,
  matchCreditsYielding,
  type Candidate,
  type Claim,
  type MatchRule,
  type OpenTransfer,
  type QueueCode,
  type QueuedCredit,
} from '../matching/index.js';
import {
  parseStatementInWorker,
  type BankId,
  type BankLayoutId,
  type HeldBackRow,
  type MappingProfile,
  type StatementCredits,
  type StatementRow,
} from '../statement/index.js';
import { announcePaid, applyPayment } from './transfer-payment.js';
import type { MessageSink, FollowUpOpener } from './transfer-ports.js';
import { isOpen, type TransferRepository, type Writer } from './transfer-repository.js';
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
  tasks?: FollowUpOpener;
  messages?: MessageSink;
}

export function openForMatching(orders: readonly TransferOrder[]): { transfers: OpenTransfer[]; claims: Claim[] } {
  const open = orders.filter(isOpen);
  return {
    transfers: open.map((t) => ({
      id: t.id,
      buyerNick: t.buyerNick,
      buyerName: t.buyerName,
      amountDueFen: t.amountDueFen,
      uniqueAmountFen: t.uniqueHeld ? t.uniqueAmountFen : null,
      reference: t.reference,
      createdAt: t.createdAt,
      overseas: t.overseas,
    })),
    claims: open.flatMap((t) =>
      t.claims.map((c) => ({
        transferId: t.id,
        date: c.date,
        method: c.method,
        bankName: c.bankName,
        payerName: c.payerName,
        amountFen: c.amountFen,
        recordedAt: c.recordedAt,
      })),
    ),
  };
}

/** Queued and unmatched rows stored per transaction: each commit serializes a few milliseconds of rows. */
const ROWS_PER_WRITE = 250;

/** The import running for each repository: imports are stored one at a time (see importStatement). */
const importing = new WeakMap<TransferRepository, Promise<unknown>>();

/**
 * Parses the file on the worker thread (refused whole, nothing changed, when it cannot be read), then stores it on
 * the main thread in slices, one import at a time in this process: two overlapping files imported at once must not
 * both take a row as new. Matching pauses every few hundred credits against a snapshot of the open orders; the
 * payments are written first, in one transaction that decides again if the orders changed or another import stored
 * some of the rows meanwhile (on PostgreSQL another instance's import does not wait for this process's queue: the
 * transaction reads the rows, so the store runs it again if that import commits first); the queued and unmatched
 * rows follow in transactions of ROWS_PER_WRITE, each skipping a row stored by then, with the event loop free
 * between them, and the audit's 'imported' line last, counting what was stored. Should the service stop midway,
 * the rows stored so far stay, and importing the file again adds the rest.
 */
export async function importStatement(
  deps: ImportDeps,
  bytes: Buffer,
  name: string,
  opts: { bank?: BankLayoutId | BankId; profile?: MappingProfile; user: User },
): Promise<ImportSummary> {
  const parsed = await parseStatementInWorker(
    { name, bytes },
    { ...(opts.bank ? { bank: opts.bank } : {}), ...(opts.profile ? { profile: opts.profile } : {}) },
  );
  const before = importing.get(deps.repo) ?? Promise.resolve();
  const run = before.then(() => storeStatement(deps, parsed, name, opts.user));
  importing.set(
    deps.repo,
    run.catch(() => undefined),
  );
  return run;
}

async function storeStatement(
  deps: ImportDeps,
  parsed: StatementCredits,
  name: string,
  user: User,
): Promise<ImportSummary> {
  const pause = eventLoopSlices();
  const importId = randomUUID();
  const at = toInstant(deps.clock.now());
  const fresh: StatementRow[] = [];
  const rowsBefore = deps.repo.rowCount();
  for (const r of parsed.credits) {
    if (!deps.repo.row(r.identity)) fresh.push(r);
    const paused = pause();
    if (paused) await paused;
  }
  const snapshot = openForMatching(deps.repo.all());
  const first = await matchCreditsYielding(fresh, snapshot.transfers, snapshot.claims, pause);
  let result = first;
  const base = { importId, importedAt: at, candidates: [] as Candidate[], code: null };
  const paid = await deps.repo.write((w) => {
    const now = openForMatching(deps.repo.all());
    // Rows another import stored since `fresh` was taken (on PostgreSQL, another instance's import of an
    // overlapping file): read here, inside the transaction, so the store runs this again should one land before
    // the commit. Each run decides from `fresh` and `first` anew: the store may run it more than once. Counting
    // reads the whole collection, so it protects as well as a look-up per row; the rows are looked up only when
    // the count moved (85,000 look-ups tracked by the PostgreSQL store held the event loop 0.5 to 1 s).
    const still = deps.repo.rowCount() === rowsBefore ? fresh : fresh.filter((r) => !deps.repo.row(r.identity));
    // An order created, cancelled or paid while the matcher paused, or a row taken by another import: decide
    // again against the orders and the rows as they are.
    result =
      still.length === fresh.length && JSON.stringify(now) === JSON.stringify(snapshot)
        ? first
        : matchCredits(still, now.transfers, now.claims);
    const paidNow: TransferOrder[] = [];
    for (const m of result.matched) {
      w.putRow({
        ...base,
        identity: m.row.identity,
        row: m.row,
        status: 'matched',
        transferIds: m.transferIds,
        rule: m.rule,
        reason: m.reason,
      });
      paidNow.push(
        ...applyPayment(w, {
          transferIds: m.transferIds,
          rowIdentities: [m.row.identity],
          receivedFen: m.row.amountFen,
          rule: m.rule,
          reason: m.reason,
          by: null,
          at,
        }),
      );
    }
    return paidNow;
  });
  // Each write answers the rows it stored: one another import stored by then (another instance's, on PostgreSQL)
  // is left as it is, neither row nor audit line, so a matched row is never overwritten as queued or unmatched.
  const queuedWrites: Promise<QueuedCredit[]>[] = [];
  const unmatchedWrites: Promise<StatementRow[]>[] = [];
  const write = <T>(writes: Promise<T[]>[], fn: (w: Writer) => T[]) => {
    const done = deps.repo.write(fn);
    done.catch(() => undefined); // awaited below with the others; a failure must not count as unhandled meanwhile
    writes.push(done);
  };
  const isNew = (r: StatementRow) => !deps.repo.row(r.identity);
  for (let i = 0; i < result.queued.length; i += ROWS_PER_WRITE) {
    const slice = result.queued.slice(i, i + ROWS_PER_WRITE);
    write(queuedWrites, (w) => {
      const stored = slice.filter((q) => isNew(q.row));
      for (const q of stored) {
        w.putRow({
          ...base,
          identity: q.row.identity,
          row: q.row,
          status: 'queued',
          transferIds: [],
          rule: null,
          code: q.code,
          reason: q.reason,
          candidates: q.candidates,
        });
        w.audit({
          transferId: q.candidates[0]?.transferId ?? null,
          rowIdentity: q.row.identity,
          action: 'queued',
          by: user.username,
          at,
          // The code stays on the queued row; the person reads the reason.
          detail: q.reason,
        });
      }
      return stored;
    });
    await pause();
  }
  for (let i = 0; i < result.unmatched.length; i += ROWS_PER_WRITE) {
    const slice = result.unmatched.slice(i, i + ROWS_PER_WRITE);
    write(unmatchedWrites, (w) => {
      const stored = slice.filter(isNew);
      for (const r of stored) {
        w.putRow({
          ...base,
          identity: r.identity,
          row: r,
          status: 'unmatched',
          transferIds: [],
          rule: null,
          reason: '没有可能的订单',
        });
      }
      return stored;
    });
    await pause();
  }
  const queued = (await Promise.all(queuedWrites)).flat();
  const unmatched = (await Promise.all(unmatchedWrites)).flat();
  const counts = { matched: result.matched.length, queued: queued.length, unmatched: unmatched.length };
  const imported = counts.matched + counts.queued + counts.unmatched;
  const firstOf = <T>(list: readonly T[]) => list.slice(0, SUMMARY_LIST_LIMIT);
  const summary: ImportSummary = {
    importId,
    layout: parsed.layout,
    imported,
    duplicates: parsed.credits.length - imported,
    credits: parsed.credits.length,
    matched: firstOf(result.matched).map((m) => ({
      row: m.row,
      transfer: m.transferIds[0]!,
      transfers: m.transferIds,
      rule: m.rule,
      reason: m.reason,
    })),
    queued: firstOf(queued).map((q) => ({ row: q.row, candidates: q.candidates, code: q.code, reason: q.reason })),
    unmatched: firstOf(unmatched),
    heldBack: parsed.heldBack,
    counts,
    listLimit: SUMMARY_LIST_LIMIT,
  };
  // Written once the rows are, so its counts are what this import stored.
  await deps.repo.write((w) =>
    w.audit({
      transferId: null,
      rowIdentity: null,
      action: 'imported',
      by: person(user).username,
      at,
      detail:
        `${name}（${parsed.layout}）：流水 ${summary.credits} 笔，新增 ${summary.imported} 笔，已导入过 ${summary.duplicates} 笔；` +
        `匹配 ${counts.matched} 笔，待确认 ${counts.queued} 笔，未匹配 ${counts.unmatched} 笔` +
        (parsed.heldBack ? `；第 ${parsed.heldBack.line} 行未导入（文件不完整）` : ''),
    }),
  );
  deps.logger.info(
    { importId, layout: summary.layout, credits: summary.credits, imported: summary.imported, ...counts },
    'bank statement imported',
  );
  await announcePaid(paid, deps);
  return summary;
}
