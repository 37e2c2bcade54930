/** The strict front-matter reader: what it accepts, and a line for everything it does not. */
import { describe, expect, it } from 'vitest';
import { parseFrontMatter } from '../../../src/messaging/templates/front-matter.js';

describe('parseFrontMatter', () => {
  it('when a well-formed file is read, then scalars, lists, booleans, quoted text and nested variables come back with their lines', () => {
    const fm = parseFrontMatter(
      [
        '---',
        'id: a',
        '# a comment',
        'channels: [outbox, sms]',
        'marketing: true',
        'title: "带 # 的: 标题"',
        'variables:',
        '  size:',
        '    label: 尺码',
        '    prompt: 请填写尺码',
        '---',
        '正文第一行',
        '第二行',
        '',
        '',
      ].join('\n'),
    );
    expect(fm.problems).toEqual([]);
    expect(fm.data).toEqual({
      id: 'a',
      channels: ['outbox', 'sms'],
      marketing: true,
      title: '带 # 的: 标题',
      variables: { size: { label: '尺码', prompt: '请填写尺码' } },
    });
    expect(fm.lines.get('variables.size.prompt')).toBe(10);
    expect(fm.body).toBe('正文第一行\n第二行');
    expect(fm.bodyStartLine).toBe(12);
  });

  it('when the file does not open or close the block, then line 1 is reported', () => {
    expect(parseFrontMatter('id: a\n').problems).toEqual([{ line: 1, message: expect.stringContaining('must start') }]);
    expect(parseFrontMatter('---\nid: a\n').problems).toEqual([
      { line: 1, message: expect.stringContaining('never closed') },
    ]);
  });

  it('when lines are malformed, then each is reported with its own line and the rest still parse', () => {
    const fm = parseFrontMatter(
      [
        '---',
        'id: a',
        'id: b',
        '\tx: 1',
        '   odd: 1',
        'not a pair',
        '  orphan: 1',
        'list: [a, "b"]',
        'q: "open',
        '---',
        '',
      ].join('\n'),
    );
    expect(fm.problems.map((p) => p.line)).toEqual([3, 4, 5, 6, 7, 8, 9]);
    expect(fm.data).toEqual({ id: 'a' });
  });

  it('when a file has a byte-order mark and Windows line ends, then it reads the same', () => {
    const fm = parseFrontMatter('\uFEFF---\r\nid: a\r\n---\r\n亲~\r\n');
    expect(fm.problems).toEqual([]);
    expect(fm.data).toEqual({ id: 'a' });
    expect(fm.body).toBe('亲~');
  });
});
