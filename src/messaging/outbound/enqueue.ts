/**
 * Queuing a buyer message: the policy's refusals come back as values (opted out, already queued,
 * paid since...), never as exceptions, so the scheduler can count them. The text is rendered now,
 * from the order as it is, and the idempotency key is fixed before anything can be sent.
 */
import { NotFoundError, ValidationError } from '../../shared/errors.js';
import type { OutgoingFinding } from '../compliance/compliance-check.js';
import { parseInstant, toInstant } from '../../shared/time.js';
import { enqueueRefusal, firstSendTime, type EnqueueRefusal } from '../policy/send-policy.js';
import { checkState } from '../policy/state-checks.js';
import { endOfShanghaiDay } from '../policy/validity.js';
import type { WindowName } from '../policy/send-windows.js';
import {
  maskedPhone,
  renderTemplate,
  type BuyerProfile,
  type PromptRef,
  type TransferInput,
} from '../templates/index.js';
import { MESSAGE_VALIDITY, type MessageKind } from '../templates/metadata.js';
import { idempotencyKey, messageIdFor, ORDER_KINDS, type BuyerChannelKind, type OutboundMessage } from './message.js';
import { refuseNonCompliant } from './value-lint.js';
import { logAttempt, nowInstant, type OutboundDeps } from './outbound-deps.js';
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
  /** A job's message: the username who answers for it if it waits for a value (a transfer's taking staff). */
  owner?: string;
}

export type EnqueueResult =
  | { queued: true; message: OutboundMessage; window: WindowName }
  | { queued: false; reason: EnqueueRefusal; detail?: string; message?: OutboundMessage; missing?: PromptRef[] };

/** Epoch ms of when a request is for: now unless it names a time. */
const requestedAt = (req: EnqueueRequest, now: number) =>
  req.dueAt === undefined ? now : typeof req.dueAt === 'number' ? req.dueAt : parseInstant(req.dueAt);

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
  /** Forbidden phrases in the text as it would go out (queuing it would be refused naming the first). */
  nonCompliant: OutgoingFinding[];
}

export function createEnqueue(d: OutboundDeps) {
  /** `self`: the id of the stored message being filled in, which is not its own duplicate. */
  function prepare(req: EnqueueRequest, self?: string) {
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
    const requested = requestedAt(req, now);
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
      duplicate: !!existing && existing.id !== self,
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

  type Prepared = ReturnType<typeof prepare>;

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
      nonCompliant: d.compliance.scan(p.rendered.text),
    };
  }

  /** The text, channel, send time and validity of a message that can be sent as rendered. */
  function sendable(p: Prepared) {
    return {
      channel: p.channel,
      text: p.rendered.text,
      ...(p.channel === 'aliyun-sms'
        ? {
            smsParams: smsParams(p.context),
            ...(p.context.buyer?.maskedPhone ? { to: p.context.buyer.maskedPhone } : {}),
          }
        : {}),
      state: 'queued' as const,
      stateReason:
        p.first.at > p.requested ? (p.first.window === 'normal' ? 'quiet_hours' : 'outside_window') : undefined,
      dueAt: toInstant(p.first.at),
    };
  }

  /** What a message kept for a person (not queued) holds of its render: it is shown, and sent once released. */
  const keptFor = (req: EnqueueRequest, p: Prepared) => ({
    ...base(req, p),
    channel: p.channel,
    text: p.rendered.text,
    dueAt: toInstant(p.first.at),
  });

  /**
   * A job's message that lacks a value is kept for a person (state needs_values) with what a later render needs;
   * its key is the one the job's next run computes, so the rerun finds it instead of making another.
   */
  async function holdForValues(req: EnqueueRequest, p: Prepared): Promise<EnqueueResult> {
    const message: OutboundMessage = {
      ...keptFor(req, p),
      state: 'needs_values',
      stateReason: 'needs_values',
      missing: p.rendered.missingPrompts,
      ...(req.values && Object.keys(req.values).length ? { values: { ...req.values } } : {}),
      ...(req.transfer ? { transfer: { ...req.transfer } } : {}),
      // Kept for the later render, which shows the phone masked only: a plain number is never stored.
      ...(req.buyer
        ? { buyer: { ...req.buyer, ...(req.buyer.phone ? { phone: maskedPhone(req.buyer.phone) } : {}) } }
        : {}),
      ...(req.owner ? { owner: req.owner } : {}),
      requestedAt: toInstant(p.requested),
    };
    const stored = await d.repo.insertNew(message);
    if (stored.created) await logAttempt(d, message, 'needs-values', { error: missingNames(message) });
    return waiting(stored.message) ?? { queued: false, reason: 'duplicate', message: stored.message };
  }

  /** A job's message whose text holds a forbidden phrase: stored held (待人工确认) with the phrase, not queued. */
  async function holdNonCompliant(req: EnqueueRequest, p: Prepared, phrase: string): Promise<EnqueueResult> {
    const message: OutboundMessage = {
      ...keptFor(req, p),
      state: 'held',
      stateReason: 'non_compliant',
      lastError: phrase,
    };
    const stored = await d.repo.insertNew(message);
    if (stored.created) await logAttempt(d, message, 'held', { error: `non_compliant: ${phrase}` });
    return { queued: false, reason: 'non_compliant', detail: phrase, message: stored.message };
  }

  function base(req: EnqueueRequest, p: Prepared) {
    return {
      id: messageIdFor(p.key),
      key: p.key,
      kind: req.kind,
      audience: 'buyer' as const,
      tid: req.tid ?? null,
      buyerNick: p.buyerNick,
      reason: req.reason,
      // A `due-day` kind is for the day it was asked for, even when the quiet hours push its first send past it.
      ...(MESSAGE_VALIDITY[req.kind] === 'due-day'
        ? { validUntil: toInstant(endOfShanghaiDay(Math.max(p.requested, d.clock.now()))) }
        : {}),
      createdAt: nowInstant(d),
      createdBy: req.user?.username ?? 'system',
      attempts: 0,
    };
  }

  async function enqueue(req: EnqueueRequest): Promise<EnqueueResult> {
    const p = prepare(req);
    // A person is refused at once, naming the phrase, before any policy answer (a duplicate would hide it); a job's
    // message that trips a phrase (one the keeper added since the template was written) is kept for a person below.
    if (req.user) refuseNonCompliant(d.compliance, req.values ?? {}, p.rendered.text);
    if (p.refusal) {
      // A job's rerun finds its message still waiting for a person: the same answer as the first run, not a duplicate.
      const held = p.refusal.reason === 'duplicate' && p.existing ? waiting(p.existing) : undefined;
      return held ?? { queued: false, ...p.refusal, ...(p.existing ? { message: p.existing } : {}) };
    }
    const finding = req.user ? undefined : d.compliance.scan(p.rendered.text)[0];
    if (finding) return holdNonCompliant(req, p, finding.phrase);
    // A message with a blank must never reach a buyer as 【请填写：…】: a person fills it first.
    if (p.rendered.missingPrompts.length > 0)
      return req.user
        ? { queued: false, reason: 'missing_values', missing: p.rendered.missingPrompts }
        : holdForValues(req, p);
    const message: OutboundMessage = { ...base(req, p), ...sendable(p) };
    if (message.stateReason === undefined) delete message.stateReason;
    const stored = await d.repo.insertNew(message);
    if (!stored.created) return { queued: false, reason: 'duplicate', message: stored.message };
    d.logger.info(
      { messageId: message.id, kind: message.kind, tid: message.tid, dueAt: message.dueAt, channel: message.channel },
      'message queued',
    );
    return { queued: true, message, window: p.first.window };
  }

  return { enqueue, preview, prepare, sendable };
}

/** A message waiting for a person's values, as the answer a job gets (never `queued`, never a plain refusal). */
function waiting(m: OutboundMessage): EnqueueResult | undefined {
  if (m.state !== 'needs_values') return undefined;
  return { queued: false, reason: 'needs_values', message: m, missing: m.missing ?? [] };
}

const missingNames = (m: OutboundMessage) => (m.missing ?? []).map((x) => x.name).join(',');
