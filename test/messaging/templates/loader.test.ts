/** Loading refuses broken templates at start-up, listing every problem with file and line. */
import { describe, expect, it } from 'vitest';
import { loadTemplates, TemplateError, type TemplateFinding } from '../../../src/messaging/templates/index.js';
import { quickReplyFile, templateDir, TEMPLATES_DIR } from './fixtures.js';

async function findingsOf(
  files: Record<string, string>,
): Promise<{ error: TemplateError; findings: readonly TemplateFinding[] }> {
  const dir = await templateDir(files);
  const error = await loadTemplates(dir).then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).toBeInstanceOf(TemplateError);
  return { error: error as TemplateError, findings: (error as TemplateError).findings };
}

const SHOP = '  shopName:\n    label: 店铺名\n    source: shop.name';

describe('loadTemplates', () => {
  it('when the real templates/ directory is loaded, then every template loads with zero findings', async () => {
    const set = await loadTemplates(TEMPLATES_DIR);
    expect(set.all.length).toBeGreaterThanOrEqual(36);
    expect(set.byShortcut('/fh')?.id).toBe('arrival');
    expect(set.byShortcut('fh')?.id).toBe('arrival');
    expect(set.byKind('birthday')?.id).toBe('birthday');
  });

  it('when the body uses a variable the front-matter does not declare, then loading fails naming the variable, file and line', async () => {
    const { error, findings } = await findingsOf({
      'quick-replies/a.hbs': quickReplyFile({ body: '亲，您好~\n订单{{tid}}已收到' }),
    });
    expect(findings).toEqual([
      expect.objectContaining({ file: expect.stringMatching(/quick-replies\/a\.hbs$/), line: 9, rule: 'variables' }),
    ]);
    expect(error.message).toMatch(/quick-replies\/a\.hbs:9 \[variables\] variable "tid" is used but not declared/);
  });

  it('when the body has a Handlebars syntax error, then loading fails with a parse finding on the file line of the error', async () => {
    const { findings } = await findingsOf({
      'quick-replies/a.hbs': quickReplyFile({ variables: SHOP, body: '欢迎光临\n{{#if shopName}}{{shopName}}' }),
    });
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({ rule: 'parse', line: 13 });
    expect(findings[0]!.message).toMatch(/Handlebars parse error/);
  });

  it('when a required field is missing and another is invalid, then both are reported at once', async () => {
    const file = ['---', 'id: Bad_Id', 'category: 售前', 'shortcut: /x', 'channels: [chat]', '---', '亲~', ''].join(
      '\n',
    );
    const { findings } = await findingsOf({ 'quick-replies/a.hbs': file });
    expect(findings.map((f) => [f.line, f.rule, f.message.split(':')[0]])).toEqual(
      expect.arrayContaining([
        [2, 'metadata', '"id"'],
        [1, 'metadata', '"title" is missing'],
      ]),
    );
  });

  it('when a quick reply has no shortcut or a message has no kind, then the folder rule reports it', async () => {
    const message = ['---', 'id: m', 'title: 消息', 'category: 催付', 'channels: [outbox]', '---', '亲~', ''].join(
      '\n',
    );
    const quick = quickReplyFile().replace('shortcut: /sl\n', '');
    const { findings } = await findingsOf({ 'messages/m.hbs': message, 'quick-replies/q.hbs': quick });
    expect(findings.map((f) => f.message)).toEqual([
      expect.stringContaining('needs a kind'),
      expect.stringContaining('needs a shortcut'),
    ]);
  });

  it('when two quick replies share a shortcut, then the second is reported on its shortcut line naming the first file', async () => {
    const { findings } = await findingsOf({
      'quick-replies/a.hbs': quickReplyFile({ id: 'a', shortcut: '/fh' }),
      'quick-replies/b.hbs': quickReplyFile({ id: 'b', shortcut: '/fh' }),
    });
    expect(findings).toEqual([
      expect.objectContaining({ rule: 'duplicate', line: 5, file: expect.stringMatching(/b\.hbs$/) }),
    ]);
    expect(findings[0]!.message).toMatch(/shortcut "\/fh" is also used by .*a\.hbs/);
  });

  it('when two templates share an id, then the duplicate id is reported', async () => {
    const { findings } = await findingsOf({
      'quick-replies/a.hbs': quickReplyFile({ id: 'same', shortcut: '/a' }),
      'quick-replies/b.hbs': quickReplyFile({ id: 'same', shortcut: '/b' }),
    });
    expect(findings.map((f) => [f.rule, f.line, f.message.slice(0, 12)])).toEqual([['duplicate', 2, 'id "same" is']]);
  });

  it('when a variable source is not a context path, then the source line is named', async () => {
    const vars = '  addr:\n    label: 地址\n    source: order.receiver.address';
    const { findings } = await findingsOf({
      'quick-replies/a.hbs': quickReplyFile({ variables: vars, body: '{{addr}}' }),
    });
    expect(findings).toEqual([
      expect.objectContaining({
        rule: 'variables',
        line: 12,
        message: expect.stringContaining('order.receiver.address'),
      }),
    ]);
  });

  it('when the body reads a field the context does not have, or a prototype member, then loading fails', async () => {
    const vars = '  buyer:\n    label: 买家\n    source: buyer';
    const { findings } = await findingsOf({
      'quick-replies/a.hbs': quickReplyFile({
        variables: vars,
        body: '{{buyer.nick}}{{buyer.realName}}\n{{buyer.constructor}}',
      }),
    });
    expect(findings.map((f) => [f.line, f.message])).toEqual([
      [12, expect.stringContaining('buyer.realName')],
      [13, expect.stringContaining('buyer.constructor')],
    ]);
  });

  it('when the body prints a whole object such as the parcel, then it is reported (a buyer would read [object Object])', async () => {
    const vars = '  parcel:\n    label: 快递\n    source: parcel';
    const { findings } = await findingsOf({
      'quick-replies/a.hbs': quickReplyFile({ variables: vars, body: '{{waybill parcel}}\n{{parcel}}' }),
    });
    expect(findings).toEqual([
      expect.objectContaining({ line: 13, message: expect.stringContaining('"parcel" is parcel, an object') }),
    ]);
  });

  it('when the body calls an unknown helper or a partial, then each is reported', async () => {
    const { findings } = await findingsOf({
      'quick-replies/a.hbs': quickReplyFile({ variables: SHOP, body: '{{upper shopName}}\n{{> footer}}' }),
    });
    expect(findings.map((f) => [f.line, f.message])).toEqual([
      [12, expect.stringMatching(/^unknown helper "upper"/)],
      [13, expect.stringMatching(/^PartialStatement is not supported/)],
    ]);
  });

  it('when #each walks the order items, then item fields are checked against the context', async () => {
    const vars = '  order:\n    label: 订单\n    source: order';
    const ok = quickReplyFile({ variables: vars, body: '{{#each order.items}}{{title}}×{{num}}{{/each}}' });
    const bad = quickReplyFile({
      id: 'b',
      shortcut: '/b',
      variables: vars,
      body: '{{#each order.items}}{{price}}{{/each}}',
    });
    const { findings } = await findingsOf({ 'quick-replies/a.hbs': ok, 'quick-replies/b.hbs': bad });
    expect(findings).toEqual([
      expect.objectContaining({
        file: expect.stringMatching(/b\.hbs$/),
        message: expect.stringContaining('"price" is not a field of order.items[]'),
      }),
    ]);
  });

  it('when a declared variable is never used, then it is reported so typos surface', async () => {
    const { findings } = await findingsOf({ 'quick-replies/a.hbs': quickReplyFile({ variables: SHOP, body: '亲~' }) });
    expect(findings).toEqual([
      expect.objectContaining({ line: 8, message: 'variable "shopName" is declared but the body never uses it' }),
    ]);
  });

  it('when files have problems of different kinds, then one error lists all of them', async () => {
    const { error, findings } = await findingsOf({
      'quick-replies/a.hbs': quickReplyFile({ id: 'a', shortcut: '/a', body: '{{nope}}' }),
      'quick-replies/b.hbs': quickReplyFile({ id: 'b', shortcut: '/b', body: '{{#if}}' }),
      'quick-replies/c.hbs': 'no front matter',
      'stray.hbs': quickReplyFile({ id: 's', shortcut: '/s' }),
      'robots/x.hbs': quickReplyFile({ id: 'x', shortcut: '/x' }),
    });
    const byFile = findings
      .map((f) => [f.file.replace(/^.*xiaoer-templates-[^/]+\//, ''), f.rule])
      .sort((x, y) => x[0]!.localeCompare(y[0]!));
    expect(byFile).toEqual([
      ['quick-replies/a.hbs', 'variables'],
      ['quick-replies/b.hbs', 'parse'],
      ['quick-replies/c.hbs', 'front-matter'],
      ['robots/x.hbs', 'front-matter'],
      ['stray.hbs', 'front-matter'],
    ]);
    expect(error.message).toMatch(/^templates failed to load \(5 problems\):/);
  });

  it('when the directory does not exist, then a TemplateError says so', async () => {
    await expect(loadTemplates('/nonexistent/xiaoer-templates')).rejects.toThrow(/cannot read the template directory/);
  });
});
