/**
 * Mounted at /api/compliance-phrases: the phrase list every outgoing text is checked against (built-in phrases and
 * the keeper's), adding and removing the keeper's (who from the login), and a check of a text a person is about to
 * send (the console asks before copying an edited reply).
 */
import { Router } from 'express';
import { z } from 'zod';
import { currentUser, fieldLabels } from '../../http/index.js';
import type { ComplianceCheck } from '../compliance/compliance-check.js';
import type { PhraseBook } from '../compliance/phrase-book.js';
import { COMPLIANCE_CATEGORIES, COMPLIANCE_CATEGORY_LABELS } from '../templates/index.js';

const LABELS = {
  phrase: '说法',
  category: { label: '类别', values: COMPLIANCE_CATEGORY_LABELS },
  suggestion: '建议改成',
  text: '要检查的内容',
};

const addBody = z.object({
  phrase: z.string().trim().min(1).max(30),
  category: z.enum(COMPLIANCE_CATEGORIES),
  suggestion: z.string().trim().max(100).optional(),
});
const checkBody = z.object({ text: z.string().max(2000) });

export function complianceRouter(book: PhraseBook, check: ComplianceCheck): Router {
  const r = Router();
  r.get('/', (_req, res) => {
    res.json({ categories: [...COMPLIANCE_CATEGORIES], phrases: book.list() });
  });
  r.post('/', async (req, res) => {
    const b = addBody.parse(req.body ?? {});
    const phrase = await book.add(
      { phrase: b.phrase, category: b.category, ...(b.suggestion ? { suggestion: b.suggestion } : {}) },
      currentUser(req),
    );
    res.status(201).json({ phrase });
  });
  r.post('/check', (req, res) => {
    const b = checkBody.parse(req.body ?? {});
    const findings = check.scan(b.text);
    res.json({ ok: findings.length === 0, findings });
  });
  r.delete('/:id', async (req, res) => {
    await book.remove(req.params.id, currentUser(req));
    res.json({ removed: req.params.id });
  });
  r.use(fieldLabels(LABELS));
  return r;
}
