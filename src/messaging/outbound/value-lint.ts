/**
 * The compliance lint of templates (templates/compliance-lint.ts) applied to what a person types into a message:
 * the template files pass it at start-up, but a value filled in by hand (a review repair's 解决办法) could still
 * bring 好评返现 or 加微信 into the text a buyer receives. Refused before anything is stored or queued.
 */
import { ValidationError } from '../../shared/errors.js';
import { lintCompliance } from '../templates/index.js';

/** Throws naming the first value (field `values.<name>`) that holds a phrase no buyer message may carry. */
export function refuseNonCompliant(values: Readonly<Record<string, string>>, text: string): void {
  for (const [name, value] of Object.entries(values)) {
    const hit = lintCompliance(value)[0];
    if (hit) throw refusal(hit.phrase, `values.${name}`);
  }
  // A phrase made of the template's words and a value together (返 + 现) is caught on the whole text.
  const hit = lintCompliance(text)[0];
  if (hit) throw refusal(hit.phrase, 'values');
}

function refusal(phrase: string, field: string): ValidationError {
  return new ValidationError({
    message: `填写的内容里有不能发给买家的说法：“${phrase}”（平台规则不允许），请改写后再发`,
    code: 'non_compliant_value',
    field,
    params: { phrase },
  });
}
