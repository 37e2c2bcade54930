/** A buyer's question nobody could answer, logged with one click and answered later by the keeper. */

export interface UnansweredQuestion {
  id: string;
  question: string;
  tid: string | null;
  /** Who logged it (the logged-in person): the one told when it is answered. */
  askedBy: string;
  askedByName: string;
  askedAt: string;
  state: 'open' | 'answered';
  answeredBy: string | null;
  answeredByName: string | null;
  answeredAt: string | null;
  /** The entry that answers it, written or chosen by the keeper. */
  entryId: string | null;
}

export const UNANSWERED_STATES = ['open', 'answered'] as const;

/** What staff read for each state (GET /api/labels): the only copy. */
export const UNANSWERED_STATE_LABELS: Readonly<Record<UnansweredQuestion['state'], string>> = {
  open: '待回答',
  answered: '已回答',
};
