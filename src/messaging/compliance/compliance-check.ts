/**
 * The one check of everything that leaves for a buyer: a message's typed values and its rendered text when queued,
 * the text again when it is sent, a quick reply rendered or edited by a person. A refusal names the phrase, its
 * category and a compliant wording, so the person can rewrite at once instead of guessing what was wrong.
 */
import { ValidationError } from '../../shared/errors.js';
import {
  CATEGORY_SUGGESTIONS,
  COMPLIANCE_CATEGORY_LABELS,
  COMPLIANCE_PHRASES,
  findPhrases,
  preparePhrases,
  type ComplianceRule,
} from '../templates/index.js';

export interface OutgoingFinding {
  phrase: string;
  category: ComplianceRule;
  /** The category's name for staff. */
  categoryLabel: string;
  /** A compliant wording to use instead. */
  suggestion: string;
}

/** Where the phrases come from: the phrase book in the service; the built-in list where there is no store. */
export interface PhraseSource {
  phrases(): ReturnType<typeof preparePhrases>;
}

export function builtInPhrases(): PhraseSource {
  const prepared = preparePhrases(COMPLIANCE_PHRASES);
  return { phrases: () => prepared };
}

export function createComplianceCheck(source: PhraseSource = builtInPhrases()) {
  function scan(text: string): OutgoingFinding[] {
    return findPhrases(text, source.phrases()).map((p) => ({
      phrase: p.phrase,
      category: p.rule,
      categoryLabel: COMPLIANCE_CATEGORY_LABELS[p.rule],
      suggestion: p.suggestion ?? CATEGORY_SUGGESTIONS[p.rule],
    }));
  }

  /** Throws (400) for the first phrase found in `text`, naming `field`. */
  function refuseText(text: string, field: string, code = 'non_compliant_text'): void {
    const hit = scan(text)[0];
    if (hit) throw refusal(hit, field, code);
  }

  /**
   * Each typed value first (the refusal names its field), then the whole rendered text: a phrase made of the
   * template's words and a value together (返 + 现) is caught there.
   */
  function refuseValues(values: Readonly<Record<string, string>>, text: string): void {
    for (const [name, value] of Object.entries(values)) refuseText(value, `values.${name}`, 'non_compliant_value');
    refuseText(text, 'values', 'non_compliant_value');
  }

  return { scan, refuseText, refuseValues };
}

export type ComplianceCheck = ReturnType<typeof createComplianceCheck>;

export function refusal(hit: OutgoingFinding, field: string, code: string): ValidationError {
  return new ValidationError({
    message: `内容里有不能发给买家的说法：“${hit.phrase}”（${hit.categoryLabel}），平台规则不允许。可以这样说：“${hit.suggestion}”`,
    code,
    field,
    params: { phrase: hit.phrase, category: hit.category, suggestion: hit.suggestion },
  });
}
