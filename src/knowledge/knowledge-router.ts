/**
 * /api/knowledge: search and read entries (everyone), write them (keeper and admin: the role table and the service),
 * log a question nobody could answer (everyone) and answer it (keeper and admin). /api/suggest: suggested replies.
 */
import { Router } from 'express';
import { z } from 'zod';
import { currentUser, fieldLabels } from '../http/index.js';
import { KNOWLEDGE_CATEGORIES, KNOWLEDGE_CATEGORY_LABELS } from './entry.js';
import type { KnowledgeService } from './knowledge-service.js';
import type { Suggester } from './suggest.js';
import { UNANSWERED_STATE_LABELS, UNANSWERED_STATES } from './unanswered.js';
import type { UnansweredService } from './unanswered-service.js';

const tid = z
  .string()
  .regex(/^\d{1,25}$/, 'tid is digits only')
  .nullish();
const content = z
  .object({
    question: z.string().min(1).max(200),
    answer: z.string().min(1).max(2000),
    category: z.enum(KNOWLEDGE_CATEGORIES),
    tags: z.array(z.string().min(1).max(20)).max(20).default([]),
  })
  .strict();
const searchQuery = z.object({
  q: z.string().max(200).default(''),
  category: z.enum(KNOWLEDGE_CATEGORIES).optional(),
});
const logBody = z.object({ question: z.string().min(1).max(500), tid }).strict();
const listQuery = z.object({ state: z.enum([...UNANSWERED_STATES, 'all']).default('open') });
const answerBody = z.union([z.object({ entryId: z.string().min(1).max(64) }).strict(), content]);
const suggestBody = z.object({ text: z.string().max(1000), tid }).strict();

const labels = fieldLabels({
  question: '问题',
  answer: '回答',
  category: { label: '分类', values: KNOWLEDGE_CATEGORY_LABELS },
  tags: '标签',
  q: '搜索内容',
  state: { label: '问题状态', values: { ...UNANSWERED_STATE_LABELS, all: '全部' } },
  entryId: '知识条目',
  text: '买家的话',
  tid: '订单号',
});

export function knowledgeRouter(deps: { entries: KnowledgeService; unanswered: UnansweredService }): Router {
  const { entries, unanswered } = deps;
  const r = Router();
  r.get('/', (req, res) => {
    const q = searchQuery.parse(req.query);
    const found = entries.search(q.q, q.category ? { category: q.category } : {});
    res.json({ total: found.length, entries: found });
  });
  r.post('/', async (req, res) =>
    res.status(201).json({ entry: await entries.create(content.parse(req.body), currentUser(req)) }),
  );
  r.get('/unanswered', (req, res) => {
    const q = listQuery.parse(req.query);
    res.json({ questions: unanswered.list(q.state === 'all' ? undefined : q.state) });
  });
  r.post('/unanswered', async (req, res) => {
    const b = logBody.parse(req.body);
    res
      .status(201)
      .json({ question: await unanswered.log({ question: b.question, tid: b.tid ?? null }, currentUser(req)) });
  });
  r.post('/unanswered/:id/answer', async (req, res) =>
    res.json(await unanswered.answer(req.params.id, answerBody.parse(req.body), currentUser(req))),
  );
  r.get('/:id', (req, res) => res.json({ entry: entries.get(req.params.id) }));
  r.put('/:id', async (req, res) =>
    res.json({ entry: await entries.edit(req.params.id, content.parse(req.body), currentUser(req)) }),
  );
  r.delete('/:id', async (req, res) => res.json({ entry: await entries.remove(req.params.id, currentUser(req)) }));
  r.use(labels);
  return r;
}

export function suggestRouter(deps: { suggester: Suggester }): Router {
  const r = Router();
  r.post('/', async (req, res) => {
    const b = suggestBody.parse(req.body);
    res.json(await deps.suggester.suggest({ text: b.text, ...(b.tid ? { tid: b.tid } : {}) }, currentUser(req)));
  });
  r.use(labels);
  return r;
}
