/**
 * /api/search (find anyone fast) and /api/buyers/:nick (the buyer page, and the profile the staff keep). The opt-out
 * routes under /api/buyers stay with messaging, which mounts its router at the same place. Nothing here logs a query
 * or a profile: a search may hold a phone's digits, a profile an ID number.
 */
import { Router } from 'express';
import { z } from 'zod';
import { currentUser, fieldLabels } from '../http/index.js';
import { CONTACT_PREFERENCES, PROFILE_FIELD_LABELS as F } from './buyer-labels.js';
import type { BuyersService } from './buyers-service.js';

const searchQuery = z.object({
  q: z.string().trim().min(1, '请输入昵称、订单号、运单号、收货人或手机尾号').max(64),
  limit: z.coerce.number().int().min(1).max(50).default(20),
});

const nullableText = (max: number) => z.string().max(max).nullable().optional();
const profileBody = z
  .object({
    birthday: nullableText(10),
    idNumber: nullableText(18),
    preferredCourier: nullableText(32),
    contact: z.enum(CONTACT_PREFERENCES).nullable().optional(),
    notes: z.string().max(1000).optional(),
  })
  .strict();

export function searchRouter(service: BuyersService): Router {
  const r = Router();
  r.get('/', (req, res) => {
    const q = searchQuery.parse(req.query);
    res.json(service.search(q.q, q.limit));
  });
  r.use(fieldLabels({ q: '搜索内容', limit: '条数' }));
  return r;
}

export function buyersRouter(service: BuyersService): Router {
  const r = Router();
  r.get('/:nick', (req, res) => {
    // Masked for every role, as on the order page: a receiver in full is revealed per order, logged (src/privacy).
    res.json(service.story(req.params.nick));
  });
  r.put('/:nick/profile', async (req, res) => {
    const body = profileBody.parse(req.body ?? {});
    res.json({ profile: await service.saveProfile(req.params.nick, body, currentUser(req)) });
  });
  r.use(
    fieldLabels({
      birthday: { label: F.birthday, example: '1990-05-20' },
      idNumber: F.idNumber,
      preferredCourier: F.preferredCourier,
      contact: F.contact,
      notes: F.notes,
    }),
  );
  return r;
}
