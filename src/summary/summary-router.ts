/**
 * Mounted at /api/summary: GET /week?week=YYYY-Www (default last week: on Monday morning, the week the meeting talks
 * about) and GET /complaints?month=YYYY-MM (default this month), JSON or, with format=markdown, the Markdown.
 * The week and month are checked by periods.ts (one Chinese refusal each); the format as the handover's is.
 */
import { Router } from 'express';
import { z } from 'zod';
import { fieldLabels } from '../http/index.js';
import { causesMarkdown, weeklyMarkdown } from './summary-markdown.js';
import type { SummaryService } from './summary-service.js';

const text = (v: unknown) => (typeof v === 'string' && v.trim() ? v : undefined);
const formatQuery = z.object({ format: z.enum(['json', 'markdown']).default('json') });

export function summaryRouter(service: SummaryService): Router {
  const r = Router();
  r.get('/week', async (req, res) => {
    const { format } = formatQuery.parse({ format: req.query.format });
    const summary = await service.week(text(req.query.week));
    if (format === 'markdown') res.type('text/markdown; charset=utf-8').send(weeklyMarkdown(summary));
    else res.json(summary);
  });
  r.get('/complaints', (req, res) => {
    const { format } = formatQuery.parse({ format: req.query.format });
    const analysis = service.complaintsByCause(text(req.query.month));
    if (format === 'markdown') res.type('text/markdown; charset=utf-8').send(causesMarkdown(analysis));
    else res.json(analysis);
  });
  r.use(fieldLabels({ format: '格式', week: '周', month: '月份' }));
  return r;
}
