/** Mounted at /api/buyers: staff record that a buyer wants no more messages (never again). */
import { Router } from 'express';
import { currentUser } from '../../http/index.js';
import type { MessageService } from '../outbound/message-service.js';

export function buyersRouter(service: MessageService): Router {
  const r = Router();
  r.post('/:nick/opt-out', async (req, res) => {
    const result = await service.optOut(req.params.nick, currentUser(req));
    res.status(201).json(result);
  });
  r.get('/:nick/opt-out', (req, res) => {
    res.json({ nick: req.params.nick, optedOut: service.isOptedOut(req.params.nick) });
  });
  return r;
}
