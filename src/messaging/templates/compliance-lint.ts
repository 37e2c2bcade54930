/** Scans a template file line by line for the phrases in compliance-phrases.ts. */
import { toHalfWidth } from '../../shared/money.js';
import { COMPLIANCE_PHRASES, type CompliancePhrase } from './compliance-phrases.js';

export interface ComplianceFinding {
  line: number;
  phrase: string;
  rule: CompliancePhrase['rule'];
  why: string;
}

/** Spaces, zero-width characters and common filler punctuation are dropped so "加 微·信" still matches. */
function normalize(text: string): string {
  return toHalfWidth(text)
    .toLowerCase()
    .replace(/[\s\u200b-\u200d\u2060\ufeff·•*_~\-.。,，]/g, '');
}

const NORMALIZED = COMPLIANCE_PHRASES.map((p) => ({ ...p, key: normalize(p.phrase) }));

/** All findings of the whole file text; `firstLine` is the file line number of text's first line. */
export function lintCompliance(text: string, firstLine = 1): ComplianceFinding[] {
  const findings: ComplianceFinding[] = [];
  text.split(/\r?\n/).forEach((raw, i) => {
    const line = normalize(raw);
    // The longest phrase wins so 好评返现 is reported once, not also as 返现.
    const hits = NORMALIZED.filter((p) => line.includes(p.key)).sort((a, b) => b.key.length - a.key.length);
    const reported: string[] = [];
    for (const hit of hits) {
      if (reported.some((r) => r.includes(hit.key))) continue;
      reported.push(hit.key);
      findings.push({ line: firstLine + i, phrase: hit.phrase, rule: hit.rule, why: hit.why });
    }
  });
  return findings;
}
