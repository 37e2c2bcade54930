/** Exact text of every outbound message for the fixed order: a wording change must change this file too. */
import { beforeAll, describe, expect, it } from 'vitest';
import {
  loadTemplates,
  MESSAGE_KINDS,
  renderTemplate,
  type TemplateSet,
} from '../../../src/messaging/templates/index.js';
import { fixedContext, TEMPLATES_DIR } from './fixtures.js';

const GOLDEN: Record<string, { values?: Record<string, string>; text: string }> = {
  'payment-reminder-first': {
    text: '王女士，您好！您在拾光衣橱拍下的纯棉短袖T恤等3件商品还没有付款哦。宝贝已经帮您留好了，方便的时候完成付款，我们会尽快为您发货~',
  },
  'payment-reminder-last': {
    text: '王女士，您在拾光衣橱的订单3912345678901234（纯棉短袖T恤等3件商品）将在11月24日 00:20自动关闭。还需要的话，请在这之前完成付款哦；已经不需要了，忽略这条消息就好~',
  },
  birthday: {
    text: '王女士，今天是您的生日，拾光衣橱的小伙伴们祝您生日快乐，天天开心！谢谢您一直以来的陪伴~ 回TD退订',
  },
  'review-repair': {
    values: { resolution: '给您免费补发一份新的帆布鞋' },
    text: '王女士，您好，我是拾光衣橱的客服小雅。看到您对纯棉短袖T恤等3件商品的反馈，这次没能让您满意，真的很抱歉。我们想先把问题解决好：给您免费补发一份新的帆布鞋。您看这样可以吗？方便的话回复我，或者告诉我什么时间联系您合适~',
  },
  'logistics-shipped': {
    text: '王女士，您在拾光衣橱买的纯棉短袖T恤等3件商品已经发货啦！快递：顺丰速运 SF1402023456789，可以在订单详情里查看物流。收到后有任何问题随时找我们~',
  },
  'logistics-stuck': {
    text: '王女士，您的包裹（顺丰速运 SF1402023456789）这两天物流更新有点慢，最新进度是：快件已到达【杭州转运中心】。我们已经在联系快递公司催促，有新消息会第一时间告诉您，给您添麻烦了~',
  },
  'logistics-delivered': {
    text: '王女士，您的包裹（顺丰速运 SF1402023456789）显示已经签收啦。如果不是您本人签收或者还没拿到，请联系我们，我们帮您查。穿着合身的话，别忘了给我们说说感受哦~',
  },
  'logistics-misdelivered': {
    text: '王女士，非常抱歉，您的包裹（顺丰速运 SF1402023456789）被快递送错了地方，我们已经联系快递公司尽快转送。如果明天还没转到，我们会用顺丰给您重新发一份，不用您补运费。有进展马上告诉您~',
  },
  'logistics-returning': {
    text: '王女士，您的包裹（顺丰速运 SF1402023456789）物流显示正在退回我们这里。想跟您确认一下：这份宝贝您还需要吗？需要的话回复我们一声，我们尽快重新给您发出；如果是有别的原因，也请告诉我们，我们帮您处理~',
  },
  'logistics-refused': {
    text: '王女士，您的包裹（顺丰速运 SF1402023456789）显示被拒收了，正在退回。是包裹或者宝贝有什么不满意的地方吗？麻烦您跟我们说一下，我们会尽力给您处理好；如果不是您本人拒收的，我们也可以重新给您安排发货~',
  },
  'transfer-received': {
    text: '王女士，您的汇款¥128.80已经到账啦，谢谢！我们会尽快为您安排发货，发出后把单号告诉您~ ——拾光衣橱',
  },
  'transfer-not-found': {
    text: '王女士，您好！您11月20日告诉我们的汇款¥128.80，这三天我们还没有在账户里查到。麻烦您核对一下汇款账号、金额和附言（XE7731），方便的话把汇款凭证发给我们，我们再帮您查~',
  },
  'refund-registered': {
    values: { refundAmount: '29元' },
    text: '王女士，您的退款29元我们已经登记好了，核对后会尽快退回您的原支付账户，请留意查收。给您添麻烦了~ ——拾光衣橱',
  },
};

describe('outbound message templates', () => {
  let set: TemplateSet;
  beforeAll(async () => {
    set = await loadTemplates(TEMPLATES_DIR);
  });

  it('when the golden table is compared with templates/messages, then every message template and every kind has exactly one golden text', () => {
    const ids = set.all
      .filter((t) => t.purpose === 'message')
      .map((t) => t.id)
      .sort();
    expect(ids).toEqual(Object.keys(GOLDEN).sort());
    expect(MESSAGE_KINDS.map((k) => set.byKind(k)?.id).sort()).toEqual(ids);
  });

  for (const [id, golden] of Object.entries(GOLDEN)) {
    it(`when "${id}" is rendered for the fixed order, then the text is exactly the approved wording and nothing is left to fill`, () => {
      const result = renderTemplate(set, id, fixedContext(), golden.values);
      expect(result.text).toBe(golden.text);
      expect(result.missingPrompts).toEqual([]);
      expect(result.usedFallbacks).toEqual([]);
    });
  }

  it('when the review-repair message is read, then it offers care and a fix and never mentions changing or removing a review', () => {
    const text = renderTemplate(set, 'review-repair', fixedContext(), { resolution: '补发' }).text;
    expect(text).not.toMatch(/评价|好评|差评|评论|星/);
  });

  it('when marketing flags are read, then only the birthday greeting is marketing and it tells the buyer how to opt out', () => {
    expect(set.all.filter((t) => t.meta.marketing).map((t) => t.id)).toEqual(['birthday']);
    expect(set.get('birthday')!.body).toContain('回TD退订');
  });
});
