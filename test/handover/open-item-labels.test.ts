/**
 * The kinds of open item on the handover have one list of names (handover/open-item.ts): the Markdown and
 * 交接班 (via GET /api/labels) read it.
 */
import { describe, expect, it } from 'vitest';
import { KIND_TEXT, OPEN_ITEM_KINDS } from '../../src/handover/index.js';
import { copiesOutside } from '../support/literal-copies.js';
import { preparedShop } from './support/prepared-shop.js';

describe('open item kind names', () => {
  it('when the source is searched, then no file but open-item.ts spells the name of a kind of open item', () => {
    const names = Object.values(KIND_TEXT);
    expect(names).toContain('待人工匹配的汇款');
    // 投诉 is also the heading of the complaints page.
    expect(
      copiesOutside(names, ['src/handover/open-item.ts'], { 投诉: ['src/console/public/pages/complaints-page.js'] }),
    ).toEqual({});
  });

  it('when every kind is named, then each has a Chinese name', () => {
    expect(Object.keys(KIND_TEXT)).toEqual([...OPEN_ITEM_KINDS]);
    for (const [kind, name] of Object.entries(KIND_TEXT)) expect(name, kind).toMatch(/^[\u4e00-\u9fff/]+$/);
  });

  it("when the handover is written as Markdown, then each item is headed by its kind's name", async () => {
    const { ops } = await preparedShop();
    const markdown = await ops.handoverMarkdown('day', '2026-11-23');
    for (const name of Object.values(KIND_TEXT)) expect(markdown, name).toContain(`[${name}]`);
  });
});
