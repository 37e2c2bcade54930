/**
 * Mounted at /api/summary: GET /week?week=YYYY-Www (default last week: on Monday morning, the week the meeting talks
 * about) and GET /complaints?month=YYYY-MM (default this month), JSON or, with format=markdown, the Markdown.
 */
import { Router } from 'express';
import { ValidationError } from '../shared/errors.js';
import { causesMarkdown, weeklyMarkdown } from './summary-markdown.js';
import type { SummaryService } from './summary-service.js';

const text = (v: unknown) => (typeof v === 'string' && v.trim() ? v : undefined);

function format(v: unknown): 'json' | 'markdown' {
  if (v === undefined || v === 'json') return 'json';
  if (v === 'markdown') return 'markdown';
  throw new ValidationError({
    message: '格式只能是 json 或 markdown',
    code: 'format_invalid',
    field: 'format',
    params: { format: String(v) },
  });
}

export function summaryRouter(service: SummaryService): Router {
  const r = Router();
  r.get('/week', async (req, res) => {
    const as = format(req.query.format);
    const summary = await service.week(text(req.query.week));
    if (as === 'markdown') res.type('text/markdown; charset=utf-8').send(weeklyMarkdown(summary));
    else res.json(summary);
  });
  r.get('/complaints', (req, res) => {
    const as = format(req.query.format);
    const analysis = service.complaintsByCause(text(req.query.month));
    if (as === 'markdown') res.type('text/markdown; charset=utf-8').send(causesMarkdown(analysis));
    else res.json(analysis);
  });
  return r;
}
