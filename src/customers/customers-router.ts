/** /api/intents (note, list, follow up) and /api/revisits (the day's list, record an outcome). */
import { Router } from 'express';
import { z } from 'zod';
import { currentUser, fieldLabels } from '../http/index.js';
import { shopDate } from '../shared/shop-date.js';
import { shanghaiDate, type Clock } from '../shared/time.js';
import type { Intents } from './intents.js';
import type { Revisits } from './revisit-list.js';

const noteBody = z
  .object({
    buyerNick: z.string().min(1).max(64),
    items: z.string().max(500).default(''),
    hesitation: z.string().max(500).default(''),
  })
  .strict();
const followBody = z
  .object({ outcome: z.enum(['bought', 'not_interested', 'later']), note: z.string().max(500).optional() })
  .strict();
// Parsed as an object so a refusal names its field (日期, with an example) rather than an unnamed value.
const dateOf = z.object({ date: shopDate });
const outcomeBody = z.object({ buyerNick: z.string().min(1).max(64), outcome: z.string().min(1).max(500) }).strict();

export function intentsRouter(deps: { intents: Intents }): Router {
  const r = Router();
  r.get('/', (req, res) => res.json({ intents: deps.intents.list({ open: req.query.state !== 'all' }) }));
  r.post('/', async (req, res) =>
    res.status(201).json({ intent: await deps.intents.note(noteBody.parse(req.body), currentUser(req)) }),
  );
  r.post('/:id/follow-up', async (req, res) =>
    res.json({ intent: await deps.intents.followUp(req.params.id, followBody.parse(req.body), currentUser(req)) }),
  );
  r.use(
    fieldLabels({
      items: '商品',
      hesitation: '顾虑',
      outcome: { label: '跟进结果', values: { bought: '已购买', not_interested: '不感兴趣', later: '以后再说' } },
    }),
  );
  return r;
}

export function revisitsRouter(deps: { revisits: Revisits; clock: Clock }): Router {
  const r = Router();
  r.get('/', (req, res) => {
    const day = dateOf.parse({ date: req.query.date ?? shanghaiDate(deps.clock.now()) }).date;
    res.json({ list: deps.revisits.get(day) ?? { date: day, createdAt: null, entries: [] } });
  });
  r.post('/:date/outcome', async (req, res) => {
    const body = outcomeBody.parse(req.body);
    res.json({
      entry: await deps.revisits.recordOutcome(
        dateOf.parse({ date: req.params.date }).date,
        body.buyerNick,
        body.outcome,
        currentUser(req).username,
      ),
    });
  });
  r.use(fieldLabels({ outcome: '回访结果' }));
  return r;
}
