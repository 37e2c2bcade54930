/** What every template file declares about itself; validated at load so a wrong field fails at start-up. */
import { z } from 'zod';

export const TEMPLATE_PURPOSES = ['quick-reply', 'message'] as const;
export type TemplatePurpose = (typeof TEMPLATE_PURPOSES)[number];

/** chat: pasted by staff into the platform chat; outbox/sms: outbound to a buyer; robot: internal group notices. */
export const TEMPLATE_CHANNELS = ['chat', 'outbox', 'sms', 'robot'] as const;
export type TemplateChannel = (typeof TEMPLATE_CHANNELS)[number];

/** One outbound message template per kind; the send policy keys its once-per-order rule on these. */
export const MESSAGE_KINDS = [
  'payment-reminder-first',
  'payment-reminder-last',
  'birthday',
  'review-repair',
  'logistics-shipped',
  'logistics-stuck',
  'logistics-delivered',
  'logistics-misdelivered',
  'logistics-returning',
  'logistics-refused',
  'transfer-received',
  'transfer-not-found',
  'refund-registered',
] as const;
export type MessageKind = (typeof MESSAGE_KINDS)[number];

/**
 * The name staff read for each kind (console, handover report): the only copy, served to the console by
 * GET /api/labels. The shipped templates use the same words as their titles.
 */
export const MESSAGE_KIND_LABELS: Readonly<Record<MessageKind, string>> = {
  'payment-reminder-first': '催付（首次）',
  'payment-reminder-last': '催付（关闭前）',
  birthday: '生日祝福',
  'review-repair': '中差评关怀',
  'logistics-shipped': '发货通知',
  'logistics-stuck': '物流停滞通知',
  'logistics-delivered': '签收通知',
  'logistics-misdelivered': '快递送错通知',
  'logistics-returning': '包裹退回通知',
  'logistics-refused': '包裹拒收通知',
  'transfer-received': '汇款到账通知',
  'transfer-not-found': '汇款未查到',
  'refund-registered': '退款已登记',
};

/**
 * How long a message of each kind still makes sense after it was queued; the dispatcher drops one that outlived
 * it (state `dropped`, counted) instead of sending it late. Kinds not listed wait as long as the policy makes them.
 * - `due-day`: until the end of the Shanghai day it was meant for. A birthday greeting is for the birthday: one held
 *   back by the daily cap or the quiet hours must not arrive the day after.
 * - `awaiting-payment`: while its order waits for payment (not paid, not closed, before its payment deadline), read
 *   again right before sending.
 */
export type MessageValidity = 'due-day' | 'awaiting-payment';
export const MESSAGE_VALIDITY: Readonly<Partial<Record<MessageKind, MessageValidity>>> = {
  birthday: 'due-day',
  'payment-reminder-first': 'awaiting-payment',
  'payment-reminder-last': 'awaiting-payment',
};

/** Names a template body cannot use for a variable: Handlebars keywords and prototype members. */
const RESERVED_NAMES = new Set([
  'this',
  'constructor',
  'prototype',
  '__proto__',
  'toString',
  'valueOf',
  'hasOwnProperty',
  'root',
]);

export const variableNameSchema = z
  .string()
  .regex(/^[a-zA-Z][a-zA-Z0-9]*$/, 'variable names are letters and digits, starting with a letter')
  .refine((n) => !RESERVED_NAMES.has(n), 'this variable name is reserved');

export const variableSchema = z
  .strictObject({
    label: z.string().min(1),
    source: z
      .string()
      .regex(/^[a-zA-Z][a-zA-Z0-9]*(\.[a-zA-Z][a-zA-Z0-9]*)*$/, 'source is a dotted path such as order.tid')
      .optional(),
    prompt: z.string().min(1).optional(),
    fallback: z.string().optional(),
  })
  .refine((v) => (v.source === undefined) !== (v.prompt === undefined), {
    message:
      'a variable has either a source (read from the order context) or a prompt (filled by staff), not both or neither',
  });
export type TemplateVariable = z.infer<typeof variableSchema>;

export const templateMetaSchema = z.strictObject({
  id: z.string().regex(/^[a-z0-9]+(-[a-z0-9]+)*$/, 'id is kebab-case: lower-case letters, digits and dashes'),
  title: z.string().min(1),
  category: z.string().min(1),
  shortcut: z
    .string()
    .regex(/^\/[a-z0-9]{1,12}$/, 'shortcut is a slash and 1–12 lower-case letters or digits, like /fh')
    .optional(),
  channels: z.array(z.enum(TEMPLATE_CHANNELS)).min(1),
  kind: z.enum(MESSAGE_KINDS).optional(),
  marketing: z.boolean().default(false),
  variables: z.record(variableNameSchema, variableSchema).default({}),
});
export type TemplateMeta = z.infer<typeof templateMetaSchema>;

/** Rules that depend on the folder the file sits in (quick replies need a shortcut; messages need a kind). */
export function purposeProblems(purpose: TemplatePurpose, meta: TemplateMeta): { field: string; message: string }[] {
  const problems: { field: string; message: string }[] = [];
  if (purpose === 'quick-reply') {
    if (!meta.shortcut) problems.push({ field: 'shortcut', message: 'a quick reply needs a shortcut (like /fh)' });
    if (meta.kind) problems.push({ field: 'kind', message: 'kind is for outbound messages, not quick replies' });
  } else {
    if (!meta.kind)
      problems.push({
        field: 'kind',
        message: `an outbound message needs a kind (one of ${MESSAGE_KINDS.join(', ')})`,
      });
    if (meta.channels.includes('chat'))
      problems.push({ field: 'channels', message: 'outbound messages go through outbox/sms/robot, not chat' });
  }
  return problems;
}
