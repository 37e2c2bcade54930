/** Every problem found while loading templates, thrown together so start-up stops once with the whole list. */
import { ValidationError } from '../../shared/errors.js';

export type FindingRule = 'front-matter' | 'metadata' | 'parse' | 'variables' | 'duplicate' | 'compliance' | 'render';

export interface TemplateFinding {
  /** Path as given to the loader (relative to its directory when possible). */
  file: string;
  line: number;
  rule: FindingRule;
  message: string;
  /** The banned phrase, for compliance findings. */
  phrase?: string;
}

export function formatFinding(f: TemplateFinding): string {
  return `${f.file}:${f.line} [${f.rule}] ${f.message}`;
}

export class TemplateError extends ValidationError {
  readonly findings: readonly TemplateFinding[];
  constructor(findings: readonly TemplateFinding[]) {
    const n = findings.length;
    super(
      `templates failed to load (${n} problem${n === 1 ? '' : 's'}):\n${findings.map((f) => `  ${formatFinding(f)}`).join('\n')}`,
      'templates',
      'template_invalid',
    );
    this.findings = findings;
  }
}
