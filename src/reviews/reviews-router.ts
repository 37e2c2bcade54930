/**
 * /api/reviews: the shop's neutral and bad reviews with their state, and what a person does to one: record a call,
 * queue the repair message, resolve, give up. A thin shell over the review book; the person acting is the login
 * (a body naming someone is refused by `.strict()`, never believed).
 */
import { Router } from 'express';
import { z } from 'zod';
import { currentUser, fieldLabels } from '../http/index.js';
import type { ReviewBook } from './review-book.js';
import {
  CALL_OUTCOME_LABELS,
  CALL_OUTCOMES,
  FINAL_STATES,
  REVIEW_STATES,
  stateText,
  type StoredReview,
} from './review-state.js';

const note = z.string().trim().max(500, '备注最多 500 字');
const callBody = z
  .object({
    outcome: z.enum(CALL_OUTCOMES, { message: `请选择电话结果：${Object.values(CALL_OUTCOME_LABELS).join('、')}` }),
    note: note.default(''),
  })
  .strict();
const messageBody = z
  .object({ values: z.record(z.string().max(64), z.string().trim().max(200, '每项最多 200 字')).default({}) })
  .strict();
const resolveBody = z.object({ note: note.default('') }).strict();
// A blank note reads 请填写备注 (the error table's words for an empty required field): giving up needs a reason.
const giveUpBody = z.object({ note: note.min(1) }).strict();
const listQuery = z.object({ state: z.enum([...REVIEW_STATES, 'open', 'all']).default('open') });

/** What the order page and the list show of a review: it as stored, its state in words, whether it is still worked. */
export const orderReviewView = (r: StoredReview) => ({
  ...r,
  stateText: stateText(r),
  open: !FINAL_STATES.has(r.state),
});

export function reviewsRouter(deps: { book: ReviewBook }): Router {
  const r = Router();
  r.get('/', (req, res) => {
    const q = listQuery.parse(req.query);
    const list =
      q.state === 'open' ? deps.book.open() : deps.book.all().filter((x) => q.state === 'all' || x.state === q.state);
    res.json({ reviews: list.map(orderReviewView) });
  });
  r.post('/:id/calls', async (req, res) => {
    const b = callBody.parse(req.body ?? {});
    const review = await deps.book.recordCall(req.params.id, currentUser(req), b.outcome, b.note);
    res.status(201).json({ review: orderReviewView(review) });
  });
  r.post('/:id/message', async (req, res) => {
    const b = messageBody.parse(req.body ?? {});
    const { review } = await deps.book.queueMessage(req.params.id, currentUser(req), b.values);
    res.status(201).json({ review: orderReviewView(review) });
  });
  r.post('/:id/resolve', async (req, res) => {
    const b = resolveBody.parse(req.body ?? {});
    res.json({ review: orderReviewView(await deps.book.resolve(req.params.id, currentUser(req), b.note)) });
  });
  r.post('/:id/give-up', async (req, res) => {
    const b = giveUpBody.parse(req.body ?? {});
    res.json({ review: orderReviewView(await deps.book.giveUp(req.params.id, currentUser(req), b.note)) });
  });
  r.use(fieldLabels({ outcome: '电话结果', note: '备注', values: '短信内容', state: '状态' }));
  return r;
}
