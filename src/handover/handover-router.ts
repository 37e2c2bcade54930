/**
 * /api/handover: the report as JSON (`?shift=day|night&date=`, or `format=markdown`), acknowledging a
 * handover, diary notes.
 */
import { Router } from 'express';
import { z } from 'zod';
import type { User } from '../accounts/index.js';
import { currentUser, fieldLabels } from '../http/index.js';
import { shopDate } from '../shared/shop-date.js';
import { shanghaiDate, type Clock } from '../shared/time.js';
import type { HandoverRecord, DiaryNote } from './handover-records.js';
import type { HandoverReport } from './handover-report.js';
import { currentShift, SHIFT_NAMES, type ShiftName, type ShiftTable } from './shifts.js';

const date = shopDate;
const reportQuery = z.object({
  shift: z.enum(SHIFT_NAMES).optional(),
  date: date.optional(),
  format: z.enum(['json', 'markdown']).default('json'),
});
const ackBody = z.object({ shift: z.enum(SHIFT_NAMES), date }).strict();
const diaryBody = z
  .object({ text: z.string().min(1).max(2000), shift: z.enum(SHIFT_NAMES).optional(), date: date.optional() })
  .strict();

export interface HandoverApi {
  report(shift: ShiftName, date: string): Promise<HandoverReport>;
  markdown(shift: ShiftName, date: string): Promise<string>;
  acknowledge(shift: ShiftName, date: string, user: User): Promise<HandoverRecord>;
  addNote(input: { shift: ShiftName; date: string; text: string }, user: User): Promise<DiaryNote>;
}

export function handoverRouter(deps: { handover: HandoverApi; clock: Clock; shifts: () => ShiftTable }): Router {
  const r = Router();
  const now = () => currentShift(deps.clock.now(), deps.shifts());
  r.get('/', async (req, res) => {
    const q = reportQuery.parse(req.query);
    const shift = q.shift ?? now().shift;
    const day = q.date ?? (q.shift ? shanghaiDate(deps.clock.now()) : now().date);
    if (q.format === 'markdown')
      res.type('text/markdown; charset=utf-8').send(await deps.handover.markdown(shift, day));
    else res.json({ report: await deps.handover.report(shift, day) });
  });
  r.post('/ack', async (req, res) => {
    const body = ackBody.parse(req.body);
    res.json({ handover: await deps.handover.acknowledge(body.shift, body.date, currentUser(req)) });
  });
  r.post('/diary', async (req, res) => {
    const body = diaryBody.parse(req.body);
    const at = now();
    res.status(201).json({
      note: await deps.handover.addNote(
        { text: body.text, shift: body.shift ?? at.shift, date: body.date ?? at.date },
        currentUser(req),
      ),
    });
  });
  r.use(fieldLabels({ shift: '班次', format: '格式', text: '日记内容' }));
  return r;
}
