/**
 * Aliyun sends only pre-approved templates with ${name} slots, never free text. Every kind gets
 * the same small set of slots, so the shop registers its SMS templates with these names:
 * ${name} ${shop} ${order} ${item} ${waybill} ${deadline} ${amount} ${staff}.
 * Aliyun limits a slot to 35 characters; longer values are cut with an ellipsis.
 */
import { HELPERS, type RenderContext } from '../templates/index.js';

const LIMIT = 35;
const cut = (s: string) => ([...s].length > LIMIT ? `${[...s].slice(0, LIMIT - 1).join('')}…` : s);

export function smsParams(ctx: RenderContext): Record<string, string> {
  const call = (helper: string, value: unknown) => HELPERS[helper]!(value, { hash: {} });
  const params: Record<string, string | undefined> = {
    name: call('honorific', ctx.buyer),
    shop: ctx.shop.name,
    order: ctx.order?.tid,
    item: ctx.order?.itemBrief,
    waybill: ctx.parcel ? call('waybill', ctx.parcel) : undefined,
    deadline: ctx.order?.payDeadlineAt ? call('datetime', ctx.order.payDeadlineAt) : undefined,
    amount: ctx.transfer ? call('money', ctx.transfer.amount) : undefined,
    staff: ctx.staff.displayName,
  };
  return Object.fromEntries(
    Object.entries(params)
      .filter((e): e is [string, string] => !!e[1])
      .map(([k, v]) => [k, cut(v)]),
  );
}
