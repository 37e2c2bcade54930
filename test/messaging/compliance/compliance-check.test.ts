/**
 * The check of everything leaving for a buyer: one phrase per category is found and named with its category and a
 * compliant wording, simple evasions are caught, and the shop's own words (every template, rendered or not, and the
 * knowledge base's seeded answers) pass.
 */
import { readdir, readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { SEED_ENTRIES } from '../../../src/knowledge/index.js';
import { createComplianceCheck } from '../../../src/messaging/compliance/compliance-check.js';
import {
  COMPLIANCE_CATEGORIES,
  COMPLIANCE_PHRASES,
  preparePhrases,
  renderTemplate,
} from '../../../src/messaging/templates/index.js';
import { fixedContext, TEMPLATES_DIR } from '../templates/fixtures.js';
import { templates } from '../support/world.js';

const check = createComplianceCheck();
const first = (text: string) => check.scan(text)[0];

describe('compliance check: one sentence per category', () => {
  const cases = [
    ['review-reward', '亲，给个好评返现5元哦', '好评返现', '如有不满意请联系客服，我们会尽力解决'],
    [
      'review-change',
      '麻烦您删差评，给您作为补偿',
      '删差评',
      '给您添麻烦了，我们先把问题给您处理好，有需要随时联系我们',
    ],
    ['off-platform', '方便的话加微信 abc123 聊', '加微信', '有问题直接在旺旺上联系我们就好，我们随时在线'],
    ['off-platform', '钱您私下转账给我就行', '私下转账', '有问题直接在旺旺上联系我们就好，我们随时在线'],
    ['off-platform', '有事加我QQ 12345678', 'qq', '有问题直接在旺旺上联系我们就好，我们随时在线'],
    ['off-platform', '留个电话，我打给您', '留个电话', '有问题直接在旺旺上联系我们就好，我们随时在线'],
    ['absolute-word', '这款是全店销量第一的', '第一', '很受欢迎，口碑不错'],
    ['absolute-word', '国家级品质，放心穿', '国家级', '品质可靠'],
  ] as const;
  for (const [category, text, phrase, suggestion] of cases)
    it(`when a text says “${text}”, then “${phrase}” is found as ${category} with a compliant wording`, () => {
      expect(first(text)).toEqual({
        phrase,
        category,
        categoryLabel: expect.stringMatching(/\p{Script=Han}/u),
        suggestion,
      });
    });

  it('when the built-in list is read, then every category has phrases and nothing but Chinese reaches staff', () => {
    for (const c of COMPLIANCE_CATEGORIES) expect(COMPLIANCE_PHRASES.some((p) => p.rule === c)).toBe(true);
  });

  it('when the issue’s typed message is checked, then its longest phrase is named first and every kind is found', () => {
    const found = check.scan('您改成好评我们给您返现10元，加微信 abc123 私下转账').map((f) => f.phrase);
    expect(found).toEqual(expect.arrayContaining(['改成好评', '返现', '加微信', '私下转账']));
    expect(found).not.toContain('微信');
  });
});

describe('compliance check: evasions', () => {
  const evasions = [
    ['好 评 返 现', '好评返现'],
    ['好/评/返/现', '好评返现'],
    ['好，评。返！现', '好评返现'],
    ['加\u200b微\u200b信', '加微信'],
    ['加ＶＸ', 'vx'],
    ['加 V 信', 'v信'],
    ['Q.Q：123456', 'qq'],
    ['ＱＱ号多少', 'qq'],
    ['删😀差😀评', '删差评'],
    ['私 下 转 账', '私下转账'],
  ] as const;
  for (const [text, phrase] of evasions)
    it(`when “${text}” hides a phrase with spaces, punctuation, full-width letters, case or symbols, then “${phrase}” is found`, () => {
      expect(first(text)?.phrase).toBe(phrase);
    });

  it('when a phrase of letters alone is part of a longer word (a nick, a brand), then it is not found', () => {
    expect(check.scan('亲爱的vxiaoli，您好')).toEqual([]);
    expect(check.scan('tb_qqueen 的包裹已发出')).toEqual([]);
  });

  it('when an allowed word holds a banned one (第一时间, 第一次), then it passes, but the banned use elsewhere does not', () => {
    expect(check.scan('有消息第一时间告诉您，第一次洗建议冷水手洗')).toEqual([]);
    expect(first('有消息第一时间告诉您，这款销量第一')?.phrase).toBe('第一');
  });

  it('when a phrase is added, then a check built on the longer list finds it', () => {
    const extended = createComplianceCheck({
      phrases: () =>
        preparePhrases([...COMPLIANCE_PHRASES, { phrase: '送运费险', rule: 'review-reward', why: 'test' }]),
    });
    expect(check.scan('好评送运费险')).toEqual([expect.objectContaining({ phrase: '好评送' })]);
    expect(extended.scan('确认收货就送 运费险').map((f) => f.phrase)).toEqual(['送运费险']);
  });
});

describe('compliance check: no false positive on the shop’s own words', () => {
  async function hbsFiles(dir: string): Promise<string[]> {
    const out: string[] = [];
    for (const e of await readdir(dir, { withFileTypes: true })) {
      const path = join(dir, e.name);
      if (e.isDirectory()) out.push(...(await hbsFiles(path)));
      else if (e.name.endsWith('.hbs')) out.push(path);
    }
    return out;
  }

  it('when every template file under templates/ is checked as written, then none is refused', async () => {
    const files = await hbsFiles(TEMPLATES_DIR);
    expect(files.length).toBeGreaterThan(30);
    const hits = [];
    for (const f of files) {
      const body = (await readFile(f, 'utf8')).split(/^---$/m).slice(2).join('---');
      hits.push(...check.scan(body).map((x) => `${f}: ${x.phrase}`));
    }
    expect(hits).toEqual([]);
  });

  it('when every template is rendered for an order, then no rendered text is refused', async () => {
    const set = await templates();
    const hits = set.all.flatMap((t) =>
      check.scan(renderTemplate(set, t.id, fixedContext(), {}).text).map((x) => `${t.id}: ${x.phrase}`),
    );
    expect(set.all.length).toBeGreaterThan(30);
    expect(hits).toEqual([]);
  });

  it('when every seeded knowledge answer and question is checked, then none is refused', () => {
    expect(SEED_ENTRIES.length).toBeGreaterThan(20);
    const hits = SEED_ENTRIES.flatMap((e) =>
      check.scan(`${e.question}\n${e.answer}`).map((x) => `${e.id}: ${x.phrase}`),
    );
    expect(hits).toEqual([]);
  });
});
