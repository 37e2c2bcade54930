/** Exact text of every quick reply for the fixed order: a wording change must change this file too. */
import { beforeAll, describe, expect, it } from 'vitest';
import { loadTemplates, renderTemplate, type TemplateSet } from '../../../src/messaging/templates/index.js';
import { fixedContext, TEMPLATES_DIR } from './fixtures.js';

type Golden = { values?: Record<string, string>; text: string; fallbacks?: string[] };

const GOLDEN: Record<string, Golden> = {
  greeting: { text: '亲，您好！我是拾光衣橱的客服小雅，请问有什么可以帮您的吗？' },
  welcome: { text: '欢迎光临拾光衣橱！我是客服小雅，很高兴为您服务~看中哪款都可以问我哦。' },
  stock: { text: '亲，页面上能拍下的宝贝一般都有现货哦~万一遇到缺货，我们会第一时间联系您。' },
  'size-chart': {
    text: '亲，每款宝贝的详情页都有尺码表，量一下平时穿着合身的衣服或鞋子，对照表里的尺寸选就不容易错~告诉我您的身高、体重（买鞋的话说下平时穿的码和脚长），我帮您推荐一个码。',
  },
  recommend: {
    values: { picks: '基础款纯棉T恤、休闲帆布鞋' },
    text: '亲，这几款买过的亲都说穿着舒服、版型好看，可以看看哦：基础款纯棉T恤、休闲帆布鞋\n告诉我您平时穿的尺码和喜欢的颜色，我再帮您挑~',
  },
  'bargain-promise': {
    text: '亲，谢谢您这么支持我们！这一单完成后您就是小店的老顾客了，以后再来我们会尽量给您多一些优惠哦~',
  },
  'bargain-compare': {
    text: '亲，看起来一样的东西，面料和做工可能差别挺大的。我们每件都是正品，发货前都会检查，这个价格已经很实在啦。您可以多比较看看，选了我们，售前售后我们都会尽力做好~',
  },
  'bargain-decisive': {
    values: { offer: '包邮' },
    text: '好吧亲，我就做主给您包邮啦！拍下后我帮您改价，顺手收藏一下小店哦，上新了方便找到我们~',
  },
  'bargain-balance': {
    text: '没关系的亲，您方便的时候再付款就好。我们尽量帮您把这件宝贝留着，付款后马上给您安排发货，也别让我们等太久哦~',
  },
  'think-it-over': {
    text: '好的亲~是不是我刚才哪里没说清楚？您主要在犹豫哪一点呢，告诉我，我帮您再看看。收到后有任何问题也都可以找我们哦。',
  },
  courier: {
    text: '亲，我们默认发中通快递，您那边能收到吗？需要指定快递的话请在订单里备注，我们尽量给您安排哦~',
    fallbacks: ['courier'],
  },
  arrival: {
    text: '亲，17:00前付款的订单一般当天发出，发货后正常2到3天能到，偏远地区会慢一些。发出后我们会帮您留意物流哦~',
  },
  hurry: {
    text: '亲，真不好意思让您久等了！仓库正在加紧配货，我这就帮您去催，发出后第一时间告诉您单号。如果实在等不及，我们也可以帮您办理退款，不过还是希望您再给我们一点时间~',
  },
  wait: { text: '亲，请稍等，我马上帮您查一下~您也可以先逛逛店里其他宝贝哦。' },
  busy: { text: '亲，不好意思，现在咨询的人有点多，回复慢了些，让您久等了~' },
  'after-purchase': {
    values: { shipTime: '明天上午' },
    text: '亲，感谢您的信任！跟您确认一下：收货手机是138****5678，地址以订单上的为准。没问题的话我们预计明天上午发出，发货后会把快递公司和单号告诉您~',
  },
  'left-without-buying': {
    text: '亲，谢谢您来看看，这次没能帮上您，有点遗憾~小店每半个月左右会上新，欢迎收藏店铺，下次再来逛哦！',
  },
  praise: { text: '谢谢亲的认可！您穿着喜欢就是我们最大的动力，祝您生活愉快~' },
  dislike: {
    text: '亲，宝贝上身效果不太满意呀，真是有点遗憾~是尺码不合适，还是颜色、款式不喜欢呢？告诉我，我帮您看看换一个码还是退回更合适。',
  },
  'return-sent': {
    values: { returnWaybill: 'YT8800123456' },
    text: '好的亲，退换货给您添麻烦了！请问包裹里有没有放写着您要求的纸条呢？我会把退回单号YT8800123456和您的旺旺名tb_lily2024转给售后同事，她找到包裹后会联系您。',
  },
  'refund-pending': {
    text: '亲，非常抱歉让您久等了！您寄回的包裹我们正在仓库核对查找，找到后会马上给您办理退款，有进展我第一时间告诉您~',
  },
  'wrong-item': {
    text: '亲，非常抱歉给您添麻烦了，请先别生气！麻烦您拍张照片给我，看看是哪一款、什么情况。这是我们的失误，核实后马上给您处理~',
  },
  misdelivered: {
    text: '亲，非常抱歉！快递把包裹送错了地方，我这就联系快递公司尽快给您转过去。如果明天还没转到，我们给您用顺丰重新发一份，不用您补运费，您看可以吗？',
  },
  'aftersale-dislike': {
    text: '亲，宝贝不喜欢的话，包装完好、不影响再次销售的情况下，可以寄回来给您退款或换成别的宝贝哦。因为不是质量问题，寄回的运费需要您承担。寄出后把单号告诉我，我们收到后会尽快处理~',
  },
  'aftersale-quality': {
    values: { compensation: '5元' },
    text: '亲，先别着急，给您添麻烦了！质量问题的来回运费都由我们承担。您看这两种哪种更方便：\n1. 宝贝不影响穿着的话，给您退5元作为补偿；\n2. 给您退款，或者免运费给您补发一份新的。\n您选好告诉我，我们马上处理~',
  },
  'colour-difference': {
    text: '亲，我们的图片都是实物拍摄，不过不同手机屏幕和光线下看颜色会有一点差别，收到后建议在自然光下再看看哦~如果差别大到影响您穿，拍张照片发给我，我们帮您看怎么处理。',
  },
  'exchange-size': {
    text: '亲，尺码不合适可以换的哦~吊牌和包装保持完好、没有穿着洗涤过就行。您先告诉我想换的尺码，我查一下有没有货，再把退回地址发给您，寄出后把单号告诉我，我们收到就给您换新码发出。',
  },
  washing: {
    text: '亲，洗涤方法以衣服里的水洗标为准哦~一般建议第一次单独冷水手洗，深色和浅色分开，不要长时间浸泡、不要暴晒；鞋子可以用软毛刷蘸清水轻刷，放在阴凉处晾干。',
  },
};

describe('quick-reply templates', () => {
  let set: TemplateSet;
  beforeAll(async () => {
    set = await loadTemplates(TEMPLATES_DIR);
  });

  it('when the golden table is compared with templates/quick-replies, then every quick reply has exactly one golden text', () => {
    expect(
      set.all
        .filter((t) => t.purpose === 'quick-reply')
        .map((t) => t.id)
        .sort(),
    ).toEqual(Object.keys(GOLDEN).sort());
  });

  for (const [id, golden] of Object.entries(GOLDEN)) {
    it(`when "${id}" is rendered for the fixed order, then the text is exactly the approved wording`, () => {
      const result = renderTemplate(set, id, fixedContext(), golden.values);
      expect(result.text).toBe(golden.text);
      expect(result.missingPrompts).toEqual([]);
      expect(result.usedFallbacks.map((f) => f.name)).toEqual(golden.fallbacks ?? []);
    });
  }

  it('when quick replies are listed, then each is for chat and has its own shortcut', () => {
    const quick = set.all.filter((t) => t.purpose === 'quick-reply');
    expect(quick.every((t) => t.meta.channels.join() === 'chat')).toBe(true);
    expect(new Set(quick.map((t) => t.meta.shortcut)).size).toBe(quick.length);
  });
});
