/**
 * 改地址/收件人/电话. Red: the warehouse must ship to the new address. On a printed order the label
 * is already out, so the named assistant gets a task to fix it; the assistant's `label_fixed` closes
 * it, and when the label cannot be fixed the original staff writes `label_not_fixed`, which closes
 * the assistant's task and opens a courier/buyer follow-up for themselves.
 * The spec only spells the printed text for the address; receiver and phone use the same sentence
 * with their own noun (收件人须更改为 / 电话须更改为), mirroring the not-printed texts.
 */
import { z } from 'zod';
import { personName, text } from './fields.js';
import type { RemarkForm, RemarkKind } from './types.js';

const NOT_PRINTED = ['unpaid', 'paid_not_printed'] as const;
const PRINTED = ['printed'] as const;

const FIELD_NOUNS = [
  ['address', '收件地址修改为:', '地址须更改为:'],
  ['receiver', '收件人修改为:', '收件人须更改为:'],
  ['phone', '电话修改为:', '电话须更改为:'],
] as const;

const changeForms: RemarkForm[] = FIELD_NOUNS.flatMap(([field, notPrinted, printed]): RemarkForm[] => [
  { variant: 'not_printed', states: NOT_PRINTED, fixed: { field }, template: `${notPrinted}{value}+{staff}/{date}` },
  {
    variant: 'printed',
    states: PRINTED,
    fixed: { field },
    template: `${printed}{value},待改面单,已交{assistant}处理+{staff}/{date}`,
    handoff: { opens: { type: 'fix_label', assignee: 'assistant' } },
  },
]);

const changeSchema = z
  .object({
    field: z.enum(['address', 'receiver', 'phone'], '要改的项目必须是收件地址、收件人或电话'),
    value: text('新内容', 200),
    assistant: personName('助理').optional(),
  })
  .strict()
  .superRefine((f, ctx) => {
    if (f.field === 'phone' && !/^\d[\d-]{5,18}\d$/.test(f.value)) {
      ctx.addIssue({
        code: 'custom',
        path: ['value'],
        message: '电话只能包含数字和 -',
        params: { code: 'phone_not_digits' },
      });
    }
    if (f.field !== 'address' && /[,，]/.test(f.value)) {
      ctx.addIssue({ code: 'custom', path: ['value'], message: '收件人/电话不能包含逗号' });
    }
  });

const DEFAULT_REASON = '快递已发';
/** The reason sits inside parentheses in the text, so it may not hold any. */
export const reason = text('原因', 30)
  .refine((s) => !/[()（）]/.test(s), '原因不能包含括号')
  .default(DEFAULT_REASON);

export const ADDRESS_KINDS: readonly RemarkKind[] = [
  {
    id: 'address.change',
    title: '改地址/收件人/电话',
    writer: 'staff',
    flag: 1,
    schema: changeSchema,
    forms: changeForms,
  },
  {
    id: 'address.label_fixed',
    title: '面单地址已改',
    writer: 'assistant',
    flag: null,
    schema: z.object({}).strict(),
    forms: [
      {
        variant: 'default',
        states: PRINTED,
        template: '面单地址已改+{staff}/{date}',
        handoff: { closes: { type: 'fix_label' } },
      },
    ],
  },
  {
    id: 'address.label_not_fixed',
    title: '面单未找到(改地址)',
    writer: 'original_staff',
    flag: 1,
    schema: z.object({ reason, courierContact: text('快递联系人', 30).optional() }).strict(),
    forms: [
      {
        variant: 'default',
        states: PRINTED,
        needs: ['courierContact'],
        template: '面单未找到({reason}),已联系快递{courierContact}修改+{staff}/{date}',
        handoff: { closes: { type: 'fix_label' }, opens: { type: 'courier_followup', assignee: 'writer' } },
      },
      {
        variant: 'default',
        states: PRINTED,
        template: '面单未找到({reason}),已联系快递退回+{staff}/{date}',
        handoff: { closes: { type: 'fix_label' }, opens: { type: 'courier_followup', assignee: 'writer' } },
      },
    ],
  },
];
