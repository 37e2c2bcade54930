/** Staff find quick replies by shortcut, title, pinyin initials or text; the most exact match comes first. */
import { beforeAll, describe, expect, it } from 'vitest';
import { quickReplySearch, type QuickReplyHit } from '../../../src/messaging/quick-replies/index.js';
import { loadTemplates, type TemplateSet } from '../../../src/messaging/templates/index.js';
import { quickReplyFile, templateDir, TEMPLATES_DIR } from '../templates/fixtures.js';

describe('quick-reply search over the real templates', () => {
  let set: TemplateSet;
  let search: (q: string) => QuickReplyHit[];
  beforeAll(async () => {
    set = await loadTemplates(TEMPLATES_DIR);
    search = quickReplySearch(set);
  });

  it('when the query is empty, then every quick reply is listed with its id and no outbound message is', () => {
    const all = search('');
    expect(all).toHaveLength(set.all.filter((t) => t.purpose === 'quick-reply').length);
    expect(all.every((h) => h.id && h.match === 'all')).toBe(true);
    expect(all.map((h) => h.id)).not.toContain('birthday');
  });

  it('when the query is an exact shortcut, with or without the slash, then that reply comes first', () => {
    expect(search('/fh')[0]).toMatchObject({ id: 'arrival', match: 'shortcut' });
    expect(search('fh')[0]).toMatchObject({ id: 'arrival', match: 'shortcut' });
    expect(search('/KJ3')[0]).toMatchObject({ id: 'bargain-decisive', match: 'shortcut' });
  });

  it('when the query is the start of shortcuts, then those replies follow the exact one', () => {
    const hits = search('/kj');
    expect(hits.slice(0, 4).map((h) => [h.id, h.match])).toEqual(
      [
        ['bargain-promise', 'shortcut-prefix'],
        ['bargain-compare', 'shortcut-prefix'],
        ['bargain-decisive', 'shortcut-prefix'],
        ['bargain-balance', 'shortcut-prefix'],
      ].sort((a, b) => a[0]!.localeCompare(b[0]!)),
    );
  });

  it('when the query is pinyin initials, then titles containing those words are found after the exact shortcut', () => {
    const hits = search('fh');
    expect(hits.map((h) => [h.id, h.match])).toEqual(
      expect.arrayContaining([
        ['arrival', 'shortcut'],
        ['hurry', 'title-initials'],
      ]),
    );
    expect(hits.findIndex((h) => h.id === 'arrival')).toBeLessThan(hits.findIndex((h) => h.id === 'hurry'));
    expect(search('cmzmx').map((h) => h.id)).toContain('size-chart');
  });

  it('when the query is part of a title, then the title match ranks above replies that only mention it in the text', () => {
    const hits = search('快递');
    expect(hits[0]!.match).toBe('title');
    const firstText = hits.findIndex((h) => h.match === 'text');
    expect(firstText).toBeGreaterThan(0);
    expect(hits.slice(0, firstText).every((h) => h.title.includes('快递'))).toBe(true);
    expect(hits.map((h) => h.id)).toEqual(expect.arrayContaining(['courier', 'misdelivered', 'after-purchase']));
  });

  it('when the query only appears in the reply text, then it is found by text', () => {
    expect(search('面料和做工')).toEqual([expect.objectContaining({ id: 'bargain-compare', match: 'text' })]);
    expect(search('【让利】')).toEqual([expect.objectContaining({ id: 'bargain-decisive', match: 'text' })]);
  });

  it('when nothing matches, then the list is empty', () => {
    expect(search('zzzzqqq')).toEqual([]);
  });
});

describe('quick-reply search ranking', () => {
  it('when one reply has the exact shortcut, another the word in its title and a third in its text, then they come in that order', async () => {
    const dir = await templateDir({
      'quick-replies/a.hbs': quickReplyFile({ id: 'in-text', shortcut: '/zz', body: '我们马上发货~' }),
      'quick-replies/b.hbs': quickReplyFile({ id: 'in-title', shortcut: '/yy' }).replace(
        'title: 示例',
        'title: 发货说明',
      ),
      'quick-replies/c.hbs': quickReplyFile({ id: 'exact', shortcut: '/fh' }),
    });
    const search = quickReplySearch(await loadTemplates(dir));
    expect(search('发货').map((h) => [h.id, h.match])).toEqual([
      ['in-title', 'title'],
      ['in-text', 'text'],
    ]);
    expect(search('fh').map((h) => [h.id, h.match])).toEqual([
      ['exact', 'shortcut'],
      ['in-title', 'title-initials'],
    ]);
  });
});
