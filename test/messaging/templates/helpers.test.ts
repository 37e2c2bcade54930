/** Helpers print money from fen and times in Shanghai, whatever the host zone (tests run in Los Angeles). */
import { describe, expect, it } from 'vitest';
import { COMPILE_OPTIONS, createTemplateEnvironment, MissingValue } from '../../../src/messaging/templates/index.js';

const env = createTemplateEnvironment();
const render = (source: string, data: Record<string, unknown>) => env.compile(source, COMPILE_OPTIONS)(data);

describe('template helpers', () => {
  it('when the host zone is checked, then these tests really run far from Shanghai', () => {
    expect(process.env['TZ']).toBe('America/Los_Angeles');
  });

  it('when money is printed in the default style, then fen become ¥ with two decimals', () => {
    expect(render('{{money a}}|{{money b}}|{{money c}}|{{money d}}', { a: 0, b: 1205, c: 1250, d: 128800 })).toBe(
      '¥0.00|¥12.05|¥12.50|¥1288.00',
    );
  });

  it('when money is printed with style="yuan", then trailing zeros are dropped and 元 follows', () => {
    expect(
      render('{{money a style="yuan"}}|{{money b style="yuan"}}|{{money c style="yuan"}}|{{money d style="yuan"}}', {
        a: 0,
        b: 1205,
        c: 1250,
        d: 1500,
      }),
    ).toBe('0元|12.05元|12.5元|15元');
  });

  it('when money gets text a person typed or a non-integer number, then text passes through and a bad number fails loudly', () => {
    expect(render('{{money a}}', { a: '12.5元' })).toBe('12.5元');
    expect(render('{{money a}}', { a: '1205' })).toBe('¥12.05');
    expect(() => render('{{money a}}', { a: 12.5 })).toThrow(/integer fen/);
  });

  it('when an instant just after midnight in Shanghai is printed, then date, time and datetime show the Shanghai day and hour', () => {
    const at = '2026-11-24T00:20:00.000+08:00'; // 2026-11-23 08:20 in Los Angeles
    expect(render('{{date at}}|{{time at}}|{{datetime at}}|{{date at format="YYYY-MM-DD"}}', { at })).toBe(
      '11月24日|00:20|11月24日 00:20|2026-11-24',
    );
  });

  it('when a time is given as epoch milliseconds or as UTC text, then it is still shown in Shanghai time', () => {
    expect(render('{{datetime at}}', { at: Date.UTC(2026, 0, 31, 16, 5) })).toBe('2月1日 00:05');
    expect(render('{{datetime at}}', { at: '2026-01-31T16:05:00Z' })).toBe('2月1日 00:05');
  });

  it('when a date helper gets text that is not a time (a fallback like 前几天), then the text is shown as written', () => {
    expect(render('{{date at}}', { at: '前几天' })).toBe('前几天');
  });

  it('when the buyer has an honorific name, then it is used; otherwise the shop says 亲', () => {
    expect(render('{{honorific b}}', { b: { nick: 'x', honorificName: '王女士' } })).toBe('王女士');
    expect(render('{{honorific b}}', { b: { nick: 'x' } })).toBe('亲');
    expect(render('{{honorific b}}', {})).toBe('亲');
    expect(render('{{honorific b}}', { b: '亲' })).toBe('亲');
  });

  it('when a phone is printed, then only the first three and last four digits show', () => {
    expect(render('{{maskedPhone p}}|{{maskedPhone b}}', { p: '13812345678', b: { maskedPhone: '139****0000' } })).toBe(
      '138****5678|139****0000',
    );
  });

  it('when a parcel is printed with waybill, then the company name and number form the link text', () => {
    expect(
      render('{{waybill p}}|{{waybill q}}', {
        p: { companyName: '顺丰速运', waybill: 'SF1' },
        q: { company: 'zhongtong', waybill: 'ZT2' },
      }),
    ).toBe('顺丰速运 SF1|中通快递 ZT2');
  });

  it('when any helper gets a missing value, then the visible placeholder is printed instead of a guess', () => {
    const m = new MissingValue('金额');
    expect(render('{{money m}}|{{date m}}|{{honorific m}}|{{waybill m}}|{{m}}', { m })).toBe(
      '【请填写：金额】|【请填写：金额】|【请填写：金额】|【请填写：金额】|【请填写：金额】',
    );
  });

  it('when a value is empty, then helpers print nothing rather than ¥0.00 or a wrong date', () => {
    expect(render('[{{money a}}][{{date b}}][{{waybill c}}]', { a: null, b: '' })).toBe('[][][]');
  });
});
