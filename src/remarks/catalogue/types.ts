/** Shapes of the remark catalogue (备注规范, shared/spec/remarks.md). Data only; rendering lives in render.ts. */
import type { z } from 'zod';
import type { TradeCloseReason } from '../../platform/index.js';
import type { TaskType } from '../../tasks/index.js';

export const REMARK_ORDER_STATES = ['unpaid', 'paid_not_printed', 'printed'] as const;
export type RemarkOrderState = (typeof REMARK_ORDER_STATES)[number];

export const STATE_LABELS: Record<RemarkOrderState, string> = {
  unpaid: '未支付',
  paid_not_printed: '已支付，未打单',
  printed: '已打单',
};

/** Follow-up work a remark hands to a colleague: which task it opens for whom, or which one it closes. */
export interface Handoff {
  opens?: { type: TaskType; assignee: string };
  closes?: { type: TaskType };
}

/**
 * Who writes the entry. The suffix name is always the logged-in writer (谁处理，谁备注):
 * for `assistant` kinds that is the assistant, for `original_staff` kinds the staff who asked for the follow-up.
 */
export type RemarkWriter = 'staff' | 'assistant' | 'original_staff' | 'keeper';

/** How a form's hand-off names its assignee: the `assistant` field, or the writer of the entry. */
export interface HandoffRule {
  opens?: { type: TaskType; assignee: 'assistant' | 'writer' };
  closes?: { type: TaskType };
}

/**
 * One exact text of a kind. `{name}` placeholders are fields (amounts in fen, shown in yuan),
 * `{remaining}` (from the ledger), `{staff}` (logged-in writer) and `{date}`.
 */
export interface RemarkForm {
  variant: string;
  states: readonly RemarkOrderState[];
  /** Values this form is written for (e.g. type 'postage'): rendering matches them, parsing restores them. */
  fixed?: Readonly<Record<string, string | number | boolean>>;
  /** Optional fields whose presence selects this form over a later one. */
  needs?: readonly string[];
  template: string;
  /** Overrides the kind's flag for this form. */
  flag?: number | null;
  handoff?: HandoffRule;
  /**
   * The trade this entry says will be closed, with the platform's close reason: closed after the memo is written, once
   * (remarks/trade-close.ts). Only on unpaid forms; the platform refuses to close a paid trade.
   */
  closesTrade?: TradeCloseReason;
}

/** How a kind touches a ledger kept elsewhere: a balance debit, or a refund-register line. */
export type LedgerEffect = 'balance_debit' | 'refund_register';

export interface RemarkKind {
  id: string;
  title: string;
  writer: RemarkWriter;
  schema: z.ZodType<Record<string, unknown>>;
  forms: readonly RemarkForm[];
  flag: number | null;
  ledger?: LedgerEffect;
  /** Why the kind is refused in a state where it has no form, and which field the refusal names. */
  refusals?: Partial<Record<RemarkOrderState, { field: string; message: string }>>;
}

export interface BalanceDebit {
  type: 'balance_debit';
  amountFen: number;
  balanceBeforeFen: number;
  remainingFen: number;
}

export interface RefundRegisterEntry {
  reason: string;
  amountFen: number;
  channel: 'alipay' | 'bank';
  account: string;
  realName: string;
  bankName?: string;
  sku: string;
  staff: string;
}

export interface RenderedRemark {
  kind: string;
  variant: string;
  text: string;
  flag: number | null;
  writer: RemarkWriter;
  /** Normalized fields: trimmed text, amounts in integer fen, booleans parsed. */
  fields: Record<string, unknown>;
  handoff: Handoff | null;
  /** The platform's close reason when this form closes the (unpaid) trade. */
  closesTrade?: TradeCloseReason;
  ledger?: BalanceDebit;
  refund?: RefundRegisterEntry;
  /** The refund keeper's register line, when the buyer's nick was given. */
  registerLine?: string;
}
