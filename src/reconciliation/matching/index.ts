export { matchCredits, matchCreditsNaive, matchCreditsYielding } from './match-credits.js';
export { allocateUniqueAmount, makeReference, REFERENCE_ALPHABET, REFERENCE_LENGTH } from './unique-amount.js';
export { isIntermediary, normalizeName } from './payer-names.js';
export { exactSubsets } from './subset-sum.js';
export { QUEUE_REASONS } from './match-candidates.js';
export type {
  Candidate,
  Claim,
  MatchOptions,
  MatchResult,
  MatchRule,
  MatchedCredit,
  OpenTransfer,
  QueueCode,
  QueuedCredit,
} from './matching-types.js';
