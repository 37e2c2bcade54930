import express, { type Router } from 'express';
import { systemClock, type Clock } from '../../shared/time.js';
import { QUERY_PATH } from '../kuaidi100/wire.js';
import { SANDBOX_KUAIDI100, SANDBOX_KUAIDI100_BASE } from './credentials.js';
import type { SandboxParcelSource } from './parcel-source.js';
import { answerQuery } from './query-answer.js';

export interface SandboxCourierOptions {
  clock?: Clock;
  customer?: string;
  key?: string;
}

/**
 * The sandbox courier: `POST /kuaidi100/poll/query.do` (the app mounts it under /sandbox) speaking the
 * kuaidi100 protocol over the sandbox shop's parcels. Like kuaidi100 it answers HTTP 200 with
 * `{result:false, returnCode}` for refusals.
 */
export function createKuaidi100SandboxRouter(source: SandboxParcelSource, opts: SandboxCourierOptions = {}): Router {
  const clock = opts.clock ?? systemClock;
  const customer = opts.customer ?? SANDBOX_KUAIDI100.customer;
  const key = opts.key ?? SANDBOX_KUAIDI100.key;
  const router = express.Router();
  router.post(
    SANDBOX_KUAIDI100_BASE + QUERY_PATH,
    express.urlencoded({ extended: false, limit: '16kb' }),
    (req, res) => {
      const form = (req.body ?? {}) as Record<string, unknown>;
      res.json(answerQuery(form, { source, now: clock.now(), customer, key }));
    },
  );
  return router;
}
