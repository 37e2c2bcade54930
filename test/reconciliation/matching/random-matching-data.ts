import type { StatementRow } from '../../../src/reconciliation/statement/index.js';
import type { Claim, OpenTransfer } from '../../../src/reconciliation/matching/index.js';
import { createRng } from '../../../src/shared/prng.js';

/** Seeded, so the same seed gives the same data run to run. */
export function seeded(seed: number): () => number {
  return createRng(seed).next;
}

const NAMES = ['张三', '李四', '王五', '赵六', '钱七', '孙八'];
const OTHERS = ['张父', '某某公司', '支付宝-张三', '财付通', '', '路人甲'];

/**
 * Small amount pools and few buyers on purpose: collisions (same amounts, shared names, several orders per
 * buyer, references and unique amounts) are what the rules are about.
 */
export function randomCase(seed: number, size: { transfers: number; credits: number; claims: number }) {
  const r = seeded(seed);
  const pick = <T>(xs: readonly T[]): T => xs[Math.floor(r() * xs.length)]!;
  const amounts = [5000, 10000, 18800, 28800, 30000, 38800];
  const transfers: OpenTransfer[] = Array.from({ length: size.transfers }, (_, i) => {
    const buyer = Math.floor(r() * NAMES.length);
    const due = pick(amounts);
    return {
      id: `T${i}`,
      buyerNick: `nick${buyer}`,
      buyerName: r() < 0.8 ? NAMES[buyer]! : null,
      amountDueFen: due,
      uniqueAmountFen: r() < 0.2 ? due + 1 + Math.floor(r() * 3) : null,
      reference: r() < 0.2 ? `R${Math.floor(r() * 8)}X` : null,
      createdAt: `2026-11-${String(10 + Math.floor(r() * 10)).padStart(2, '0')}T10:00:00+08:00`,
    };
  });
  const claims: Claim[] = Array.from({ length: size.claims }, () => {
    const t = pick(transfers);
    return {
      transferId: t.id,
      date: `2026-11-${String(12 + Math.floor(r() * 12)).padStart(2, '0')}`,
      method: '网银',
      payerName: r() < 0.5 ? pick([...NAMES, ...OTHERS]) : null,
      amountFen: r() < 0.7 ? t.amountDueFen : pick(amounts) + pick([0, 1, 2]),
      recordedAt: '2026-11-24T10:00:00+08:00',
    };
  });
  const credits: StatementRow[] = Array.from({ length: size.credits }, (_, i) => {
    const kind = r();
    const amountFen =
      kind < 0.4
        ? pick(amounts)
        : kind < 0.6
          ? pick(amounts) + 1 + Math.floor(r() * 3)
          : kind < 0.8
            ? pick(amounts) + pick(amounts)
            : Math.floor(r() * 50000) - 1000;
    return {
      line: i + 1,
      date: `2026-11-${String(8 + Math.floor(r() * 20)).padStart(2, '0')}`,
      time: null,
      amountFen,
      counterpartyName: r() < 0.6 ? pick(NAMES) : pick(OTHERS),
      counterpartyAccount: '',
      note: r() < 0.25 ? `货款 R${Math.floor(r() * 8)}X` : '转账',
      balanceFen: null,
      serial: null,
      identity: `id${i}`,
    };
  });
  return { transfers, claims, credits };
}
