import type { ErrorParams } from '../../shared/errors.js';
import type { ParsedStatement, StatementRow } from './statement-types.js';

/** What an import needs of a parsed statement: its credits and how it was read (not the debit rows). */
export interface StatementCredits extends Omit<ParsedStatement, 'rows'> {
  /** Rows read, credits and debits. */
  rowCount: number;
}

/** Main thread → parse worker: a file to parse, or 'more' once a batch of credits was read. */
export interface WorkerJob {
  name: string;
  bytes: Uint8Array;
  options: unknown;
}

/** Parse worker → main thread: credits in batches, then done; or failed, with the refusal when it is the file's. */
export type WorkerMessage =
  | { kind: 'credits'; credits: StatementRow[] }
  | { kind: 'done'; statement: Omit<StatementCredits, 'credits'> }
  | {
      kind: 'failed';
      refusal: { code: string; message: string; field?: string; params?: ErrorParams; detail?: string } | null;
      detail: string;
    };
