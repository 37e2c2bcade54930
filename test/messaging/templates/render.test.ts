/** Rendering lists what staff still must fill, uses fallbacks, and never reaches a prototype. */
import { beforeAll, describe, expect, it } from 'vitest';
import {
  buildRenderContext,
  COMPILE_OPTIONS,
  createTemplateEnvironment,
  loadTemplates,
  renderTemplate,
  type TemplateSet,
} from '../../../src/messaging/templates/index.js';
import { FIXED_INPUT, fixedContext, quickReplyFile, templateDir, TEMPLATES_DIR } from './fixtures.js';

describe('renderTemplate', () => {
  let set: TemplateSet;
  beforeAll(async () => {
    set = await loadTemplates(TEMPLATES_DIR);
  });

  it('when a prompt is not filled, then it is listed and shown as a visible placeholder', () => {
    const r = renderTemplate(set, 'bargain-decisive', fixedContext());
    expect(r.missingPrompts).toEqual([{ name: 'offer', label: '让利' }]);
    expect(r.text).toBe(
      '好吧亲，我就做主给您【请填写：让利】啦！拍下后我帮您改价，顺手收藏一下小店哦，上新了方便找到我们~',
    );
  });

  it('when the prompt is filled, then the value is used and nothing is missing', () => {
    const r = renderTemplate(set, 'bargain-decisive', fixedContext(), { offer: '减5元' });
    expect(r.missingPrompts).toEqual([]);
    expect(r.text).toContain('给您减5元啦');
  });

  it('when a filled prompt is only spaces, then it still counts as missing', () => {
    expect(renderTemplate(set, 'bargain-decisive', fixedContext(), { offer: '  ' }).missingPrompts).toHaveLength(1);
  });

  it('when the context lacks a sourced value without fallback, then it becomes a missing prompt that staff may fill', () => {
    const noOrder = buildRenderContext({ ...FIXED_INPUT, order: undefined });
    const r = renderTemplate(set, 'payment-reminder-last', noOrder);
    expect(r.missingPrompts.map((p) => p.name)).toEqual(['tid', 'items', 'deadline']);
    expect(r.text).toContain('订单【请填写：订单号】（【请填写：商品】）将在【请填写：关闭时间】自动关闭');
    const filled = renderTemplate(set, 'payment-reminder-last', noOrder, {
      tid: '123',
      items: '帆布鞋',
      deadline: '今晚',
    });
    expect(filled.missingPrompts).toEqual([]);
    expect(filled.text).toContain('订单123（帆布鞋）将在今晚自动关闭');
  });

  it('when the context lacks a sourced value that has a fallback, then the fallback is used and reported', () => {
    const ctx = buildRenderContext({
      staff: { displayName: '小雅' },
      shop: { name: '拾光衣橱' },
      parcel: { company: 'yuantong', waybill: 'YT1' },
    });
    const r = renderTemplate(set, 'logistics-stuck', ctx);
    expect(r.usedFallbacks.map((f) => f.name)).toEqual(['buyer', 'lastEvent']);
    expect(r.text.startsWith('亲，您的包裹（圆通速递 YT1）这两天物流更新有点慢，最新进度是：暂无新的物流信息。')).toBe(
      true,
    );
  });

  it('when the context has the value, then staff input does not override the order data', () => {
    expect(renderTemplate(set, 'return-sent', fixedContext(), { returnWaybill: 'Y1', nick: 'someone' }).text).toContain(
      '旺旺名tb_lily2024',
    );
  });

  it('when the template id or a value name is unknown, then NotFoundError or ValidationError is thrown', () => {
    expect(() => renderTemplate(set, 'nope', fixedContext())).toThrow(
      expect.objectContaining({ name: 'NotFoundError' }),
    );
    expect(() => renderTemplate(set, 'stock', fixedContext(), { size: 'M' })).toThrow(
      expect.objectContaining({ name: 'ValidationError', field: 'values.size' }),
    );
  });

  it('when a template is rendered, then HTML-looking text stays as written (plain-text channels compile with noEscape)', async () => {
    const vars = '  items:\n    label: 商品\n    prompt: 商品';
    const dir = await templateDir({
      'quick-replies/a.hbs': quickReplyFile({ variables: vars, body: '{{items}} & <b>' }),
    });
    const own = await loadTemplates(dir);
    expect(renderTemplate(own, 'sample', fixedContext(), { items: 'T恤 & "帆布鞋" <新>' }).text).toBe(
      'T恤 & "帆布鞋" <新> & <b>',
    );
  });
});

describe('the template environment', () => {
  it('when a template reads constructor or __proto__, then they render as nothing (no prototype access)', () => {
    const env = createTemplateEnvironment();
    const t = env.compile(
      '[{{constructor}}][{{__proto__}}][{{buyer.constructor.name}}][{{#with buyer}}{{constructor.name}}{{/with}}][{{buyer.hasOwnProperty}}]',
      COMPILE_OPTIONS,
    );
    expect(t({ buyer: { nick: 'tb' } })).toBe('[][][][][]');
  });

  it('when a template calls a helper that is not registered, then it does not compile', () => {
    const env = createTemplateEnvironment();
    expect(() => env.compile('{{lookup buyer "nick"}}', COMPILE_OPTIONS)({ buyer: { nick: 'x' } })).toThrow(
      /unknown helper lookup/,
    );
  });

  it('when two environments are created, then helpers live only in them and not in the global Handlebars', async () => {
    const Handlebars = (await import('handlebars')).default;
    expect(Object.hasOwn(Handlebars.helpers, 'money')).toBe(false);
    expect(Object.hasOwn(createTemplateEnvironment().helpers, 'money')).toBe(true);
  });
});
