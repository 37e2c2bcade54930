/** Every banned phrase makes its template refuse to load, with file, line and phrase in the message. */
import { describe, expect, it } from 'vitest';
import {
  COMPLIANCE_PHRASES,
  lintCompliance,
  loadTemplates,
  TemplateError,
} from '../../../src/messaging/templates/index.js';
import { quickReplyFile, templateDir } from './fixtures.js';

describe('compliance lint', () => {
  for (const { phrase, rule } of COMPLIANCE_PHRASES) {
    it(`when a template body contains "${phrase}", then loading refuses it with file, line and phrase (${rule})`, async () => {
      const dir = await templateDir({
        'quick-replies/bad.hbs': quickReplyFile({ body: `亲，您好~\n这句话里有${phrase}的字样` }),
      });
      const error = await loadTemplates(dir).then(
        () => null,
        (e: unknown) => e,
      );
      expect(error).toBeInstanceOf(TemplateError);
      const findings = (error as TemplateError).findings;
      expect(findings).toEqual([expect.objectContaining({ rule: 'compliance', phrase, line: 9 })]);
      expect((error as TemplateError).message).toContain(
        `quick-replies/bad.hbs:9 [compliance] banned phrase "${phrase}"`,
      );
    });
  }

  it('when a banned phrase hides in the front-matter, then its line there is reported', async () => {
    const file = quickReplyFile().replace('title: 示例', 'title: 好评返现话术');
    const dir = await templateDir({ 'quick-replies/bad.hbs': file });
    await expect(loadTemplates(dir)).rejects.toThrow(/bad\.hbs:3 \[compliance\] banned phrase "好评返现"/);
  });

  it('when a phrase is disguised with spaces, full-width letters or dots, then it is still found', () => {
    expect(lintCompliance('欢迎 加 Ｖ 聊').map((f) => f.phrase)).toEqual(['加v']);
    expect(lintCompliance('我们保·证新鲜').map((f) => f.phrase)).toEqual(['保证']);
    expect(lintCompliance('加 微 信 领红包').map((f) => f.phrase)).toEqual(['加微信']);
  });

  it('when a longer phrase contains a shorter one, then only the longer one is reported for that line', () => {
    expect(lintCompliance('a\n好评返现5元\n返现').map((f) => [f.line, f.phrase])).toEqual([
      [2, '好评返现'],
      [3, '返现'],
    ]);
  });

  it('when text uses the allowed soft words 尽量 and 努力, then nothing is reported', () => {
    expect(lintCompliance('我们会尽量帮您催，努力让您早点收到~\n您的汇款已经到账啦')).toEqual([]);
  });

  it('when the phrase list is read, then every entry explains why it is there', () => {
    expect(COMPLIANCE_PHRASES.every((p) => p.why.length > 5)).toBe(true);
    expect(COMPLIANCE_PHRASES.map((p) => p.phrase)).toEqual(
      expect.arrayContaining([
        '好评返现',
        '返现',
        '改好评',
        '删差评',
        '删除评价',
        '追评返',
        '淘口令',
        '加微信',
        '微信转账',
        '加v',
        '私下交易',
        '支付宝转账',
        '肯定',
        '保证',
        '绝对',
      ]),
    );
  });
});
