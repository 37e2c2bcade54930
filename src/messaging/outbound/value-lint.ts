/**
 * The compliance check (compliance/compliance-check.ts) applied to what a person types into a message:
 * the template files pass it at start-up, but a value filled in by hand (a review repair's 解决办法) could still
 * bring 好评返现 or 加微信 into the text a buyer receives. Refused before anything is stored or queued.
 */
import type { ComplianceCheck } from '../compliance/compliance-check.js';

/**
 * Throws naming the first value (field `values.<name>`) that holds a phrase no buyer message may carry, then checks
 * the whole text: a phrase made of the template's words and a value together (返 + 现) is caught there. The refusal
 * names the phrase, its category and a compliant wording (compliance/compliance-check.ts).
 */
export function refuseNonCompliant(
  check: ComplianceCheck,
  values: Readonly<Record<string, string>>,
  text: string,
): void {
  check.refuseValues(values, text);
}
