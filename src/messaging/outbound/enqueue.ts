/**
 * Queuing a buyer message: the policy's refusals come back as values (opted out, already queued,
 * paid since...), never as exceptions, so the scheduler can count them. The text is rendered now,
 * from the order as it is, and the idempotency key is fixed before anything can be sent.
 */
import { NotFoundError, ValidationError } from '../../shared/errors.js';
import { parseInstant, toInstant } from '../../shared/time.js';
import { enqueueRefusal, firstSendTime, type EnqueueRefusal } from '../policy/send-policy.js';
import { checkState } from '../policy/state-checks.js';
import { endOfShanghaiDay } from '../policy/validity.js';
import type { WindowName } from '../policy/send-windows.js';
import { renderTemplate, type BuyerProfile, type PromptRef, type TransferInput } from '../templates/index.js';
import { MESSAGE_VALIDITY, type MessageKind } from '../templates/metadata.js';
import { idempotencyKey, messageIdFor, ORDER_KINDS, type BuyerChannelKind, type OutboundMessage } from './message.js';
import { nowInstant, type OutboundDeps } from './outbound-deps.js';
import { smsParams } from './sms-params.js';

export interface EnqueueRequest {
  kind: MessageKind;
  tid?: string;
  /** Needed when there is no order (birthday, transfers); must match the order's buyer otherwise. */
  buyerNick?: string;
  /** Why: 'scheduler:payment-reminder', 'staff'... shown in the console and the log. */
  reason: string;
  /** Epoch ms or an instant; default now. Quiet hours move it to the next allowed time. */
  dueAt?: number | string;
  /** Answers to the template's prompts (review repair's resolution, a refund amount). */
  values?: Record<string, string>;
  buyer?: Omit<BuyerProfile, 'nick'>;
  transfer?: TransferInput;
  /** The person queuing it (HTTP: the logged-in user); absent for the scheduler. */
  user?: { username: string; displayName: string };
}

export type EnqueueResult =
  | { queued: true; message: OutboundMessage; window: WindowName }
  | { queued: false; reason: EnqueueRefusal; detail?: string; message?: OutboundMessage; missing?: PromptRef[] };

export interface Preview {
  text: string;
  missingPrompts: PromptRef[];
  usedFallbacks: PromptRef[];
  channel: BuyerChannelKind;
  /** When it would first go out. */
  sendAt: string;
  window: WindowName;
  /** Null when it could be queued as it is. */
  refusal: { reason: EnqueueRefusal; detail?: string } | null;
}

export function createEnqueue(d: OutboundDeps) {
  function prepare(req: EnqueueRequest) {
    const template = d.templates.byKind(req.kind);
    if (!template)
      throw new NotFoundError({
        message: '没有这种消息的模板，请联系管理员',
        code: 'template_not_found',
        params: { kind: req.kind },
      });
    if (ORDER_KINDS.has(req.kind) && !req.tid)
      throw new ValidationError({
        message: '这种消息是关于订单的，请填写订单号',
        code: 'field_required',
        field: 'tid',
        params: { kind: req.kind },
      });
    const { order, parcels, context } = d.facts.facts({
      tid: req.tid ?? null,
      ...(req.buyerNick ? { buyerNick: req.buyerNick } : {}),
      ...(req.buyer ? { buyer: req.buyer } : {}),
      ...(req.transfer ? { transfer: req.transfer } : {}),
      staffName: req.user?.displayName ?? d.config.systemStaffName,
    });
    const buyerNick = req.buyerNick ?? order?.buyerNick;
    if (!buyerNick && !(req.tid && !order))
      throw new ValidationError({ message: '没有订单时请填写买家昵称', code: 'field_required', field: 'buyerNick' });
    if (order && req.buyerNick && req.buyerNick !== order.buyerNick)
      throw new ValidationError({
        message: `订单 ${order.tid} 不是这位买家的`,
        code: 'order_other_buyer',
        field: 'buyerNick',
        params: { tid: order.tid, buyerNick: req.buyerNick },
      });
    const now = d.clock.now();
    const requested =
      req.dueAt === undefined ? now : typeof req.dueAt === 'number' ? req.dueAt : parseInstant(req.dueAt);
    const key = idempotencyKey({
      kind: req.kind,
      tid: req.tid ?? null,
      buyerNick: buyerNick ?? '',
      ...(req.transfer ? { reference: req.transfer.reference } : {}),
      at: requested,
    });
    const existing = d.repo.get(messageIdFor(key));
    const refusal = enqueueRefusal({
      optedOut: !!buyerNick && !!d.repo.optOut(buyerNick),
      duplicate: !!existing,
      state: checkState(req.kind, { ...(order ? { order } : {}), hasTid: !!req.tid, parcels, now }),
    });
    const rendered = renderTemplate(d.templates, template.id, context, req.values ?? {});
    const channel: BuyerChannelKind =
      template.meta.channels.includes('sms') && d.buyerChannel.supports(req.kind) ? d.buyerChannel.kind : 'outbox';
    const first = firstSendTime(req.kind, template.meta.marketing, Math.max(requested, now), d.config);
    return {
      template,
      order,
      context,
      buyerNick: buyerNick ?? '',
      key,
      existing,
      refusal,
      rendered,
      channel,
      first,
      requested,
    };
  }

  function preview(req: EnqueueRequest): Preview {
    const p = prepare(req);
    const missing = p.rendered.missingPrompts.length > 0 && !p.refusal ? { reason: 'missing_values' as const } : null;
    return {
      text: p.rendered.text,
      missingPrompts: p.rendered.missingPrompts,
      usedFallbacks: p.rendered.usedFallbacks,
      channel: p.channel,
      sendAt: toInstant(p.first.at),
      window: p.first.window,
      refusal: p.refusal ?? missing,
    };
  }

  async function enqueue(req: EnqueueRequest): Promise<EnqueueResult> {
    const p = prepare(req);
    if (p.refusal) return { queued: false, ...p.refusal, ...(p.existing ? { message: p.existing } : {}) };
    // A message with a blank for staff to fill must never reach a buyer as 【请填写：…】.
    if (p.rendered.missingPrompts.length > 0)
      return { queued: false, reason: 'missing_values', missing: p.rendered.missingPrompts };
    const message: OutboundMessage = {
      id: messageIdFor(p.key),
      key: p.key,
      kind: req.kind,
      audience: 'buyer',
      tid: req.tid ?? null,
      buyerNick: p.buyerNick,
      reason: req.reason,
      channel: p.channel,
      text: p.rendered.text,
      ...(p.channel === 'aliyun-sms'
        ? {
            smsParams: smsParams(p.context),
            ...(p.context.buyer?.maskedPhone ? { to: p.context.buyer.maskedPhone } : {}),
          }
        : {}),
      state: 'queued',
      ...(p.first.at > p.requested
        ? { stateReason: p.first.window === 'normal' ? 'quiet_hours' : 'outside_window' }
        : {}),
      dueAt: toInstant(p.first.at),
      // A `due-day` kind is for the day it was asked for, even when the quiet hours push its first send past it.
      ...(MESSAGE_VALIDITY[req.kind] === 'due-day'
        ? { validUntil: toInstant(endOfShanghaiDay(Math.max(p.requested, d.clock.now()))) }
        : {}),
      createdAt: nowInstant(d),
      createdBy: req.user?.username ?? 'system',
      attempts: 0,
    };
    const stored = await d.repo.insertNew(message);
    if (!stored.created) return { queued: false, reason: 'duplicate', message: stored.message };
    d.logger.info(
      { messageId: message.id, kind: message.kind, tid: message.tid, dueAt: message.dueAt, channel: message.channel },
      'message queued',
    );
    return { queued: true, message, window: p.first.window };
  }

  return { enqueue, preview };
}
