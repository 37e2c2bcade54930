/**
 * Finds the phrases of compliance-phrases.ts (and the keeper's, passed in by messaging/compliance) in text: template
 * files line by line at load, and everything leaving for a buyer as one piece.
 */
import { toHalfWidth } from '../../shared/money.js';
import { COMPLIANCE_PHRASES, type CompliancePhrase } from './compliance-phrases.js';

export interface ComplianceFinding {
  line: number;
  phrase: string;
  rule: CompliancePhrase['rule'];
  why: string;
}

/**
 * Spaces, zero-width characters, punctuation and symbols (emoji too) are dropped and full-width letters folded, so
 * "加 微·信", "加Ｖ" and "好/评/返/现" still match. Letters, digits and Chinese characters stay.
 */
export function normalizeForCompliance(text: string): string {
  return toHalfWidth(text)
    .toLowerCase()
    .replace(/[\s\p{P}\p{S}\p{Cf}]/gu, '');
}

interface PreparedPhrase extends CompliancePhrase {
  key: string;
  exceptKeys: string[];
  /** A phrase of Latin letters alone (qq, vx) is matched as a word: a nick like vxiao must not trip it. */
  word: boolean;
}

export function preparePhrases(phrases: readonly CompliancePhrase[]): PreparedPhrase[] {
  return phrases
    .map((p) => {
      const key = normalizeForCompliance(p.phrase);
      return { ...p, key, exceptKeys: (p.except ?? []).map(normalizeForCompliance), word: /^[a-z]+$/.test(key) };
    })
    .filter((p) => p.key !== '');
}

const LATIN = /[a-z]/;

/** Whether `p` occurs in the normalized `text` somewhere not covered by one of its allowed words. */
function occurs(p: PreparedPhrase, text: string): boolean {
  for (let i = text.indexOf(p.key); i >= 0; i = text.indexOf(p.key, i + 1)) {
    if (p.word && (LATIN.test(text[i - 1] ?? '') || LATIN.test(text[i + p.key.length] ?? ''))) continue;
    const allowed = p.exceptKeys.some((ex) => {
      for (let j = text.indexOf(ex); j >= 0; j = text.indexOf(ex, j + 1))
        if (j <= i && j + ex.length >= i + p.key.length) return true;
      return false;
    });
    if (!allowed) return true;
  }
  return false;
}

/** The phrases found in one piece of text, longest first; a phrase inside a longer one found is not repeated. */
export function findPhrases(text: string, phrases: readonly PreparedPhrase[]): PreparedPhrase[] {
  const line = normalizeForCompliance(text);
  const hits = phrases.filter((p) => occurs(p, line)).sort((a, b) => b.key.length - a.key.length);
  const reported: PreparedPhrase[] = [];
  // The longest phrase wins so 好评返现 is reported once, not also as 返现.
  for (const hit of hits) if (!reported.some((r) => r.key.includes(hit.key))) reported.push(hit);
  return reported;
}

const BUILT_IN = preparePhrases(COMPLIANCE_PHRASES);

/** All findings of the whole file text; `firstLine` is the file line number of text's first line. */
export function lintCompliance(text: string, firstLine = 1): ComplianceFinding[] {
  const findings: ComplianceFinding[] = [];
  text.split(/\r?\n/).forEach((raw, i) => {
    for (const hit of findPhrases(raw, BUILT_IN))
      findings.push({ line: firstLine + i, phrase: hit.phrase, rule: hit.rule, why: hit.why });
  });
  return findings;
}
