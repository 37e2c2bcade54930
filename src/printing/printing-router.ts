/**
 * /api/print-batches: the day's batches, one batch by courier, "printed" as the logged-in person, and the warehouse
 * CSV. A thin shell: the rules are batch-service.ts's; a date or time off the list is refused in Chinese.
 */
import { Router } from 'express';
import { z } from 'zod';
import { currentUser, fieldLabels } from '../http/index.js';
import { ValidationError } from '../shared/errors.js';
import { shanghaiDate, type Clock } from '../shared/time.js';
import { batchCsv } from './batch-csv.js';
import type { PrintingService } from './batch-service.js';
import type { BatchKey } from './batch-rules.js';

const DATE = /^\d{4}-(0[1-9]|1[0-2])-(0[1-9]|[12]\d|3[01])$/;
const DATE_MESSAGE = '日期要写成“年-月-日”，例如 2026-11-23';
const dateQuery = z.object({ date: z.string().regex(DATE, DATE_MESSAGE).optional() });
const printedBody = z
  .object({
    tids: z
      .array(z.string().regex(/^\d{1,25}$/, '订单号只能是数字'))
      .max(5000)
      .optional(),
  })
  .strict();

export function printingRouter(deps: { printing: PrintingService; clock: Clock }): Router {
  const r = Router();
  const { printing } = deps;
  /** The time in a path is HHmm (1200) or HH:mm; it must be one of the configured batch times. */
  const keyOf = (params: Record<string, string | string[] | undefined>): BatchKey => {
    const date = String(params.date ?? '');
    const raw = String(params.time ?? '');
    const time = /^\d{4}$/.test(raw) ? `${raw.slice(0, 2)}:${raw.slice(2)}` : raw;
    if (!DATE.test(date))
      throw new ValidationError({ message: DATE_MESSAGE, code: 'invalid_date', field: 'date', params: { date } });
    if (!printing.times.includes(time))
      throw new ValidationError({
        message: `打单时间只有 ${printing.times.join('、')}`,
        code: 'unknown_batch_time',
        field: 'time',
        params: { time: raw, times: [...printing.times] },
      });
    return { date, time };
  };
  r.get('/', (req, res) => {
    const day = dateQuery.parse(req.query).date ?? shanghaiDate(deps.clock.now());
    res.json(printing.day(day));
  });
  r.get('/:date/:time', (req, res) => {
    res.json(printing.view(keyOf(req.params)));
  });
  r.post('/:date/:time/printed', async (req, res) => {
    const key = keyOf(req.params);
    const body = printedBody.parse(req.body ?? {});
    res.json(await printing.markPrinted(key, currentUser(req), body.tids));
  });
  r.get('/:date/:time/csv', (req, res) => {
    const key = keyOf(req.params);
    res.setHeader('Content-Type', 'text/csv; charset=utf-8');
    res.setHeader(
      'Content-Disposition',
      `attachment; filename="print-batch-${key.date}-${key.time.replace(':', '')}.csv"`,
    );
    res.send(batchCsv(printing.view(key)));
  });
  r.use(fieldLabels({ date: '日期', time: '打单时间', tids: '订单号' }));
  return r;
}
