/** Message kinds have one list of names (templates/metadata.ts), read by the handover and served to the console. */
import { describe, expect, it } from 'vitest';
import { messageKindLabel, messageKindLabels } from '../../src/messaging/index.js';
import { NOTICE_KIND_LABELS } from '../../src/messaging/outbound/message.js';
import { loadTemplates } from '../../src/messaging/templates/index.js';
import { MESSAGE_KIND_LABELS, MESSAGE_KINDS } from '../../src/messaging/templates/metadata.js';
import { preparedShop } from '../handover/support/prepared-shop.js';
import { copiesOutside } from '../support/literal-copies.js';
import { TEMPLATES_DIR } from './templates/fixtures.js';

const OWNERS = ['src/messaging/templates/metadata.ts', 'src/messaging/outbound/message.ts'];

describe('message kind names', () => {
  it('when the source is searched, then no file but metadata.ts (and message.ts for the staff notice) spells a kind name', () => {
    const names = [...Object.values(MESSAGE_KIND_LABELS), ...Object.values(NOTICE_KIND_LABELS)];
    expect(names).toContain('催付（首次）');
    // The remark the keeper writes is also called 退款已登记: a remark kind, not this message.
    expect(copiesOutside(names, OWNERS, { 退款已登记: ['src/remarks/catalogue/kinds-refund-balance.ts'] })).toEqual({});
  });

  it('when every kind is named, then each has a Chinese name, the staff notice too, and an unknown kind shows as it is', () => {
    const all = messageKindLabels();
    expect(Object.keys(all)).toEqual([...MESSAGE_KINDS, 'staff-notice']);
    for (const [kind, name] of Object.entries(all)) expect(name, kind).toMatch(/^[\u4e00-\u9fff（）]+$/);
    expect(messageKindLabel('logistics-stuck')).toBe('物流停滞通知');
    expect(messageKindLabel('gone-kind')).toBe('gone-kind');
    expect(messageKindLabel('constructor')).toBe('constructor');
  });

  it("when the shipped templates are loaded, then each message template is titled with its kind's name", async () => {
    const set = await loadTemplates(TEMPLATES_DIR);
    for (const kind of MESSAGE_KINDS) expect(set.byKind(kind)?.meta.title, kind).toBe(MESSAGE_KIND_LABELS[kind]);
  });

  it('when a message failed during the shift, then the handover names its kind in Chinese, in JSON and in Markdown', async () => {
    const { ops } = await preparedShop();
    const report = await ops.handoverReport('day', '2026-11-23');
    const failed = report.openItems.flatMap((g) => g.items).filter((i) => i.kind === 'message');
    expect(failed.map((i) => i.title)).toEqual(['中差评关怀 发送失败']);
    const md = await ops.handoverMarkdown('day', '2026-11-23');
    expect(md).toContain('- 消息：生日祝福 发送2/排队1/失败0；中差评关怀 发送0/排队0/失败1');
    expect(md).not.toMatch(/review-repair|birthday/);
  });
});
