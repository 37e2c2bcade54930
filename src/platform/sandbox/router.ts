import express, { type Request, type Response, type Router } from 'express';
import { type TopErrorBody, responseKey } from '../top/wire.js';
import type { Clock } from '../../shared/time.js';
import { type SandboxFaults, faultSettingsSchema } from './faults.js';
import { createRng } from './generator/prng.js';
import { createOaidMethods } from './oaid-methods.js';
import { checkRequest, requestParams } from './gateway.js';
import { refundMethods } from './refund-methods.js';
import { reviewLogisticsMethods } from './review-logistics-methods.js';
import type { SandboxShop } from './shop.js';
import { E } from './top-errors.js';
import { toXml } from './top-xml.js';
import { tmcMethods } from './tmc/tmc-methods.js';
import { tradeMethods } from './trade-methods.js';
import { toJsonText } from './wire-trade.js';

export interface SandboxRouterOptions {
  /** Defaults to the shop's own fault switches. */
  faults?: SandboxFaults;
  /** Defaults to the shop's clock; the timestamp check uses it. */
  clock?: Clock;
  /** For latency faults; tests pass a fake. */
  sleep?: (ms: number) => Promise<void>;
  /** Receivers the app may decrypt per Shanghai day (taobao.top.oaid.decrypt); 0 refuses every decrypt. */
  decryptQuotaPerDay?: number;
}

/** Generous enough for a day of the living shop; the config key platform.decryptQuotaPerDay sets it. */
export const DEFAULT_DECRYPT_QUOTA_PER_DAY = 5000;

const METHODS = { ...tradeMethods, ...reviewLogisticsMethods, ...refundMethods, ...tmcMethods };

/**
 * The sandbox's Taobao Open Platform gateway: `GET|POST /router/rest` (mounted at /sandbox), answering
 * as the real gateway does (HTTP 200 with error_response, json or xml), plus `GET|POST /faults` to
 * switch faults at runtime.
 */
export function createSandboxRouter(shop: SandboxShop, opts: SandboxRouterOptions = {}): Router {
  const faults = opts.faults ?? shop.faults;
  const clock = opts.clock ?? shop.clock;
  const sleep = opts.sleep ?? ((ms: number) => new Promise<void>((r) => setTimeout(r, ms)));
  const ids = createRng(shop.seed ^ 0x7091);
  const oaid = createOaidMethods({ clock, quotaPerDay: opts.decryptQuotaPerDay ?? DEFAULT_DECRYPT_QUOTA_PER_DAY });
  const methods = { ...METHODS, ...oaid.methods };
  const requestId = () =>
    `${ids.int(1, 35).toString(36)}${Math.floor(ids.next() * 36 ** 8)
      .toString(36)
      .padStart(8, '0')}`.slice(0, 13);
  const router = express.Router();

  const send = (
    res: Response,
    format: 'json' | 'xml',
    key: string,
    body: Record<string, unknown>,
    truncate = false,
  ) => {
    const withId = { ...body, request_id: requestId() };
    let text = format === 'json' ? toJsonText({ [key]: withId }) : toXml(key, withId);
    if (truncate) text = text.slice(0, Math.max(1, Math.floor(text.length / 2)));
    res
      .status(200)
      .type(format === 'json' ? 'application/json;charset=UTF-8' : 'text/xml;charset=UTF-8')
      .send(text);
  };
  const sendError = (res: Response, format: 'json' | 'xml', error: TopErrorBody) =>
    send(res, format, 'error_response', { ...error });

  router.all('/router/rest', express.urlencoded({ extended: false }), async (req: Request, res: Response) => {
    const params = requestParams(req.query, req.body);
    const format = params.format === 'json' ? 'json' : 'xml';
    if (req.method !== 'GET' && req.method !== 'POST') return sendError(res, format, E.httpActionNotAllowed());
    const latency = faults.settings().latencyMs;
    if (latency > 0) await sleep(latency);
    const checked = checkRequest(params, clock.now());
    if (!checked.ok) return sendError(res, checked.format, checked.error);
    const fault = faults.decide();
    if (fault.kind === 'ban') return sendError(res, format, E.appCallLimited(fault.remainingSeconds));
    if (fault.kind === 'isp') return sendError(res, format, E.isp(fault.variant));
    if (fault.kind === 'http5xx') {
      return res
        .status(fault.status)
        .type('text/html')
        .send(`<html><body><h1>${fault.status}</h1>Tengine</body></html>`);
    }
    const result = await methods[checked.method as keyof typeof methods](shop, params);
    if (!result.ok) return sendError(res, format, result.error);
    send(res, format, responseKey(checked.method), result.body, fault.kind === 'malformed');
  });

  router.get('/faults', (_req, res) => {
    res.json(faults.settings());
  });
  router.post('/faults', express.json(), (req, res) => {
    const parsed = faultSettingsSchema.safeParse(req.body ?? {});
    if (!parsed.success) {
      const issue = parsed.error.issues[0]!;
      res
        .status(400)
        .json({ error: { code: 'invalid', message: issue.message, field: issue.path.join('.') || undefined } });
      return;
    }
    res.json(faults.set(parsed.data));
  });
  return router;
}
